/**
 * The browser's view of the crowd over time: every route segment of the scenario gets one global index
 * (routes in order), and per-step values are packed step-major into flat typed arrays, so the map sets
 * the feature states of a step with one linear pass and the charts slice without allocating. Built from
 * the shared crowd and demand results, in a worker (see time-model.worker.ts).
 */
import type {
  CrowdResult,
  DemandResult,
  LonLat,
  RouteSegments,
  Scenario,
  TimeGrid,
} from '../../shared/index';

/** One route of the model: where its segments start in the global index, and its geometry. */
export interface ModelRoute {
  routeId: string;
  name: string;
  /** Global index of the route's first segment. */
  offset: number;
  segments: RouteSegments;
  line: LonLat[];
  /** Per segment: global index of the canonical segment it shares the road with, or -1. */
  sharedWith: Int32Array;
}

/** Modelled against a published data volume, for the KPI panel. */
export interface VolumeCheck {
  areaId: string;
  name: string;
  fromDate: string;
  toDate: string;
  modelledTB: number;
  publishedTB: number | null;
  source: string | null;
}

export interface TimeModel {
  grid: TimeGrid;
  routes: ModelRoute[];
  segmentCount: number;
  /** Persons per km on the physical road (shared stretches summed), [step * segmentCount + segment]. */
  personsPerKm: Float32Array;
  /** DL demand, Mbps per km on the physical road, same layout. */
  dlMbpsPerKm: Float32Array;
  /** Step of each segment's peak DL demand (the popup's "time of peak"). */
  peakStep: Int32Array;
  hotspotIds: string[];
  /** Persons present per hotspot, [step * hotspotCount + hotspot]. */
  hotspotPersons: Float32Array;
  hotspotDlMbps: Float32Array;
  /** Totals per step: DL Mbps over routes (each walker once) and hotspots; persons on routes. */
  totalDlMbps: Float64Array;
  personsOnRoutes: Float64Array;
  totalWalkers: number;
  volumes: VolumeCheck[];
}

/** Global index of every segment where routes share a road, pointing at the earliest route's segment. */
function sharedIndex(crowd: CrowdResult, offsets: number[]): Int32Array[] {
  const PACK = 2 ** 20;
  return crowd.segmentOwners.map((owners) => {
    const out = new Int32Array(owners.length);
    for (let i = 0; i < owners.length; i++) {
      const packed = owners[i];
      out[i] = packed < 0 ? -1 : offsets[Math.floor(packed / PACK)] + (packed % PACK);
    }
    return out;
  });
}

/**
 * Sums per-route step-major arrays onto one global step-major array per km: each segment first adds its
 * own value onto its canonical segment, then every shared segment copies the canonical total, so a
 * road two routes share shows the same (combined) value whichever route is drawn.
 */
function combinePerKm(
  perRoute: readonly Float64Array[],
  routes: readonly ModelRoute[],
  segmentCount: number,
  stepCount: number,
): Float32Array {
  const sums = new Float64Array(stepCount * segmentCount);
  routes.forEach((route, r) => {
    const width = route.segments.count;
    const values = perRoute[r];
    for (let i = 0; i < width; i++) {
      const target = route.sharedWith[i] >= 0 ? route.sharedWith[i] : route.offset + i;
      for (let n = 0; n < stepCount; n++) sums[n * segmentCount + target] += values[n * width + i];
    }
  });
  const out = new Float32Array(stepCount * segmentCount);
  for (const route of routes) {
    const { edgesKm, count } = route.segments;
    for (let i = 0; i < count; i++) {
      const own = route.offset + i;
      const source = route.sharedWith[i] >= 0 ? route.sharedWith[i] : own;
      const km = edgesKm[i + 1] - edgesKm[i];
      const perKm = km > 1e-9 ? 1 / km : 0;
      for (let n = 0; n < stepCount; n++)
        out[n * segmentCount + own] = sums[n * segmentCount + source] * perKm;
    }
  }
  return out;
}

