/**
 * Whether imported sites lie where the scenario is: a site far outside the box around its routes and
 * hotspots is most likely a typing or export slip (latitude and longitude swapped, a sign lost), which
 * the import cannot tell from a real site elsewhere, so the app asks instead of refusing.
 */
import type { LonLat } from '../../shared/index';
import type { ScenarioDoc } from './scenario-edits';

/** Sites farther than this outside the routes' and hotspots' box are pointed out, km. */
export const FAR_OUTSIDE_KM = 50;

const KM_PER_DEGREE_LAT = 111.32;

/**
 * The rows of the sites outside the box around the scenario's routes and hotspots widened by `marginKm`
 * (in file order); none when the scenario has no geometry yet.
 */
export function rowsFarOutside(
  doc: ScenarioDoc,
  sites: readonly { row: number; lon: number; lat: number }[],
  marginKm = FAR_OUTSIDE_KM,
): number[] {
  const points: LonLat[] = [
    ...doc.routes.flatMap((r) => r.line as LonLat[]),
    ...(doc.hotspots ?? []).flatMap((h) => h.area.coordinates.flat() as LonLat[]),
  ];
  if (points.length === 0) return [];
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon, lat] of points) {
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  const dLat = marginKm / KM_PER_DEGREE_LAT;
  const widest = Math.max(Math.abs(south), Math.abs(north)) + dLat;
  const dLon = marginKm / (KM_PER_DEGREE_LAT * Math.cos((Math.min(widest, 89) * Math.PI) / 180));
  return sites
    .filter((s) => s.lon < west - dLon || s.lon > east + dLon || s.lat < south - dLat || s.lat > north + dLat)
    .map((s) => s.row);
}
