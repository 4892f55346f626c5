import type { RouteProfile } from './plan-summary';

/** How well one segment is served over the horizon. */
export type SegmentService = 'served' | 'partial' | 'no-coverage' | 'idle';

/**
 * Classifies a segment: `idle` when nobody walks it, `no-coverage` when demand has no covering site,
 * `partial` when some demand goes unserved (capacity), `served` otherwise.
 */
export function segmentService(route: RouteProfile, segment: number): SegmentService {
  if (!(route.peakDlMbps[segment] > 0) && !(route.peakPersons[segment] > 0)) return 'idle';
  if (route.coveringSite[segment] < 0) return 'no-coverage';
  if (route.unservedMbpsHours[segment] > 1e-6) return 'partial';
  return 'served';
}

/** Length of segment `i` in km (never zero, so per-km densities stay finite). */
export function segmentLengthKm(route: RouteProfile, i: number): number {
  return Math.max(route.edgesKm[i + 1] - route.edgesKm[i], 1e-9);
}
