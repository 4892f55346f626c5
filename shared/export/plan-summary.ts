import type { TimeGrid } from '../crowd/types';
import type { PlanKpis, PlannedSite, PlanResult, UnservedStretch } from '../plan/types';
import { minutesToLocalDateTime } from '../time/local-time';
import { formatNote, type Note } from '../notes';

/**
 * One route of a plan reduced to what maps, exports and reports need: per segment, the peak over the
 * horizon; per step, the route's totals. Plain arrays (JSON-safe), a few kB per 100 km.
 */
export interface RouteProfile {
  routeId: string;
  lengthKm: number;
  segmentCount: number;
  /** Segment edges along the route, km (segmentCount + 1 values). */
  edgesKm: number[];
  /** Nearest pole at each segment's midpoint, or null when the route has no pole numbering. */
  nearestPole: (number | null)[] | null;
  /** Per segment: highest step-average persons in the segment over the horizon. */
  peakPersons: number[];
  /** Per segment: highest DL demand in the segment over the horizon, Mbps. */
  peakDlMbps: number[];
  /** Per segment: DL demand left unserved, summed over the horizon, Mbps·h. */
  unservedMbpsHours: number[];
  /** Per segment: index into `sites` of the site covering it best, or -1. */
  coveringSite: number[];
  /** Per step: persons on the route (sum over segments). */
  personsByStep: number[];
  /** Per step: DL demand on the route, Mbps. */
  dlMbpsByStep: number[];
  /** Per step: DL demand on the route left unserved, Mbps. */
  unservedDlMbpsByStep: number[];
}

/** One hotspot of a plan: its peak crowd and traffic. */
export interface HotspotProfile {
  hotspotId: string;
  peakPersons: number;
  peakDlMbps: number;
  /** Local time (YYYY-MM-DDTHH:mm) of the DL peak. */
  peakAt: string;
  /** Highest DL demand left unserved in one step, Mbps, and the total over the horizon, Mbps·h (0 when the planner does not report hotspot service). */
  peakUnservedDlMbps: number;
  unservedMbpsHours: number;
}

/**
 * A stored plan: everything of a `PlanResult` except the per-segment-per-step arrays, reduced to peaks and
 * per-step totals. This is what the server caches per scenario revision and what the exporters read.
 */
export interface PlanSummary {
  scenarioName: string;
  grid: TimeGrid;
  sites: PlannedSite[];
  kpis: PlanKpis;
  unserved: UnservedStretch[];
  /** The plan's notes in English (for readers of the JSON). */
  warnings: string[];
  /** The same notes as keys and values, which the app and the report write in their language. */
  notes: Note[];
  routes: RouteProfile[];
  hotspots: HotspotProfile[];
}

/** Per segment-step service arrays of one route, plain numbers; sent only on request (`include=service`). */
export interface RouteServiceDetail {
  routeId: string;
  segmentCount: number;
  stepCount: number;
  /** Step-major: [step * segmentCount + segment], or per step only when the planner reports per route. */
  servedDlMbps: number[];
  unservedDlMbps: number[];
  coveringSite: number[];
}

function round(value: number, digits: number): number {
  if (!Number.isFinite(value)) return 0;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Max over steps per segment, for a step-major array [step * count + segment]. */
function peakBySegment(values: ArrayLike<number>, count: number, stepCount: number): number[] {
  const out = new Array<number>(count).fill(0);
  for (let t = 0; t < stepCount; t++) {
    const base = t * count;
    for (let s = 0; s < count; s++) {
      const v = values[base + s];
      if (v > out[s]) out[s] = v;
    }
  }
  return out;
}

/** Sum over segments per step. */
function totalByStep(values: ArrayLike<number>, count: number, stepCount: number): number[] {
  const out = new Array<number>(stepCount).fill(0);
  for (let t = 0; t < stepCount; t++) {
    let sum = 0;
    const base = t * count;
    for (let s = 0; s < count; s++) sum += values[base + s];
    out[t] = sum;
  }
  return out;
}

/** KPIs safe for JSON: a non-finite number (e.g. an LP value not computed, NaN) is left out, not sent as null. */
function finiteKpis(kpis: PlanKpis): PlanKpis {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(kpis)) {
    if (typeof value === 'number' && !Number.isFinite(value)) continue;
    out[key] = value && typeof value === 'object' ? { ...value } : value;
  }
  return out as unknown as PlanKpis;
}

/** True when `plan` is a full pipeline result rather than a stored summary. */
export function isPlanResult(plan: PlanResult | PlanSummary): plan is PlanResult {
  return 'crowd' in plan && 'demand' in plan;
}

/**
 * Reduces a full `PlanResult` to a `PlanSummary` (peaks per segment, totals per step). Service arrays may
 * be step-major per segment (length steps × segments) or per step only (length steps); both are read.
 */
