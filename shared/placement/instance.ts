/**
 * From a scenario and its crowd/demand results to the solver's instance: demand units (route segments,
 * with shared stretches merged onto the earliest route; hotspot grid cells) and candidates (every
 * `candidateSpacingMeters` along each route's own road, a grid inside each hotspot, existing sites), with
 * ground-distance coverage from each site type's range.
 */
import type { CrowdResult } from '../crowd/types';
import type { DemandResult } from '../demand/types';
import { measureLine, positionAtKm, segmentIndexAtKm } from '../geo/segment-route';
import { unpackSegment } from '../geo/shared-stretches';
import type { LonLat, Scenario, SiteType } from '../scenario';
import { exclusionPolygon } from '../scenario';
import { siteLoadLimit, siteRangeKm } from '../radio';
import { gridInPolygon, insidePolygon, PointIndex } from './geometry';
import type { CandidatePlace, PlacementInstance, UnitPlace } from './types';

/** Radio figures of a site type that placement needs. */
export interface SiteTypeRadio {
  rangeKm: number;
  /** DL and UL capacity before the utilisation cap, Mbps. */
  capacityDlMbps: number;
  capacityUlMbps: number;
  /** UL Mbps served with each DL Mbps (the scenario's uplink share). */
  ulPerDlMbps: number;
  /** The most DL a site may serve with both directions within maxUtilization, Mbps. */
  usableDlMbps: number;
  /** Utilisation of the busier direction per DL Mbps served. */
  utilizationPerDlMbps: number;
  limitedBy: 'DL' | 'UL';
}

/** Input of `planSites`: the scenario and the results of the stages before placement. */
export interface PlacementProblem {
  scenario: Scenario;
  crowd: CrowdResult;
  demand: DemandResult;
  /** Range and capacity per site type id; computed with shared/radio when absent. */
  radio?: Record<string, SiteTypeRadio>;
}

/** The instance with what reports need to map it back onto the scenario. */
export interface BuiltInstance {
  instance: PlacementInstance;
  units: UnitPlace[];
  candidates: CandidatePlace[];
  /** Per route and segment: the unit carrying its demand (shared stretches point at the earlier route's). */
  routeUnit: Int32Array[];
  /** Per hotspot: its cells' unit indices. */
  hotspotUnits: Int32Array[];
  /** Length of each route, km. */
  routeLengthKm: number[];
  radio: Record<string, SiteTypeRadio>;
  siteTypeIds: string[];
}

/** Default spacing of the candidate (and demand) grid inside hotspots, metres. */
export const DEFAULT_HOTSPOT_GRID_M = 100;
/** At most this many demand cells per hotspot (the demand grid coarsens beyond it). */
export const MAX_HOTSPOT_CELLS = 400;

/**
 * Range and load limit of every site type, from shared/radio; the load limit counts the uplink that
 * comes with the downlink at the scenario's `uplinkShare` (`siteLoadLimit`).
 */
export function radioBySiteType(
  siteTypes: readonly SiteType[],
  uplinkShare: number,
): Record<string, SiteTypeRadio> {
  const out: Record<string, SiteTypeRadio> = {};
  for (const t of siteTypes) {
    const load = siteLoadLimit({ siteType: t, uplinkShare });
    out[t.id] = {
      rangeKm: siteRangeKm(t).rangeKm,
      capacityDlMbps: load.capacityDlMbps,
      capacityUlMbps: load.capacityUlMbps,
      ulPerDlMbps: load.ulPerDlMbps,
      usableDlMbps: load.usableDlMbps,
      utilizationPerDlMbps: load.utilizationPerDlMbps,
      limitedBy: load.limitedBy,
    };
  }
  return out;
}

