import { circle } from '@turf/turf';
import { vertexChainageKm } from '../geo/chainage';
import type { LonLat } from '../scenario';

/** Positions of the route between chainages `fromKm` and `toKm` (vertices inside plus interpolated ends). */
export function sliceLineKm(line: LonLat[], cumKm: Float64Array, fromKm: number, toKm: number): LonLat[] {
  const at = (km: number): LonLat => {
    let i = 1;
    while (i < cumKm.length - 1 && cumKm[i] < km) i++;
    const a = line[i - 1];
    const b = line[i];
    const span = cumKm[i] - cumKm[i - 1];
    const f = span > 0 ? Math.min(1, Math.max(0, (km - cumKm[i - 1]) / span)) : 0;
    return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f];
  };
  const out: LonLat[] = [at(fromKm)];
  for (let i = 0; i < line.length; i++) {
    if (cumKm[i] > fromKm && cumKm[i] < toKm) out.push(line[i]);
  }
  out.push(at(toKm));
  return out;
}

/** Cumulative chainage of a route's vertices, km (geodesic, as the planner measures it). */
export function routeChainage(line: LonLat[]): Float64Array {
  return vertexChainageKm(line);
}

/**
 * A site's coverage footprint: a geodesic circle of `radiusKm` around it as a closed ring of `steps`
 * positions (Turf's `circle`), for maps and Google Earth.
 */
export function coverageRing(lon: number, lat: number, radiusKm: number, steps = 64): LonLat[] {
  const poly = circle([lon, lat], Math.max(radiusKm, 1e-6), { steps, units: 'kilometers' });
  return poly.geometry.coordinates[0].map(([x, y]) => [x, y] as LonLat);
}

/** Rounds a coordinate to 7 decimals (about 1 cm), enough for any export. */
export function roundCoord(value: number): number {
  return Math.round(value * 1e7) / 1e7;
}
