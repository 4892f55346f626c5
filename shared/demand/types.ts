import type { TimeGrid } from '../crowd/types';
import type { RouteSegments } from '../geo/segments';

/** Traffic of a set of places over the steps; same layout as the persons they come from. */
export interface TrafficSeries {
  devices: Float64Array;
  dlMbps: Float64Array;
  ulMbps: Float64Array;
  erlangs: Float64Array;
}

/** Traffic per route segment per step, [step * segments.count + segment]. */
export interface RouteDemand {
  routeId: string;
  segments: RouteSegments;
  traffic: TrafficSeries;
}

/** Traffic in one hotspot per step. */
export interface HotspotDemand {
  hotspotId: string;
  traffic: TrafficSeries;
}

/** Output of `estimateDemand`. */
export interface DemandResult {
  grid: TimeGrid;
  routes: RouteDemand[];
  hotspots: HotspotDemand[];
}
