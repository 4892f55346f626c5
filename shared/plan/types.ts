import type { CrowdResult, TimeGrid } from '../crowd/types';
import type { DemandResult } from '../demand/types';
import type { Note } from '../notes';

/** One site of the plan, new or existing. */
export interface PlannedSite {
  id: string;
  /** Short site name for site tables: the existing site's name, or the id of a new site. */
  name: string;
  /** What and where, in words: type, route, km and pole, or hotspot. */
  description: string;
  lon: number;
  lat: number;
  siteTypeId: string;
  isNew: boolean;
  heightM: number;
  sectors: number;
  /** Carriers as text, e.g. "LTE 800 MHz 10 MHz; LTE 1800 MHz 20 MHz". */
  carriers: string;
  capexUsd: number;
  /** Route the site stands on (candidates along routes), with its chainage and nearest pole. */
  routeId: string | null;
  chainageKm: number | null;
  nearestPole: number | null;
  /** Hotspot the site stands in (grid candidates). */
  hotspotId: string | null;
  rangeKm: number;
  /**
   * The most DL the site may serve, Mbps: maxUtilization × DL capacity, or less where the uplink that
   * comes with it would pass maxUtilization of the UL capacity first (`limitedBy`).
   */
  usableDlMbps: number;
  /** Capacities before the utilisation cap, Mbps. */
  capacityDlMbps: number;
  capacityUlMbps: number;
  peakServedDlMbps: number;
  /** UL served at the same step: the DL peak × uplinkShare / (1 − uplinkShare). */
  peakServedUlMbps: number;
  /** Utilisation of the busier direction at the peak step (0–1). */
  peakUtilization: number;
  /** The direction whose utilisation is the higher (the one that limits the site's load). */
  limitedBy: 'DL' | 'UL';
  /** Step index and local time (YYYY-MM-DDTHH:mm) of the peak. */
  peakStep: number;
  peakAt: string;
}

/** A stretch (or hotspot) and a time window where demand goes unserved. */
export interface UnservedStretch {
  routeId: string | null;
  hotspotId: string | null;
  fromKm: number | null;
  toKm: number | null;
  fromPole: number | null;
  toPole: number | null;
  /** Local times of the first and last affected step (the last step's start). */
  from: string;
  to: string;
  peakUnservedDlMbps: number;
  unservedMbpsHours: number;
  /** 'no-coverage' when no site reaches it, 'capacity' when the sites reaching it are full. */
  reason: 'no-coverage' | 'capacity';
}

/** Headline figures of a plan. */
export interface PlanKpis {
  newSites: number;
  newSitesByType: Record<string, number>;
  existingSitesUsed: number;
  capexUsd: number;
  /** LP relaxation lower bound on the capex of any plan serving everything (or the same served demand). */
  lowerBoundUsd: number;
  /** (capex − lowerBound) / capex, 0 when proven optimal. */
  gap: number;
  unservedMbpsHours: number;
  servedShare: number;
  peakDlMbps: number;
  computeMs: number;
  /** Which method produced the plan: exact DP/LP on single routes, the MILP, or a labelled greedy fallback. */
  method: string;
  /** True when a budget or site-count cap bound and some demand is unserved. */
  capped: boolean;
  /** LP relaxation value (of the formulation the method used), USD; NaN when not computed. */
  lpRelaxationUsd?: number;
  /** DL demand over the horizon and the part served, Mbps·h. */
  demandMbpsHours?: number;
  servedMbpsHours?: number;
  /** Unserved Mbps·h by reason. */
  unservedNoCoverageMbpsHours?: number;
  unservedCapacityMbpsHours?: number;
  /** Milliseconds per pipeline stage (crowd, demand, radio, placement, report). */
  stageMs?: Record<string, number>;
}

/** Per hotspot, per step: demand served and unserved (DL Mbps). */
export interface HotspotService {
  hotspotId: string;
  servedDlMbps: Float64Array;
  unservedDlMbps: Float64Array;
}

/** Per route, per step: demand served and unserved (DL Mbps), step-major like the demand arrays. */
export interface RouteService {
  routeId: string;
  servedDlMbps: Float64Array;
  unservedDlMbps: Float64Array;
  /** Per segment: index of the site that covers it best (nearest), or -1. */
  coveringSite: Int32Array;
}

/** Output of `runPlan`: every stage's result and the plan. */
export interface PlanResult {
  scenarioName: string;
  grid: TimeGrid;
  crowd: CrowdResult;
  demand: DemandResult;
  sites: PlannedSite[];
  service: RouteService[];
  unserved: UnservedStretch[];
  kpis: PlanKpis;
  /** Model-validity warnings and the solver's notes, which the UI and reports write in their language. */
  notes: Note[];
  /** Per hotspot service (optional for older producers). */
  hotspotService?: HotspotService[];
}
