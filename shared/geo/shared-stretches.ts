import { bbox, lineString, nearestPointOnLine, point } from '@turf/turf';
import type { LonLat } from '../scenario';
import { segmentIndexAtKm } from './segment-route';
import type { RouteSegments, SegmentOwners, SharedStretch } from './segments';

/** A later route's segment counts as running on an earlier route when its midpoint is this close to it, km. */
export const SHARED_STRETCH_TOLERANCE_KM = 0.1;

const PACK = 2 ** 20;

/** Packs a (route index, segment index) pair into one integer for `SegmentOwners`. */
export function packSegment(routeIndex: number, segment: number): number {
  return routeIndex * PACK + segment;
}

/** Unpacks `packSegment`. */
export function unpackSegment(packed: number): [routeIndex: number, segment: number] {
  return [Math.floor(packed / PACK), packed % PACK];
}

/**
 * Recognises stretches that routes share: every segment of a later route whose midpoint lies within
 * `toleranceKm` of an earlier route is assigned to that earlier route's segment (the lowest-index route
 * that runs there), so occupancies add up on one physical road and sites are not planned twice.
 */
export function findSharedStretches(
  lines: LonLat[][],
  segments: RouteSegments[],
  toleranceKm = SHARED_STRETCH_TOLERANCE_KM,
): { owners: SegmentOwners; stretches: SharedStretch[] } {
  const pad = toleranceKm / 100; // degrees; generous (1° ≥ ~90 km here)
  const features = lines.map((line) => lineString(line));
  const boxes = features.map((f) => bbox(f));
  const owners: SegmentOwners = segments.map((s) => new Int32Array(s.count).fill(-1));
  const stretches: SharedStretch[] = [];
  for (let r = 1; r < segments.length; r++) {
    const seg = segments[r];
    let open: SharedStretch | null = null;
    for (let i = 0; i < seg.count; i++) {
      const lon = seg.midLonLat[2 * i];
      const lat = seg.midLonLat[2 * i + 1];
      let found: [number, number, number] | null = null;
      for (let q = 0; q < r && !found; q++) {
        const [w, s, e, n] = boxes[q];
        if (lon < w - pad || lon > e + pad || lat < s - pad || lat > n + pad) continue;
        const snap = nearestPointOnLine(features[q], point([lon, lat]), { units: 'kilometers' });
        if ((snap.properties.dist ?? Infinity) <= toleranceKm) {
          const km = snap.properties.location ?? 0;
          found = [q, segmentIndexAtKm(segments[q], km), km];
        }
      }
      if (found) {
        const [q, j, km] = found;
        const upstream = owners[q][j];
        owners[r][i] = upstream >= 0 ? upstream : packSegment(q, j);
        if (open && open.sharedWithRouteIndex === q && open.toSegment === i - 1) {
          open.toSegment = i;
          open.sharedToKm = km;
        } else {
          open = {
            routeIndex: r,
            fromSegment: i,
            toSegment: i,
            sharedWithRouteIndex: q,
            sharedFromKm: km,
            sharedToKm: km,
          };
          stretches.push(open);
        }
      } else {
        open = null;
      }
    }
  }
  return { owners, stretches };
}
