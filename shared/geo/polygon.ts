import { bbox, booleanPointInPolygon, centroid, point } from '@turf/turf';
import type { LonLat, Polygon } from '../scenario';

/** True when the position lies inside the polygon (holes excluded, boundary included). */
export function pointInPolygon(position: LonLat, polygon: Polygon): boolean {
  return booleanPointInPolygon(point(position), polygon);
}

/** The polygon's centroid (mean of its vertices, Turf's `centroid`). */
export function polygonCentroid(polygon: Polygon): LonLat {
  const [lon, lat] = centroid(polygon).geometry.coordinates;
  return [lon, lat];
}

/** The polygon's bounding box [west, south, east, north], degrees. */
export function polygonBounds(polygon: Polygon): [number, number, number, number] {
  const [w, s, e, n] = bbox(polygon);
  return [w, s, e, n];
}
