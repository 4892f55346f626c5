/** Small geometry helpers for the map view (chainage, slicing and circles live in shared/geo). */
import type { LonLat } from '../../shared/index';

/** Bounding box [west, south, east, north] of positions, or null when there are none. */
export function boundsOf(positions: Iterable<LonLat>): [number, number, number, number] | null {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const [x, y] of positions) {
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  }
  return Number.isFinite(w) ? [w, s, e, n] : null;
}
