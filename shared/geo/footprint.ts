import { circle } from '@turf/turf';
import type { LonLat } from '../scenario';

/**
 * A site's coverage footprint: a geodesic circle of `radiusKm` around it as a closed ring of `steps`
 * positions (Turf's `circle`), for maps, GeoJSON and Google Earth.
 */
export function coverageRing(lon: number, lat: number, radiusKm: number, steps = 64): LonLat[] {
  const poly = circle([lon, lat], Math.max(radiusKm, 1e-6), { steps, units: 'kilometers' });
  return poly.geometry.coordinates[0].map(([x, y]) => [x, y] as LonLat);
}
