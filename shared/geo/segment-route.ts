import type { LonLat, Poles, Route } from '../scenario';
import { vertexChainageKm } from './chainage';
import type { RouteSegments } from './segments';

/** A polyline with its vertex chainages, for fast repeated position look-ups. */
export interface MeasuredLine {
  line: LonLat[];
  vertexKm: Float64Array;
  lengthKm: number;
}

/** Precomputes vertex chainages of a polyline. */
export function measureLine(line: LonLat[]): MeasuredLine {
  const vertexKm = vertexChainageKm(line);
  return { line, vertexKm, lengthKm: vertexKm[vertexKm.length - 1] };
}

/**
 * Position at chainage `km` on a measured line (clamped to its ends). Interpolates linearly in lon/lat
 * inside one vertex interval: for the few-km edges of a route this is within metres of the geodesic.
 */
export function positionAtKm(m: MeasuredLine, km: number): LonLat {
  const { line, vertexKm } = m;
  if (km <= 0) return line[0];
  if (km >= m.lengthKm) return line[line.length - 1];
  let lo = 0;
  let hi = vertexKm.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (vertexKm[mid] <= km) lo = mid;
    else hi = mid;
  }
  const span = vertexKm[hi] - vertexKm[lo];
  const f = span > 0 ? (km - vertexKm[lo]) / span : 0;
  return [line[lo][0] + f * (line[hi][0] - line[lo][0]), line[lo][1] + f * (line[hi][1] - line[lo][1])];
}

/** The part of a measured line between chainages `fromKm` and `toKm`: interpolated ends and the vertices between. */
export function sliceLineKm(m: MeasuredLine, fromKm: number, toKm: number): LonLat[] {
  const a = Math.max(0, Math.min(fromKm, toKm));
  const b = Math.min(m.lengthKm, Math.max(fromKm, toKm));
  const out: LonLat[] = [positionAtKm(m, a)];
  for (let i = 0; i < m.line.length; i++) {
    if (m.vertexKm[i] > a && m.vertexKm[i] < b) out.push(m.line[i]);
  }
  out.push(positionAtKm(m, b));
  return out;
}

/** Last pole number on a route of `lengthKm` (declared, or the last that fits). */
export function lastPoleNumber(poles: Poles, lengthKm: number): number {
  if (poles.lastNumber !== undefined) return poles.lastNumber;
  const fit = Math.floor(((lengthKm - poles.firstAtKm) * 1000) / poles.spacingMeters + 1e-9);
  return poles.firstNumber + Math.max(0, fit);
}

/** Nearest pole number to chainage `km` (clamped to the first and last pole). */
export function nearestPoleAtKm(poles: Poles, lengthKm: number, km: number): number {
  const n = poles.firstNumber + Math.round(((km - poles.firstAtKm) * 1000) / poles.spacingMeters);
  return Math.min(lastPoleNumber(poles, lengthKm), Math.max(poles.firstNumber, n));
}

/**
 * Nearest pole to chainage `km`, or null where the route has poles but not here (more than one pole
 * spacing before the first or after the last pole), so stretches far from the numbered road carry none.
 */
export function poleNearKm(poles: Poles, lengthKm: number, km: number): number | null {
  const spacingKm = poles.spacingMeters / 1000;
  const lastKm = poleChainageKm(poles, lastPoleNumber(poles, lengthKm));
  if (km < poles.firstAtKm - spacingKm || km > lastKm + spacingKm) return null;
  return nearestPoleAtKm(poles, lengthKm, km);
}

/** Chainage of pole `number`, km. */
export function poleChainageKm(poles: Poles, number: number): number {
  return poles.firstAtKm + ((number - poles.firstNumber) * poles.spacingMeters) / 1000;
}

/**
 * Cuts a route into bins of `segmentMeters` from its origin (the last bin takes the remainder), with each
 * bin's midpoint and, where the route declares poles, the nearest pole number.
 */
export function segmentRoute(
  route: Pick<Route, 'id' | 'line' | 'poles'>,
  segmentMeters: number,
): RouteSegments {
  const measured = measureLine(route.line as LonLat[]);
  const segKm = segmentMeters / 1000;
  const lengthKm = measured.lengthKm;
  const count = Math.max(1, Math.ceil(lengthKm / segKm - 1e-9));
  const edgesKm = new Float64Array(count + 1);
  for (let i = 0; i <= count; i++) edgesKm[i] = Math.min(lengthKm, i * segKm);
  edgesKm[count] = lengthKm;
  const midLonLat = new Float64Array(2 * count);
  const poles = route.poles ?? null;
  const nearestPole: (number | null)[] | null = poles ? new Array<number | null>(count).fill(null) : null;
  for (let i = 0; i < count; i++) {
    const midKm = (edgesKm[i] + edgesKm[i + 1]) / 2;
    const [lon, lat] = positionAtKm(measured, midKm);
    midLonLat[2 * i] = lon;
    midLonLat[2 * i + 1] = lat;
    if (poles && nearestPole) nearestPole[i] = poleNearKm(poles, lengthKm, midKm);
  }
  return { routeId: route.id, lengthKm, count, edgesKm, midLonLat, nearestPole, poles };
}

/** Index of the segment containing chainage `km`. */
export function segmentIndexAtKm(segments: RouteSegments, km: number): number {
  const { edgesKm, count } = segments;
  if (km <= 0) return 0;
  if (km >= segments.lengthKm) return count - 1;
  let lo = 0;
  let hi = count;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (edgesKm[mid] <= km) lo = mid;
    else hi = mid;
  }
  return lo;
}
