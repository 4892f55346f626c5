import type { Polygon, Scenario } from '../scenario';
import type { CrowdResult, TimeGrid } from '../crowd/types';
import { pointInPolygon, polygonCentroid } from '../geo/polygon';
import { localDateToMinutes } from '../time/local-time';
import type { DemandResult } from './types';

/** MB in one TB (decimal, as operators and regulators report). */
export const MB_PER_TB = 1e6;

/** Steps [from, to) covering local dates `fromDate` through `toDate` inclusive, clipped to the grid. */
export function stepRangeForDates(grid: TimeGrid, fromDate: string, toDate: string): [number, number] {
  const from = Math.round((localDateToMinutes(fromDate) - grid.startMinutes) / grid.stepMinutes);
  const to = Math.round((localDateToMinutes(toDate) + 1440 - grid.startMinutes) / grid.stepMinutes);
  return [Math.max(0, Math.min(grid.stepCount, from)), Math.max(0, Math.min(grid.stepCount, to))];
}

/** TB carried by a traffic array (DL + UL Mbps), laid out [step * width + place], over steps [from, to). */
function volumeTB(
  dl: Float64Array,
  ul: Float64Array,
  width: number,
  grid: TimeGrid,
  [from, to]: [number, number],
  include: (place: number) => boolean = () => true,
): number {
  const stepSeconds = grid.stepMinutes * 60;
  let megabits = 0;
  for (let n = from; n < to; n++) {
    for (let i = 0; i < width; i++) {
      if (include(i)) megabits += (dl[n * width + i] + ul[n * width + i]) * stepSeconds;
    }
  }
  return megabits / 8 / MB_PER_TB;
}

/** What to total: a date range and optionally one route, one hotspot, or an area polygon. */
export interface VolumeQuery {
  fromDate: string;
  /** Last date, inclusive. */
  toDate: string;
  routeId?: string;
  hotspotId?: string;
  area?: Polygon;
}

/** Volume totals on the planned operator, TB, split by routes and hotspots. */
export interface VolumeTotals {
  routesTB: number;
  hotspotsTB: number;
  totalTB: number;
}

/**
 * Total data volume (DL + UL, planned operator) in TB over a date range: for one route, one hotspot,
 * or everything inside an area (route segments by midpoint, hotspots by centroid), or everything.
 */
export function dataVolumeTB(scenario: Scenario, demand: DemandResult, query: VolumeQuery): VolumeTotals {
  const range = stepRangeForDates(demand.grid, query.fromDate, query.toDate);
  const area = query.area;
  const all = query.routeId === undefined && query.hotspotId === undefined;
  let routesTB = 0;
  for (const r of demand.routes) {
    if (!all && r.routeId !== query.routeId) continue;
    const mids = r.segments.midLonLat;
    const inside = area ? (i: number) => pointInPolygon([mids[2 * i], mids[2 * i + 1]], area) : undefined;
    routesTB += volumeTB(r.traffic.dlMbps, r.traffic.ulMbps, r.segments.count, demand.grid, range, inside);
  }
  let hotspotsTB = 0;
  demand.hotspots.forEach((h, k) => {
    if (!all && h.hotspotId !== query.hotspotId) return;
    if (area && !pointInPolygon(polygonCentroid(scenario.hotspots[k].area), area)) return;
    hotspotsTB += volumeTB(h.traffic.dlMbps, h.traffic.ulMbps, 1, demand.grid, range);
  });
  return { routesTB, hotspotsTB, totalTB: routesTB + hotspotsTB };
}

/** Modelled against published figures for one reporting area. */
export interface AreaCalibration {
  areaId: string;
  name: string;
  fromDate: string;
  toDate: string;
  /** Modelled volume of the planned operator, TB. */
  operatorTB: number;
  /** Modelled volume of all operators (operator volume ÷ operatorShare), pilgrims only, TB. */
  pilgrimsAllOperatorsTB: number;
  /** Modelled volume of the area's residents, all operators, TB. */
  residentsAllOperatorsTB: number;
  /** Pilgrims + residents, all operators: the figure comparable with the regulator's total. */
  modelledTB: number;
  publishedTB: number | null;
  /** modelled / published − 1. */
  volumeError: number | null;
  /** Entries into the area's hotspots over the period (route arrivals + vehicle arrivals). */
  modelledEntries: number;
  publishedEntries: number | null;
  entriesRatio: number | null;
  source: string | null;
}

/** Compares the model with each reporting area's published figures (the calibration the app shows). */
export function calibrateAreas(
  scenario: Scenario,
  crowd: CrowdResult,
  demand: DemandResult,
): AreaCalibration[] {
  return (scenario.areas ?? []).map((a) => {
    const fromDate = a.published?.from ?? scenario.horizon.start;
    const lastDay = new Date((localDateToMinutes(scenario.horizon.end) - 1440) * 60_000)
      .toISOString()
      .slice(0, 10);
    const toDate = a.published?.to ?? lastDay;
    const volume = dataVolumeTB(scenario, demand, { fromDate, toDate, area: a.area });
    const share = scenario.demand.operatorShare;
    const pilgrimsAll = share > 0 ? volume.totalTB / share : 0;
    const [from, to] = stepRangeForDates(crowd.grid, fromDate, toDate);
    const hours = ((to - from) * crowd.grid.stepMinutes) / 60;
    const residentsAll =
      ((a.residents ?? 0) * scenario.demand.phoneShare * scenario.demand.dailyMB * hours) / 24 / MB_PER_TB;
    let entries = 0;
    crowd.hotspots.forEach((h, k) => {
      if (!pointInPolygon(polygonCentroid(scenario.hotspots[k].area), a.area)) return;
      for (let n = from; n < to; n++) entries += h.entriesPerStep[n];
    });
    const modelledTB = pilgrimsAll + residentsAll;
    const publishedTB = a.published?.dataTB ?? null;
    const publishedEntries = a.published?.entries ?? null;
    return {
      areaId: a.id,
      name: a.name,
      fromDate,
      toDate,
      operatorTB: volume.totalTB,
      pilgrimsAllOperatorsTB: pilgrimsAll,
      residentsAllOperatorsTB: residentsAll,
      modelledTB,
      publishedTB,
      volumeError: publishedTB ? modelledTB / publishedTB - 1 : null,
      modelledEntries: entries,
      publishedEntries,
      entriesRatio: publishedEntries ? entries / publishedEntries : null,
      source: a.published?.source ?? null,
    };
  });
}
