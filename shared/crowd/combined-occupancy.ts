import { unpackSegment } from '../geo/shared-stretches';
import type { CrowdResult } from './types';

/**
 * Persons per segment per step on the physical road: where routes share a stretch, every route's
 * segment there shows the sum of all routes on it (step-major like `personsBySegmentStep`).
 */
export function combinedOccupancy(crowd: CrowdResult): Float64Array[] {
  const { stepCount } = crowd.grid;
  const combined = crowd.routes.map((r) => Float64Array.from(r.personsBySegmentStep));
  // Add every shared segment's persons onto its canonical (earliest) segment...
  crowd.routes.forEach((r, ri) => {
    const owners = crowd.segmentOwners[ri];
    const width = r.segments.count;
    for (let i = 0; i < width; i++) {
      if (owners[i] < 0) continue;
      const [q, j] = unpackSegment(owners[i]);
      const qWidth = crowd.routes[q].segments.count;
      for (let n = 0; n < stepCount; n++)
        combined[q][n * qWidth + j] += r.personsBySegmentStep[n * width + i];
    }
  });
  // ...then show the canonical total on every segment that runs there.
  crowd.routes.forEach((r, ri) => {
    const owners = crowd.segmentOwners[ri];
    const width = r.segments.count;
    for (let i = 0; i < width; i++) {
      if (owners[i] < 0) continue;
      const [q, j] = unpackSegment(owners[i]);
      const qWidth = crowd.routes[q].segments.count;
      for (let n = 0; n < stepCount; n++) combined[ri][n * width + i] = combined[q][n * qWidth + j];
    }
  });
  return combined;
}
