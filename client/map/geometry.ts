/**
 * Small geodesy for drawing: cutting a polyline between two chainages and approximating a circle of a
 * given ground radius. Lon/lat interpolation inside one vertex interval is within metres of the geodesic
 * on routes with vertices a few km apart, which is below what the map can show.
 */
import { vertexChainageKm, type LonLat } from '../../shared/index';

/** A polyline with the chainage of each vertex. */
export interface Measured {
  line: readonly LonLat[];
  vertexKm: Float64Array;
}

export function measure(line: readonly LonLat[]): Measured {
  return { line, vertexKm: vertexChainageKm(line as LonLat[]) };
}

function lastIndexAtOrBefore(vertexKm: Float64Array, km: number): number {
  let lo = 0;
  let hi = vertexKm.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (vertexKm[mid] <= km) lo = mid;
    else hi = mid;
  }
  return lo;
}

function interpolate(m: Measured, i: number, km: number): LonLat {
  const a = m.line[i];
  const b = m.line[Math.min(i + 1, m.line.length - 1)];
  const span = m.vertexKm[Math.min(i + 1, m.line.length - 1)] - m.vertexKm[i];
  const f = span > 0 ? Math.min(1, Math.max(0, (km - m.vertexKm[i]) / span)) : 0;
  return [a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1])];
}

/** Position at chainage `km` (clamped to the ends). */
export function positionAt(m: Measured, km: number): LonLat {
  const n = m.line.length;
  if (n === 0) return [0, 0];
  if (km <= 0 || n === 1) return m.line[0];
  if (km >= m.vertexKm[n - 1]) return m.line[n - 1];
  return interpolate(m, lastIndexAtOrBefore(m.vertexKm, km), km);
}

/** The part of the polyline between chainages `fromKm` and `toKm` (at least two positions). */
export function sliceLine(m: Measured, fromKm: number, toKm: number): LonLat[] {
  const n = m.line.length;
  const length = m.vertexKm[n - 1] ?? 0;
  const a = Math.max(0, Math.min(fromKm, toKm));
  const b = Math.min(length, Math.max(fromKm, toKm));
  const out: LonLat[] = [positionAt(m, a)];
  let i = lastIndexAtOrBefore(m.vertexKm, a) + 1;
  while (i < n && m.vertexKm[i] < b) {
    if (m.vertexKm[i] > a) out.push(m.line[i]);
    i++;
  }
  out.push(positionAt(m, b));
  return out;
}

const EARTH_RADIUS_KM = 6371.0088;

/** A closed ring approximating the circle of `radiusKm` around a point (destination formula). */
export function circleRing(lon: number, lat: number, radiusKm: number, vertices = 48): LonLat[] {
  const rad = Math.PI / 180;
  const d = radiusKm / EARTH_RADIUS_KM;
  const lat1 = lat * rad;
  const lon1 = lon * rad;
  const ring: LonLat[] = [];
  for (let k = 0; k < vertices; k++) {
    const bearing = (2 * Math.PI * k) / vertices;
    const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(bearing));
    const lon2 =
      lon1 +
      Math.atan2(
        Math.sin(bearing) * Math.sin(d) * Math.cos(lat1),
        Math.cos(d) - Math.sin(lat1) * Math.sin(lat2),
      );
    ring.push([Math.round((lon2 / rad) * 1e6) / 1e6, Math.round((lat2 / rad) * 1e6) / 1e6]);
  }
  ring.push(ring[0]);
  return ring;
}

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
