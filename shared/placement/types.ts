/**
 * The placement problem in solver form: demand units (route segments, hotspot cells) with DL Mbps per
 * time step, candidate sites (new or existing) with cost, usable capacity and the units they cover.
 * Builders turn a scenario into this; solvers only see this.
 */
import type { Note } from '../notes';
import type { BoundRunner } from './bound-task';

/** Where a demand unit is: a route segment (possibly carrying later routes' shared demand) or a hotspot cell. */
export interface UnitPlace {
  kind: 'route' | 'hotspot';
  /** Route index and segment for route units (the canonical, earliest route on a shared stretch). */
  routeIndex: number;
  segment: number;
  /** Hotspot index and cell for hotspot cells; -1 otherwise. */
  hotspotIndex: number;
  cell: number;
  lon: number;
  lat: number;
}

/** Where a candidate stands and what it is. */
export interface CandidatePlace {
  lon: number;
  lat: number;
  siteTypeId: string;
  /** Existing site id (always open, free), or null for a new candidate. */
  existingId: string | null;
  /** Route index and chainage for candidates along a route; -1 / NaN otherwise. */
  routeIndex: number;
  chainageKm: number;
  /** Hotspot index for hotspot grid candidates; -1 otherwise. */
  hotspotIndex: number;
}

/**
 * The solver's input. Arrays over units × steps are step-major, `[step * unitCount + unit]`, like the
 * demand arrays. Coverage is given candidate → units (CSR, units ascending within a candidate).
 */
export interface PlacementInstance {
  stepCount: number;
  /** Length of a step, hours (served Mbps × hours = Mbps·h). */
  stepHours: number;
  unitCount: number;
  /** DL Mbps each unit must be served with at each step. */
  demandDlMbps: Float64Array;
  /**
   * Line structure for the exact route method: units on the same line (route) with their chainage.
   * `unitLine[i]` is -1 for units off any line (hotspot cells).
   */
  unitLine: Int32Array;
  unitChainageKm: Float64Array;
  /** Optional grouping of off-line units (the hotspot index of a cell), used to cut large components. */
  unitGroup?: Int32Array;
  candidateCount: number;
  /** Capex of opening the candidate, USD (0 for existing sites). */
  costUsd: Float64Array;
  /** Usable DL capacity (capacity × maxUtilization), Mbps. */
  usableDlMbps: Float64Array;
  /** 1 when the candidate is an existing site (always open, free, used first). */
  existing: Uint8Array;
  /** Index of the candidate's site type (for mixed-type detection and per-type counts). */
  typeIndex: Int32Array;
  coverStart: Int32Array;
  coverUnits: Int32Array;
  /** Ground distance of each coverage pair (parallel to coverUnits), km; service prefers nearer sites. */
  coverDistanceKm?: Float64Array;
  /** Optional caps on the new sites. */
  budgetUsd?: number;
  maxNewSites?: number;
}

/** Options for `solvePlacement` / `planSites`. */
export interface PlacementOptions {
  /** MILP time limit per solve, seconds (default: the scenario's planning.timeLimitSeconds, else 20). */
  timeLimitSeconds?: number;
  /** Relative MIP gap at which HiGHS may stop (default 1e-4; the absolute gap is set from the cost grain). */
  mipRelGap?: number;
  /**
   * 'auto': exact DP where the structure allows, the MILP elsewhere, the window decomposition for
   * components above `decomposeAboveUnits`; 'milp': the MILP on every component whatever its size;
   * 'greedy': the greedy baseline.
   */
  method?: 'auto' | 'milp' | 'greedy';
  /** Components with more units than this are decomposed in 'auto' mode (default 120). */
  decomposeAboveUnits?: number;
  /** Solve the LP relaxation for the bound even where the DP already proves optimality (default true). */
  lpBound?: boolean;
  /**
   * Runs the lower bound of large components on another thread while the windows plan (server and CLI:
   * a worker thread). Same bound without it, computed after the windows on this thread.
   */
  boundRunner?: BoundRunner;
  /** Abort: checked between components and passed to HiGHS' interrupt callback. */
  signal?: AbortSignal;
  /** Progress within placement, 0..1. */
  onProgress?: (fraction: number) => void;
}

/** How one independent component was solved. */
export interface ComponentReport {
  units: number;
  candidates: number;
  /** Time steps kept after dropping dominated ones (the most of any flow cluster). */
  steps: number;
  /**
   * 'windows': large component by the window decomposition with an LP bound (decompose.ts); 'lp-dive':
   * capped plan from LP rounding, diving and closing sites, the model being too large for the MILP
   * (capped.ts).
   */
  method: 'none' | 'route-dp' | 'milp' | 'windows' | 'lp-dive' | 'greedy';
  capexUsd: number;
  /** Best proven lower bound on the component's capex (LP relaxation, MILP dual bound or DP optimum). */
  lowerBoundUsd: number;
  /** LP relaxation value (NaN when not computed). */
  lpRelaxationUsd: number;
  /** True when the method proved optimality (gap 0 up to the cost grain). */
  optimal: boolean;
  ms: number;
  /** What the method reached or fell back on (limits, fallbacks, the windows' summary). */
  notes?: Note[];
}

/** The solver's answer. */
export interface PlacementSolution {
  /** 1 for every open candidate (existing sites included). */
  open: Uint8Array;
  /** Open candidates, ascending. */
  openSites: Int32Array;
  /** DL Mbps served by open site k (index into openSites) at each step, [step * openCount + k]. */
  siteLoadDlMbps: Float64Array;
  /** DL Mbps served per unit and step, [step * unitCount + unit]. */
  servedDlMbps: Float64Array;
  /** Per unit: 1 when some open site covers it (else unserved demand there is 'no-coverage'). */
  unitCovered: Uint8Array;
  capexUsd: number;
  newSites: number;
  lowerBoundUsd: number;
  lpRelaxationUsd: number;
  gap: number;
  method: string;
  capped: boolean;
  demandMbpsHours: number;
  servedMbpsHours: number;
  unservedMbpsHours: number;
  components: ComponentReport[];
  /** Notes on the solve, each a sentence the app writes in the reader's language (`formatNote`). */
  notes: Note[];
  computeMs: number;
}
