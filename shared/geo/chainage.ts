import { along as turfAlong, length as turfLength, lineString, nearestPointOnLine, point } from '@turf/turf';
import type { LonLat } from '../scenario/primitives';

/**
 * Cumulative geodesic chainage (km) at each vertex of a polyline. Great-circle distances (Turf's
 * haversine), so chainage at vertex i is the distance walked from the origin along the line.
 */
export function vertexChainageKm(line: LonLat[]): Float64Array {
  const out = new Float64Array(line.length);
  for (let i = 1; i < line.length; i++) {
    out[i] =
      out[i - 1] + turfLength(lineString([line[i - 1], line[i]] as number[][]), { units: 'kilometers' });
  }
  return out;
}

/** Total geodesic length of a polyline, km. */
export function lineLengthKm(line: LonLat[]): number {
  if (line.length < 2) return 0;
  return turfLength(lineString(line), { units: 'kilometers' });
}

/** The position at `km` along the polyline (clamped to its ends). */
export function pointAtKm(line: LonLat[], km: number): LonLat {
  const c = turfAlong(lineString(line), Math.max(0, km), { units: 'kilometers' });
  const [lon, lat] = c.geometry.coordinates;
  return [lon, lat];
}

/** Result of snapping a point onto a route. */
export interface RouteSnap {
  /** Chainage of the snapped point, km. */
  atKm: number;
  /** Distance from the given point to the route, km. */
  offsetKm: number;
  /** The snapped position on the route. */
  position: LonLat;
}

/** Snaps a point to the nearest position on a polyline; reports its chainage and how far it was off. */
export function snapToRoute(line: LonLat[], at: LonLat): RouteSnap {
  const snapped = nearestPointOnLine(lineString(line), point(at as number[]), {
    units: 'kilometers',
  });
  const [lon, lat] = snapped.geometry.coordinates;
  return {
    atKm: snapped.properties.location ?? 0,
    offsetKm: snapped.properties.dist ?? 0,
    position: [lon, lat],
  };
}
