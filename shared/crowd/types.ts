import type { RouteSegments, SegmentOwners, SharedStretch } from '../geo/segments';

/** The scenario's time axis: `stepCount` steps of `stepMinutes` from local midnight of the horizon start. */
export interface TimeGrid {
  /** Local-epoch minutes (see shared/time) at the start of step 0. */
  startMinutes: number;
  stepMinutes: number;
  stepCount: number;
  utcOffsetMinutes: number;
}

/** Persons on one route, step averages. Arrays over segments × steps are step-major: [step * count + segment]. */
export interface RouteCrowd {
  routeId: string;
  segments: RouteSegments;
  totalWalkers: number;
  /** Step-average persons per segment, [step * segments.count + segment]. */
  personsBySegmentStep: Float64Array;
  /** Step-average walkers not yet departed, on the route, and arrived at its end (sum = totalWalkers). */
  notDeparted: Float64Array;
  onRoute: Float64Array;
  arrived: Float64Array;
  /** Walkers arriving at the route end during each step (not an average: a count). */
  arrivalsPerStep: Float64Array;
}

/** Persons present in one hotspot, step averages, split by where they came from. */
export interface HotspotCrowd {
  hotspotId: string;
  persons: Float64Array;
  fromRoutes: Float64Array;
  fromVehicles: Float64Array;
  residents: number;
  /** Entries into the hotspot during each step (route arrivals before dwellUntil + vehicle arrivals). */
  entriesPerStep: Float64Array;
}

/** Output of `simulateCrowd`. */
export interface CrowdResult {
  grid: TimeGrid;
  routes: RouteCrowd[];
  hotspots: HotspotCrowd[];
  /** Stretches where a later route runs on an earlier one (occupancies add up there). */
  sharedStretches: SharedStretch[];
  /** Per route and segment, the canonical earlier segment it coincides with, or -1. */
  segmentOwners: SegmentOwners;
}
