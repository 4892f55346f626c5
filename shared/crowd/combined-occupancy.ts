import { unpackSegment } from '../geo/shared-stretches';
import type { CrowdResult } from './types';

/**
 * Persons per segment per step on the physical road: where routes share a stretch, every route's
 * segment there shows the sum of all routes on it, as the shared density times the segment's own length
 * (step-major like `personsBySegmentStep`).
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
  // ...then show the canonical density on every segment that runs there, times its own length (the
  // segment grids of two routes need not line up, and a route's last segment may be short).
  crowd.routes.forEach((r, ri) => {
    const owners = crowd.segmentOwners[ri];
    const { count: width, edgesKm } = r.segments;
    for (let i = 0; i < width; i++) {
      if (owners[i] < 0) continue;
      const [q, j] = unpackSegment(owners[i]);
      const canonical = crowd.routes[q].segments;
      const scale = (edgesKm[i + 1] - edgesKm[i]) / (canonical.edgesKm[j + 1] - canonical.edgesKm[j]);
      for (let n = 0; n < stepCount; n++)
        combined[ri][n * width + i] = combined[q][n * canonical.count + j] * scale;
    }
  });
  return combined;
}
