import type { Scenario } from '../scenario';
import type { CrowdResult, TimeGrid } from '../crowd/types';
import { combinedOccupancy } from '../crowd/combined-occupancy';
import { minutesToLocalDateTime, localDateToMinutes, minutesToLocalDate } from '../time/local-time';
import type { RouteSegments } from '../geo/segments';
import type { DemandResult } from './types';
import { calibrateAreas, dataVolumeTB, type AreaCalibration } from './volume';

/** Where and when a per-km peak occurs on a route. */
export interface PeakPlace {
  value: number;
  segment: number;
  fromKm: number;
  toKm: number;
  pole: number | null;
  at: string;
}

/** Per-route figures of the crowd and its demand. */
export interface RouteSummary {
  routeId: string;
  name: string;
  lengthKm: number;
  walkers: number;
  peakPersons: number;
  peakPersonsAt: string;
  peakPersonsPerKm: PeakPlace;
  peakDlMbpsPerKm: PeakPlace;
  totalTB: number;
}

/** Per-hotspot figures. */
export interface HotspotSummary {
  hotspotId: string;
  name: string;
  peakPersons: number;
  peakPersonsAt: string;
  peakDlMbps: number;
  peakDlMbpsAt: string;
  entries: number;
  totalTB: number;
}

/** The crowd-and-demand part of `summary.json`. */
export interface DemandSummary {
  scenario: string;
  horizon: { start: string; end: string; steps: number; stepMinutes: number };
  routes: RouteSummary[];
  hotspots: HotspotSummary[];
  /** Peak persons per km on the physical road, where routes share a stretch adding up. */
  networkPeakPersonsPerKm: (PeakPlace & { routeId: string }) | null;
  totalTB: number;
  calibration: AreaCalibration[];
}

function stepTime(grid: TimeGrid, step: number): string {
  return minutesToLocalDateTime(grid.startMinutes + step * grid.stepMinutes);
}

/** The segment × step cell with the highest value per km. */
function peakPerKm(values: Float64Array, segments: RouteSegments, grid: TimeGrid): PeakPlace {
  const { count, edgesKm } = segments;
  let best = -1;
  let bestK = 0;
  for (let k = 0; k < values.length; k++) {
    const i = k % count;
    const perKm = values[k] / (edgesKm[i + 1] - edgesKm[i]);
    if (perKm > best) {
      best = perKm;
      bestK = k;
    }
  }
  const i = bestK % count;
  return {
    value: Math.max(0, best),
    segment: i,
    fromKm: edgesKm[i],
    toKm: edgesKm[i + 1],
    pole: segments.nearestPole?.[i] ?? null,
    at: stepTime(grid, Math.floor(bestK / count)),
  };
}

function argMax(values: Float64Array): number {
  let k = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[k]) k = i;
  return k;
}

/**
 * Peaks (how many, where, when) and totals of the crowd and demand, per route and hotspot, and the
 * calibration against published figures: the summary the CLI writes and the app shows.
 */
export function summarizeDemand(scenario: Scenario, crowd: CrowdResult, demand: DemandResult): DemandSummary {
  const { grid } = crowd;
  const lastDate = minutesToLocalDate(localDateToMinutes(scenario.horizon.end) - 1440);
  const whole = { fromDate: scenario.horizon.start, toDate: lastDate };
  const combined = combinedOccupancy(crowd);
  let network: (PeakPlace & { routeId: string }) | null = null;
  const routes = crowd.routes.map((r, ri) => {
    const route = scenario.routes[ri];
    const peakStep = argMax(r.onRoute);
    const combinedPeak = peakPerKm(combined[ri], r.segments, grid);
    if (!network || combinedPeak.value > network.value) network = { ...combinedPeak, routeId: r.routeId };
    return {
      routeId: r.routeId,
      name: route.name,
      lengthKm: r.segments.lengthKm,
      walkers: r.totalWalkers,
      peakPersons: r.onRoute[peakStep],
      peakPersonsAt: stepTime(grid, peakStep),
      peakPersonsPerKm: peakPerKm(r.personsBySegmentStep, r.segments, grid),
      peakDlMbpsPerKm: peakPerKm(demand.routes[ri].traffic.dlMbps, r.segments, grid),
      totalTB: dataVolumeTB(scenario, demand, { ...whole, routeId: r.routeId }).totalTB,
    };
  });
  const hotspots = crowd.hotspots.map((h, hi) => {
    const peakStep = argMax(h.persons);
    const dl = demand.hotspots[hi].traffic.dlMbps;
    const dlStep = argMax(dl);
    return {
      hotspotId: h.hotspotId,
      name: scenario.hotspots[hi].name,
      peakPersons: h.persons[peakStep],
      peakPersonsAt: stepTime(grid, peakStep),
      peakDlMbps: dl[dlStep],
      peakDlMbpsAt: stepTime(grid, dlStep),
      entries: h.entriesPerStep.reduce((a, b) => a + b, 0),
      totalTB: dataVolumeTB(scenario, demand, { ...whole, hotspotId: h.hotspotId }).totalTB,
    };
  });
  return {
    scenario: scenario.name,
    horizon: {
      start: scenario.horizon.start,
      end: scenario.horizon.end,
      steps: grid.stepCount,
      stepMinutes: grid.stepMinutes,
    },
    routes,
    hotspots,
    networkPeakPersonsPerKm: network,
    totalTB: dataVolumeTB(scenario, demand, whole).totalTB,
    calibration: calibrateAreas(scenario, crowd, demand),
  };
}