/** Packs the crowd and demand of a scenario for the map, the slider and the charts. */
export function buildTimeModel(
  scenario: Scenario,
  crowd: CrowdResult,
  demand: DemandResult,
  volumes: VolumeCheck[] = [],
): TimeModel {
  const { grid } = crowd;
  const stepCount = grid.stepCount;
  const offsets: number[] = [];
  let segmentCount = 0;
  for (const r of crowd.routes) {
    offsets.push(segmentCount);
    segmentCount += r.segments.count;
  }
  const shared = sharedIndex(crowd, offsets);
  const routes: ModelRoute[] = crowd.routes.map((r, i) => ({
    routeId: r.routeId,
    name: scenario.routes[i]?.name ?? r.routeId,
    offset: offsets[i],
    segments: r.segments,
    line: (scenario.routes[i]?.line ?? []) as LonLat[],
    sharedWith: shared[i],
  }));
  const personsPerKm = combinePerKm(
    crowd.routes.map((r) => r.personsBySegmentStep),
    routes,
    segmentCount,
    stepCount,
  );
  const dlMbpsPerKm = combinePerKm(
    demand.routes.map((r) => r.traffic.dlMbps),
    routes,
    segmentCount,
    stepCount,
  );
  const peakStep = new Int32Array(segmentCount);
  const peakValue = new Float32Array(segmentCount);
  for (let n = 0; n < stepCount; n++) {
    const row = n * segmentCount;
    for (let s = 0; s < segmentCount; s++) {
      if (dlMbpsPerKm[row + s] > peakValue[s]) {
        peakValue[s] = dlMbpsPerKm[row + s];
        peakStep[s] = n;
      }
    }
  }
  const hotspotCount = crowd.hotspots.length;
  const hotspotPersons = new Float32Array(stepCount * hotspotCount);
  const hotspotDlMbps = new Float32Array(stepCount * hotspotCount);
  const totalDlMbps = new Float64Array(stepCount);
  const personsOnRoutes = new Float64Array(stepCount);
  crowd.hotspots.forEach((h, k) => {
    const dl = demand.hotspots[k].traffic.dlMbps;
    for (let n = 0; n < stepCount; n++) {
      hotspotPersons[n * hotspotCount + k] = h.persons[n];
      hotspotDlMbps[n * hotspotCount + k] = dl[n];
      totalDlMbps[n] += dl[n];
    }
  });
  demand.routes.forEach((r) => {
    const width = r.segments.count;
    const dl = r.traffic.dlMbps;
    for (let n = 0; n < stepCount; n++) {
      let sum = 0;
      for (let i = 0; i < width; i++) sum += dl[n * width + i];
      totalDlMbps[n] += sum;
    }
  });
  crowd.routes.forEach((r) => {
    for (let n = 0; n < stepCount; n++) personsOnRoutes[n] += r.onRoute[n];
  });
  return {
    grid,
    routes,
    segmentCount,
    personsPerKm,
    dlMbpsPerKm,
    peakStep,
    hotspotIds: crowd.hotspots.map((h) => h.hotspotId),
    hotspotPersons,
    hotspotDlMbps,
    totalDlMbps,
    personsOnRoutes,
    totalWalkers: crowd.routes.reduce((a, r) => a + r.totalWalkers, 0),
    volumes,
  };
}

/** The route and local segment of a global segment index (binary search over the route offsets). */
export function locateSegment(
  model: Pick<TimeModel, 'routes'>,
  global: number,
): { route: ModelRoute; index: number } | null {
  const { routes } = model;
  let lo = 0;
  let hi = routes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = routes[mid];
    if (global < r.offset) hi = mid - 1;
    else if (global >= r.offset + r.segments.count) lo = mid + 1;
    else return { route: r, index: global - r.offset };
  }
  return null;
}

/** Typed arrays of a model, for transferring it from the worker without copying. */
export function transferablesOf(model: TimeModel): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const add = (a: ArrayBufferView) => buffers.add(a.buffer as ArrayBuffer);
  [
    model.personsPerKm,
    model.dlMbpsPerKm,
    model.peakStep,
    model.hotspotPersons,
    model.hotspotDlMbps,
    model.totalDlMbps,
    model.personsOnRoutes,
  ].forEach(add);
  return [...buffers];
}