/** Builds the placement instance of a scenario (see the file comment). */
export function buildPlacementInstance(problem: PlacementProblem): BuiltInstance {
  const { scenario, crowd, demand } = problem;
  const radio = problem.radio ?? radioBySiteType(scenario.siteTypes, scenario.demand.uplinkShare);
  const siteTypeIds = scenario.siteTypes.map((t) => t.id);
  const typeIndex = new Map(siteTypeIds.map((id, k) => [id, k]));
  const T = demand.grid.stepCount;
  const stepHours = demand.grid.stepMinutes / 60;
  const exclusions = (scenario.planning.exclusionZones ?? []).map(exclusionPolygon);
  const excluded = (lon: number, lat: number) => exclusions.some((p) => insidePolygon(lon, lat, p));

  // Units: route segments owned by their route, then hotspot cells.
  const units: UnitPlace[] = [];
  const unitLine: number[] = [];
  const unitKm: number[] = [];
  const routeUnit: Int32Array[] = crowd.routes.map((r) => new Int32Array(r.segments.count).fill(-1));
  crowd.routes.forEach((r, ri) => {
    const seg = r.segments;
    const owners = crowd.segmentOwners[ri];
    for (let i = 0; i < seg.count; i++) {
      if (owners && owners[i] >= 0) continue;
      routeUnit[ri][i] = units.length;
      units.push({
        kind: 'route',
        routeIndex: ri,
        segment: i,
        hotspotIndex: -1,
        cell: -1,
        lon: seg.midLonLat[2 * i],
        lat: seg.midLonLat[2 * i + 1],
      });
      unitLine.push(ri);
      unitKm.push((seg.edgesKm[i] + seg.edgesKm[i + 1]) / 2);
    }
  });
  crowd.routes.forEach((r, ri) => {
    const owners = crowd.segmentOwners[ri];
    for (let i = 0; i < r.segments.count; i++) {
      if (!owners || owners[i] < 0) continue;
      const [q, j] = unpackSegment(owners[i]);
      routeUnit[ri][i] = routeUnit[q][j];
    }
  });
  const gridM = scenario.planning.hotspotGridMeters ?? DEFAULT_HOTSPOT_GRID_M;
  const hotspotUnits: Int32Array[] = [];
  scenario.hotspots.forEach((h, hi) => {
    let cells = gridInPolygon(h.area, gridM);
    let spacing = gridM;
    while (cells.length > MAX_HOTSPOT_CELLS) {
      spacing *= Math.sqrt(cells.length / MAX_HOTSPOT_CELLS) * 1.02;
      cells = gridInPolygon(h.area, spacing);
    }
    const list: number[] = [];
    cells.forEach(([lon, lat], c) => {
      list.push(units.length);
      units.push({ kind: 'hotspot', routeIndex: -1, segment: -1, hotspotIndex: hi, cell: c, lon, lat });
      unitLine.push(-1);
      unitKm.push(NaN);
    });
    hotspotUnits.push(Int32Array.from(list));
  });
  const U = units.length;
  const demandDlMbps = new Float64Array(T * U);
  demand.routes.forEach((rd, ri) => {
    const width = rd.segments.count;
    const dl = rd.traffic.dlMbps;
    const map = routeUnit[ri];
    for (let t = 0; t < T; t++) {
      for (let i = 0; i < width; i++) {
        const v = dl[t * width + i];
        if (v > 0) demandDlMbps[t * U + map[i]] += v;
      }
    }
  });
  const hotspotIndex = new Map(scenario.hotspots.map((h, k) => [h.id, k]));
  for (const hd of demand.hotspots) {
    const hi = hotspotIndex.get(hd.hotspotId);
    if (hi === undefined) continue;
    const cells = hotspotUnits[hi];
    const share = 1 / cells.length;
    for (let t = 0; t < T; t++) {
      const v = hd.traffic.dlMbps[t] * share;
      if (v > 0) for (const u of cells) demandDlMbps[t * U + u] += v;
    }
  }

  // Candidates: along each route's own road, inside hotspots, then existing sites.
  const candidates: CandidatePlace[] = [];
  const planned = scenario.planning.siteTypes;
  const spacingKm = scenario.planning.candidateSpacingMeters / 1000;
  const addNew = (lon: number, lat: number, routeIndex: number, km: number, hotspot: number) => {
    if (excluded(lon, lat)) return;
    for (const id of planned) {
      candidates.push({
        lon,
        lat,
        siteTypeId: id,
        existingId: null,
        routeIndex,
        chainageKm: km,
        hotspotIndex: hotspot,
      });
    }
  };
  scenario.routes.forEach((route, ri) => {
    const crowdRoute = crowd.routes[ri];
    const measured = measureLine(route.line as LonLat[]);
    const L = measured.lengthKm;
    const owners = crowd.segmentOwners[ri];
    const positions: number[] = [];
    for (let k = 0; k * spacingKm <= L + 1e-9; k++) positions.push(Math.min(L, k * spacingKm));
    if (L - positions[positions.length - 1] > 1e-6) positions.push(L);
    for (const km of positions) {
      if (owners && crowdRoute && owners[segmentIndexAtKm(crowdRoute.segments, km)] >= 0) continue;
      const [lon, lat] = positionAtKm(measured, km);
      addNew(lon, lat, ri, km, -1);
    }
  });
  scenario.hotspots.forEach((h, hi) => {
    for (const [lon, lat] of gridInPolygon(h.area, gridM)) addNew(lon, lat, -1, NaN, hi);
  });
  for (const site of scenario.existingSites) {
    candidates.push({
      lon: site.lon,
      lat: site.lat,
      siteTypeId: site.siteType,
      existingId: site.id,
      routeIndex: -1,
      chainageKm: NaN,
      hotspotIndex: -1,
    });
  }
  const C = candidates.length;
  const costUsd = new Float64Array(C);
  const usable = new Float64Array(C);
  const existing = new Uint8Array(C);
  const typeIdx = new Int32Array(C);
  const costByType = new Map(scenario.siteTypes.map((t) => [t.id, t.capexUsd]));
  candidates.forEach((c, j) => {
    const r = radio[c.siteTypeId];
    costUsd[j] = c.existingId === null ? (costByType.get(c.siteTypeId) ?? 0) : 0;
    usable[j] = r ? r.usableDlMbps : 0;
    existing[j] = c.existingId === null ? 0 : 1;
    typeIdx[j] = typeIndex.get(c.siteTypeId) ?? -1;
  });

  // Coverage by ground distance.
  const maxRange = Math.max(0.05, ...Object.values(radio).map((r) => r.rangeKm));
  const index = new PointIndex(
    units.map((u) => u.lon),
    units.map((u) => u.lat),
    Math.max(0.05, maxRange),
  );
  const coverStart = new Int32Array(C + 1);
  const coverUnits: number[] = [];
  const coverDistance: number[] = [];
  candidates.forEach((c, j) => {
    const range = radio[c.siteTypeId]?.rangeKm ?? 0;
    const hit = index.within(c.lon, c.lat, range);
    for (let k = 0; k < hit.index.length; k++) {
      coverUnits.push(hit.index[k]);
      coverDistance.push(hit.distanceKm[k]);
    }
    coverStart[j + 1] = coverUnits.length;
  });

  const instance: PlacementInstance = {
    stepCount: T,
    stepHours,
    unitCount: U,
    demandDlMbps,
    unitLine: Int32Array.from(unitLine),
    unitGroup: Int32Array.from(units, (u) => u.hotspotIndex),
    unitChainageKm: Float64Array.from(unitKm),
    candidateCount: C,
    costUsd,
    usableDlMbps: usable,
    existing,
    typeIndex: typeIdx,
    coverStart,
    coverUnits: Int32Array.from(coverUnits),
    coverDistanceKm: Float64Array.from(coverDistance),
    ...(scenario.planning.budgetUsd !== undefined ? { budgetUsd: scenario.planning.budgetUsd } : {}),
    ...(scenario.planning.maxNewSites !== undefined ? { maxNewSites: scenario.planning.maxNewSites } : {}),
  };
  const routeLengthKm = crowd.routes.map((r) => r.segments.lengthKm);
  return { instance, units, candidates, routeUnit, hotspotUnits, routeLengthKm, radio, siteTypeIds };
}
