import { bbox, lineString } from '@turf/turf';
import type { LonLat } from '../scenario';
import { measureLine, segmentIndexAtKm, type MeasuredLine } from './segment-route';
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

/** km per degree on Turf's sphere (radius 6,371,008.8 m). */
const KM_PER_DEGREE = (6371.0088 * Math.PI) / 180;

/**
 * Distance from a point to a polyline and the chainage of the nearest position, in a local
 * equirectangular projection around the point: within metres of the geodesic at the 100 m scale this
 * test works at, and far cheaper than building GeoJSON features for thousands of segment midpoints.
 */
function nearestOnLine(m: MeasuredLine, lon: number, lat: number): { distanceKm: number; atKm: number } {
  const kx = KM_PER_DEGREE * Math.cos((lat * Math.PI) / 180);
  const ky = KM_PER_DEGREE;
  let best = Infinity;
  let atKm = 0;
  for (let i = 0; i + 1 < m.line.length; i++) {
    const ax = (m.line[i][0] - lon) * kx;
    const ay = (m.line[i][1] - lat) * ky;
    const bx = (m.line[i + 1][0] - lon) * kx;
    const by = (m.line[i + 1][1] - lat) * ky;
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 > 0 ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2)) : 0;
    const px = ax + t * dx;
    const py = ay + t * dy;
    const dist = Math.sqrt(px * px + py * py);
    if (dist < best) {
      best = dist;
      atKm = m.vertexKm[i] + t * (m.vertexKm[i + 1] - m.vertexKm[i]);
    }
  }
  return { distanceKm: best, atKm };
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
  const measured = lines.map((line) => measureLine(line));
  const boxes = lines.map((line) => bbox(lineString(line)));
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
        const near = nearestOnLine(measured[q], lon, lat);
        if (near.distanceKm <= toleranceKm) found = [q, segmentIndexAtKm(segments[q], near.atKm), near.atKm];
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