export function summarizePlan(plan: PlanResult): PlanSummary {
  const stepCount = plan.grid.stepCount;
  const stepHours = plan.grid.stepMinutes / 60;
  const routes: RouteProfile[] = plan.crowd.routes.map((crowd) => {
    const seg = crowd.segments;
    const count = seg.count;
    const demand = plan.demand.routes.find((d) => d.routeId === crowd.routeId);
    const service = plan.service.find((s) => s.routeId === crowd.routeId);
    const dl = demand?.traffic.dlMbps ?? new Float64Array(count * stepCount);
    const unservedBySegment = new Array<number>(count).fill(0);
    let unservedByStep = new Array<number>(stepCount).fill(0);
    if (service) {
      const u = service.unservedDlMbps;
      if (u.length === count * stepCount) {
        unservedByStep = totalByStep(u, count, stepCount);
        for (let t = 0; t < stepCount; t++) {
          for (let s = 0; s < count; s++) unservedBySegment[s] += u[t * count + s] * stepHours;
        }
      } else if (u.length === stepCount) {
        unservedByStep = Array.from(u);
      }
    }
    const covering =
      service && service.coveringSite.length === count
        ? Array.from(service.coveringSite)
        : new Array<number>(count).fill(-1);
    return {
      routeId: crowd.routeId,
      lengthKm: round(seg.lengthKm, 4),
      segmentCount: count,
      edgesKm: Array.from(seg.edgesKm, (v) => round(v, 4)),
      nearestPole: seg.nearestPole ? Array.from(seg.nearestPole) : null,
      peakPersons: peakBySegment(crowd.personsBySegmentStep, count, stepCount).map((v) => round(v, 1)),
      peakDlMbps: peakBySegment(dl, count, stepCount).map((v) => round(v, 3)),
      unservedMbpsHours: unservedBySegment.map((v) => round(v, 3)),
      coveringSite: covering,
      personsByStep: totalByStep(crowd.personsBySegmentStep, count, stepCount).map((v) => round(v, 1)),
      dlMbpsByStep: totalByStep(dl, count, stepCount).map((v) => round(v, 3)),
      unservedDlMbpsByStep: unservedByStep.map((v) => round(v, 3)),
    };
  });
  // Hotspot service arrived after the first PlanResult version: read it when the planner reports it.
  const hotspotService = (
    plan as { hotspotService?: { hotspotId: string; unservedDlMbps: ArrayLike<number> }[] }
  ).hotspotService;
  const hotspots: HotspotProfile[] = plan.crowd.hotspots.map((h) => {
    const traffic = plan.demand.hotspots.find((d) => d.hotspotId === h.hotspotId)?.traffic.dlMbps;
    let peakDl = 0;
    let peakStep = 0;
    if (traffic) {
      for (let t = 0; t < traffic.length; t++) {
        if (traffic[t] > peakDl) {
          peakDl = traffic[t];
          peakStep = t;
        }
      }
    }
    let peakPersons = 0;
    for (let t = 0; t < h.persons.length; t++) peakPersons = Math.max(peakPersons, h.persons[t]);
    const unserved = hotspotService?.find((x) => x.hotspotId === h.hotspotId)?.unservedDlMbps;
    let peakUnserved = 0;
    let unservedTotal = 0;
    if (unserved) {
      for (let t = 0; t < unserved.length; t++) {
        peakUnserved = Math.max(peakUnserved, unserved[t]);
        unservedTotal += unserved[t] * stepHours;
      }
    }
    return {
      hotspotId: h.hotspotId,
      peakPersons: round(peakPersons, 1),
      peakDlMbps: round(peakDl, 3),
      peakAt: minutesToLocalDateTime(plan.grid.startMinutes + peakStep * plan.grid.stepMinutes),
      peakUnservedDlMbps: round(peakUnserved, 3),
      unservedMbpsHours: round(unservedTotal, 3),
    };
  });
  return {
    scenarioName: plan.scenarioName,
    grid: { ...plan.grid },
    sites: plan.sites.map((s) => ({ ...s })),
    kpis: finiteKpis(plan.kpis),
    unserved: plan.unserved.map((u) => ({ ...u })),
    warnings: plan.notes.map((n) => formatNote(n)),
    notes: plan.notes,
    routes,
    hotspots,
  };
}

/** The summary of either form: exporters accept the CLI's full result and the server's stored summary. */
export function asPlanSummary(plan: PlanResult | PlanSummary): PlanSummary {
  return isPlanResult(plan) ? summarizePlan(plan) : plan;
}

/** The per segment-step service arrays of a full result as plain numbers. */
export function serviceDetail(plan: PlanResult): RouteServiceDetail[] {
  return plan.service.map((s) => {
    const crowd = plan.crowd.routes.find((r) => r.routeId === s.routeId);
    return {
      routeId: s.routeId,
      segmentCount: crowd?.segments.count ?? s.coveringSite.length,
      stepCount: plan.grid.stepCount,
      servedDlMbps: Array.from(s.servedDlMbps, (v) => round(v, 3)),
      unservedDlMbps: Array.from(s.unservedDlMbps, (v) => round(v, 3)),
      coveringSite: Array.from(s.coveringSite),
    };
  });
}
