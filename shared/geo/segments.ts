import type { LonLat, Poles } from '../scenario';

/** A route cut into bins of `segmentMeters` (the last one may be shorter), with geometry for maps and reports. */
export interface RouteSegments {
  routeId: string;
  lengthKm: number;
  count: number;
  /** Segment edges along the route, km: segment i spans [edgesKm[i], edgesKm[i+1]]. Length count + 1. */
  edgesKm: Float64Array;
  /** Midpoint of segment i at [2i] (lon) and [2i+1] (lat). */
  midLonLat: Float64Array;
  /**
   * Nearest pole number at each segment's midpoint (null for segments away from the numbered stretch),
   * or null when the route has no pole numbering.
   */
  nearestPole: (number | null)[] | null;
  /** Pole numbering, if the route declares one. */
  poles: Poles | null;
}

/** Where one route's segment physically coincides with an earlier route's segment. */
export interface SharedStretch {
  routeIndex: number;
  /** Segment range [fromSegment, toSegment] (inclusive) of route `routeIndex`. */
  fromSegment: number;
  toSegment: number;
  /** The earlier route that already runs there (lowest route index). */
  sharedWithRouteIndex: number;
  /** Chainage along the earlier route where the shared range starts and ends, km. */
  sharedFromKm: number;
  sharedToKm: number;
}

/**
 * Per route, for every segment, the canonical segment it coincides with on an earlier route
 * (`[routeIndex, segmentIndex]` packed as routeIndex * 2^20 + segmentIndex) or -1 when the road is its own.
 */
export type SegmentOwners = Int32Array[];

export type { LonLat };
