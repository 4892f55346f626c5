import { distance as turfDistance } from '@turf/turf';
import type { LonLat } from '../scenario/primitives';

/**
 * Parts of a multi-part line (a MultiLineString, a GPX track's segments) that are farther apart than this
 * become separate lines: a drawn route split at a junction or a GPS track with a short dropout stays one
 * route, two roads in one file do not become one with a straight line across the gap.
 */
export const MAX_JOINED_GAP_KM = 1;

/**
 * Joins consecutive parts whose gap (end of one to start of the next) is at most `maxGapKm`, dropping
 * positions that repeat the previous one; a wider gap starts a new line. Parts are taken in their order.
 */
export function joinLineParts(parts: readonly LonLat[][], maxGapKm = MAX_JOINED_GAP_KM): LonLat[][] {
  const out: LonLat[][] = [];
  let line: LonLat[] = [];
  for (const part of parts) {
    if (part.length === 0) continue;
    const last = line[line.length - 1];
    if (last && turfDistance(last, part[0], { units: 'kilometers' }) > maxGapKm) {
      out.push(line);
      line = [];
    }
    for (const p of part) {
      const prev = line[line.length - 1];
      if (!prev || prev[0] !== p[0] || prev[1] !== p[1]) line.push(p);
    }
  }
  if (line.length > 0) out.push(line);
  return out;
}
