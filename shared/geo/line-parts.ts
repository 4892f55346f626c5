import { distance as turfDistance } from '@turf/turf';
import type { LonLat } from '../scenario/primitives';

/**
 * Parts of a multi-part line (a MultiLineString, a GPX track's segments) that are farther apart than this
 * become separate lines: a drawn route split at a junction or a GPS track with a short dropout stays one
 * route, two roads in one file do not become one with a straight line across the gap.
 */
export const MAX_JOINED_GAP_KM = 1;

/** The line without positions that repeat the one before (drawing tools and GPS tracks repeat points). */
export function dropRepeatedPositions(line: readonly LonLat[]): LonLat[] {
  return line.filter((p, i) => i === 0 || p[0] !== line[i - 1][0] || p[1] !== line[i - 1][1]);
}

/**
 * Joins consecutive parts whose gap (end of one to start of the next) is at most `maxGapKm`, dropping
 * positions that repeat the previous one; a wider gap starts a new line. Parts are taken in their order.
 */
export function joinLineParts(parts: readonly LonLat[][], maxGapKm = MAX_JOINED_GAP_KM): LonLat[][] {
  const groups: LonLat[][] = [];
  for (const part of parts) {
    if (part.length === 0) continue;
    const line = groups[groups.length - 1];
    const last = line?.[line.length - 1];
    if (last && turfDistance(last, part[0], { units: 'kilometers' }) <= maxGapKm) line.push(...part);
    else groups.push([...part]);
  }
  return groups.map(dropRepeatedPositions);
}
