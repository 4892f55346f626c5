/**
 * Placement under a budget or a site cap: first the most served demand (Mbps·h) within the cap, then the
 * least capex at that service — by Hall-row generation with unserved demand (HiGHS), over all components
 * at once (the cap is shared).
 *
 * Model. Let v_it ∈ [0, 1] be the unserved share of unit i at step t. An open set Y serves d_t − v_t iff
 * for every unit set A
 *
 *     Σ_{i∈A} d_it v_it + Σ_{j∈N(A)∩Y} min(U_j, d_t(A ∩ N(j))) ≥ d_t(A),
 *
 * with the coefficient taken at the full demand d_t. Necessary: a flow serving d_t − v_t gives A at most
 * min(U_j, (d_t − v_t)(A ∩ N(j))) from site j, and that is at most the coefficient. Sufficient: the rows
 * imply Hall's condition with the whole U_j on the right. So these rows are exact for binary y, and linear
 * in (y, v), unlike the flow model's x_ijt over every step (which did not even find a first solution
 * within 20 s on the 241-segment mini scenario). The objective sums over every step with demand, so every
 * such step is modelled; rows and the v columns they use are generated: a maximum flow per step with source
 * d_it(1 − v_it), arcs d_it·y_j and sites U_j·y_j finds the violated sets as a minimum cut's source side.
 *
 * Phase 1 minimises Σ d_it v_it × step hours: LP rounds give the bound on service; plans rounded from the
 * LP at a few thresholds and an LP dive (fix the largest fractional y's open in batches, re-solve) give
 * plans, each measured by max flows; small models (≤ 4,000 columns) then run MILP rounds seeded with the
 * best plan. Phase 2 fixes that service as a ceiling on unserved Mbps·h and minimises capex: one LP over
 * the rows is the capex bound (no plan within the cap serving as much costs less), sites are closed
 * dearest first while the ceiling holds, and small models run MILP rounds again. Larger models skip the
 * MILP because its root alone outlasts the time guard (the mini scenario's 18,000 columns: over 20 s).
 * Work limits (rounds, nodes, tries) set the effort, so the same input gives the same plan, except where
 * the MILP rounds of a phase reach their share of the time limit (a note then says so).
 */
import { CutPieces } from './cut-pieces';
import { SetReach } from './set-reach';
import { setKey } from './hall';
import {
  csrMatrix,
  highsRuntime,
  resetHighsRuntime,
  runWithin,
  solverFailed,
  type Highs,
  type SparseRow,
} from './highs';
import { note, type Note } from '../notes';
import { costGrain, roundUpToGrain } from './milp';
import { greedyOpen } from './greedy';
import type { Component, Prepared } from './prepare';
import type { ComponentNetwork } from './servable';
import { stepsWithDemand } from './steps';
import type { PlacementInstance } from './types';

/** Input of `solveCappedPlacement`. */
export interface CappedRequest {
  inst: PlacementInstance;
  prep: Prepared;
  components: readonly Component[];
  /** One per component, same order. */
  networks: readonly ComponentNetwork[];
  budgetUsd?: number;
  maxNewSites?: number;
  /** A plan within the caps to start from (greedy), flags per candidate. */
  warm: Uint8Array;
  timeLimitSeconds: number;
  mipRelGap: number;
  /** Models with more columns than this skip the MILP rounds (default 4,000; see MILP_MAX_COLUMNS). */
  milpMaxColumns?: number;
  /** Abort: checked between solves and plan measurements. */
  signal?: AbortSignal;
}

/** Output of `solveCappedPlacement`. */
export interface CappedOutcome {
  /** Open flags per candidate over the components (existing sites included). */
  open: Uint8Array;
  unservedMbpsHours: number;
  /** Proven: no plan within the caps leaves less unserved. */
  unservedBoundMbpsHours: number;
  /** Phase 1's LP over the generated rows (NaN when not solved): the service bound before any plan. */
  unservedLpMbpsHours: number;
  capexUsd: number;
  /** Proven: no plan within the caps that serves as much costs less. */
  capexBoundUsd: number;
  /** Phase 2's LP over the generated rows (a valid capex bound too; NaN when not solved). */
  capexLpUsd: number;
  serviceOptimal: boolean;
  costOptimal: boolean;
  /** Whether the MILP rounds ran (small models) or only the LP plans and closing sites. */
  usedMilp: boolean;
  /** Most steps modelled in one component. */
  steps: number;
  /** Where the phases stopped short (work or time limits, model too large, solver failure). */
  notes: Note[];
}

/** Work limits per phase (LP rounds, branch-and-bound nodes per MILP, MILP rounds). */
const WORK = {
  maxLpRounds: 30,
  maxMilpNodes: 50,
  maxMilpRounds: 4,
  maxDives: 8,
  diveLpRounds: 3,
};
/** Share of the time limit the MILP rounds of each phase may take together. */
const MILP_TIME_SHARE = 0.25;
/** Share of the fractional candidates fixed open per diving step. */
const DIVE_BATCH_SHARE = 0.25;
/** Models with more columns skip the MILP rounds: the mini scenario's 18,000 took > 20 s for the root alone. */
const MILP_MAX_COLUMNS = 4000;
/**
 * Budgets in units × steps (a max flow per step over the units): separation rounds of all LPs together,
 * and closing tries in phase 2. The mini scenario (23,000) gets every round its limits allow; the largest
 * model attempted (CAPPED_MAX_UNIT_STEPS, 500,000) three separation rounds and six closing tries.
 */
const SEPARATION_WORK = 1.5e6;
const DROP_WORK = 3e6;
/** Separation rounds every model gets whatever its size (without them the LP bound is 0). */
const MIN_SEPARATION_ROUNDS = 2;
/** Models above this many units × steps skip the MILP rounds whatever their column count. */
const MILP_MAX_CELLS = 200_000;
/** Plans are rounded from the phase-1 LP at these thresholds on y. */
const LP_ROUNDING_THRESHOLDS = [0.9, 0.5, 0.25];
/** A violated set is also tried at this many modelled steps either side. */
const NEIGHBOUR_STEPS = 3;
/** Separation adds at most this many nonzeros per round. */
const MAX_ROUND_NONZEROS = 400_000;

interface Part {
  comp: Component;
  network: ComponentNetwork;
  steps: Int32Array;
  /** Demand at the modelled steps, [s * n + k]. */
  d: Float64Array;
  cap: Float64Array;
  isExisting: Uint8Array;
  /** y column of each local candidate, -1 for existing sites. */
  yCol: Int32Array;
  pieces: CutPieces;
  sets: SetReach;
}

/** A plan's true service (max flows). */
interface Measured {
  unserved: number;
  /** Per part: served Mbps per unit and modelled step, [s * n + k]. */
  served: Float64Array[];
}

type Row = SparseRow;

/**
 * Above this many units × steps with demand the capped model is not attempted (the caller keeps the greedy,
 * labelled): the default scenario's 1.5 million took 26 s for a plan no better than the greedy's and a
 * bound of 0 (two separation rounds at ~2 s each leave the LP at zero unserved).
 */
export const CAPPED_MAX_UNIT_STEPS = 500_000;

/** Units × steps with demand the capped model of these components would carry. */
export function cappedUnitSteps(inst: PlacementInstance, components: readonly Component[]): number {
  let cells = 0;
  for (const comp of components)
    cells +=
      comp.units.length *
      stepsWithDemand(inst.demandDlMbps, inst.unitCount, inst.stepCount, comp.units).kept.length;
  return cells;
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/** Most service within the caps, then least capex; see the file comment. */
export async function solveCappedPlacement(req: CappedRequest): Promise<CappedOutcome> {
  const { inst } = req;
  const U = inst.unitCount;
  const hours = inst.stepHours;

  // y columns first (one per new candidate), then v columns as rows need them.
  const yCands: number[] = [];
  const yColOf = new Map<number, number>();
  const parts: Part[] = req.components.map((comp, p) => {
    const network = req.networks[p];
    const n = comp.units.length;
    const m = comp.candidates.length;
    const steps = stepsWithDemand(inst.demandDlMbps, U, inst.stepCount, comp.units).kept;
    const d = new Float64Array(steps.length * n);
    steps.forEach((t, s) => {
      for (let k = 0; k < n; k++) d[s * n + k] = inst.demandDlMbps[t * U + comp.units[k]];
    });
    const isExisting = Uint8Array.from(comp.candidates, (j) => inst.existing[j]);
    const yCol = Int32Array.from(comp.candidates, (j) => {
      if (inst.existing[j]) return -1;
      let c = yColOf.get(j);
      if (c === undefined) {
        c = yCands.length;
        yColOf.set(j, c);
        yCands.push(j);
      }
      return c;
    });
    const siteUnits: number[][] = Array.from({ length: m }, () => []);
    network.unitSites.forEach((list, k) => list.forEach((q) => siteUnits[q].push(k)));
    return {
      comp,
      network,
      steps,
      d,
      cap: Float64Array.from(comp.candidates, (j) => inst.usableDlMbps[j]),
      isExisting,
      yCol,
      pieces: new CutPieces(network.unitSites, siteUnits),
      sets: new SetReach(network.unitSites, m, d),
    };
  });
  const numY = yCands.length;
  const costScale = yCands.reduce((a, j) => Math.max(a, inst.costUsd[j]), 1);
  let totalMbpsHours = 0;
  for (const part of parts) for (const x of part.d) totalMbpsHours += x * hours;
  const unservedScale = Math.max(1e-9, totalMbpsHours);
  let cells = 0;
  for (const part of parts) cells += part.d.length;
  let separationRounds = Math.max(MIN_SEPARATION_ROUNDS, Math.floor(SEPARATION_WORK / Math.max(1, cells)));
  const grain = costGrain(yCands.map((j) => inst.costUsd[j]));

  /** v columns: key (part, step, local unit) → column, and each column's Mbps·h at full share. */
  const vColOf = new Map<string, number>();
  const colMbpsHours: number[] = new Array<number>(numY).fill(0);
  /** Part, modelled step and local unit of each v column (index − numY). */
  const vWhere: { p: number; s: number; k: number }[] = [];
  const vKey = (p: number, s: number, k: number) => `${p}:${s}:${k}`;

  // --- Measuring a plan: max flow at every modelled step. ---
  const flowScratch = parts.map((part) => ({
    served: new Float64Array(part.comp.units.length),
    load: new Float64Array(part.comp.candidates.length),
    capY: new Float64Array(part.comp.candidates.length),
    scaleY: new Float64Array(part.comp.candidates.length),
    source: new Float64Array(part.comp.units.length),
  }));
  /** Unserved Mbps·h of an open set and what each part serves per unit and modelled step, [s * n + k]. */
  const measure = (flags: Uint8Array): Measured => {
    req.signal?.throwIfAborted();
    let unserved = 0;
    const served = parts.map((part, p) => {
      const n = part.comp.units.length;
      const f = flowScratch[p];
      const out = new Float64Array(part.d.length);
      part.comp.candidates.forEach((j, q) => (f.capY[q] = flags[j] || inst.existing[j] ? part.cap[q] : 0));
      for (let s = 0; s < part.steps.length; s++) {
        const d = part.d.subarray(s * n, (s + 1) * n);
        const got = part.network.net.serve(d, f.capY, f.served, f.load);
        out.set(f.served, s * n);
        let total = 0;
        for (let k = 0; k < n; k++) total += d[k];
        unserved += Math.max(0, total - got) * hours;
      }
      return out;
    });
    return { unserved, served };
  };
  const capexOf = (flags: Uint8Array) => yCands.reduce((a, j) => a + (flags[j] ? inst.costUsd[j] : 0), 0);

  // --- Rows. ---
  const keys = new Set<string>();
  /** New v columns the pending rows need (their Mbps·h at full share), added before those rows. */
  let pendingCols: number[] = [];
  let nextCol = numY;
  const vColumn = (p: number, s: number, k: number, mbpsHours: number): number => {
    const key = vKey(p, s, k);
    let col = vColOf.get(key);
    if (col === undefined) {
      col = nextCol++;
      vColOf.set(key, col);
      colMbpsHours.push(mbpsHours);
      vWhere.push({ p, s, k });
      pendingCols.push(mbpsHours);
    }
    return col;
  };
  /** The Hall row with unserved demand of set A at step s (normalised to 1), or null when it cannot bind. */
  const hallRow = (p: number, A: readonly number[], s: number): Row | null => {
    const key = setKey(
      `${p}:${s}:`,
      [...A].sort((a, b) => a - b),
    );
    if (keys.has(key)) return null;
    keys.add(key);
    const part = parts[p];
    const n = part.comp.units.length;
    const { demand, reach } = part.sets.of(A, s);
    const terms = part.sets.siteTerms(demand, reach, part.cap, part.isExisting, part.yCol);
    if (!terms) return null;
    const row: Row = { idx: [], val: [] };
    for (const k of A) {
      const dk = part.d[s * n + k];
      if (!(dk > 0)) continue;
      row.idx.push(vColumn(p, s, k, dk * hours));
      row.val.push(dk / terms.need);
    }
    row.idx.push(...terms.idx);
    row.val.push(...terms.val);
    return row;
  };

  // --- Separation. ---
  let rotate = 0;
  /** Rows violated by the solution x (y then v columns); [] when x is consistent at every step. */
  const separate = (x: ArrayLike<number>): Row[] => {
    const found: Row[] = [];
    let nonzeros = 0;
    parts.forEach((part, p) => {
      const n = part.comp.units.length;
      const S = part.steps.length;
      const f = flowScratch[p];
      part.comp.candidates.forEach((_, q) => {
        f.scaleY[q] = part.isExisting[q] ? 1 : Math.min(1, Math.max(0, x[part.yCol[q]]));
        f.capY[q] = part.cap[q] * f.scaleY[q];
      });
      const share = (s: number, k: number) => {
        const col = vColOf.get(vKey(p, s, k));
        return col === undefined ? 0 : Math.min(1, Math.max(0, x[col]));
      };
      const violated = (A: readonly number[], s: number): boolean => {
        const { demand, reach } = part.sets.of(A, s);
        let give = part.sets.give(reach, f.capY, f.scaleY);
        for (const k of A) give += part.d[s * n + k] * share(s, k);
        return demand > give + 1e-9 * (1 + demand);
      };
      const add = (A: readonly number[], s: number): boolean => {
        const row = hallRow(p, A, s);
        if (!row) return false;
        found.push(row);
        nonzeros += row.idx.length;
        return true;
      };
      for (let r = 0; r < S && nonzeros < MAX_ROUND_NONZEROS; r++) {
        const s = (rotate + r) % S;
        const d = part.d.subarray(s * n, (s + 1) * n);
        let total = 0;
        for (let k = 0; k < n; k++) total += f.source[k] = d[k] * (1 - share(s, k));
        const got = part.network.net.serve(f.source, f.capY, f.served, f.load, f.scaleY, d);
        if (total - got <= 1e-9 * (1 + total)) continue;
        const A: number[] = [];
        for (let k = 0; k < n; k++) if (part.network.net.onSourceSide(k)) A.push(k);
        let added = false;
        for (const P of part.pieces.split(A)) {
          if (!violated(P, s) || !add(P, s)) continue;
          added = true;
          for (let s2 = Math.max(0, s - NEIGHBOUR_STEPS); s2 <= Math.min(S - 1, s + NEIGHBOUR_STEPS); s2++)
            if (s2 !== s && violated(P, s2)) add(P, s2);
        }
        if (!added) add(A, s);
      }
    });
    rotate++;
    return found;
  };

  // --- The model. ---
  const highs: Highs = await highsRuntime();
  const inf = highs.infinity;
  const capRows: Row[] = [];
  const capUpper: number[] = [];
  if (req.budgetUsd !== undefined) {
    capRows.push({ idx: yCands.map((_, c) => c), val: yCands.map((j) => inst.costUsd[j] / costScale) });
    capUpper.push(req.budgetUsd / costScale + 1e-9);
  }
  if (req.maxNewSites !== undefined) {
    capRows.push({ idx: yCands.map((_, c) => c), val: yCands.map(() => 1) });
    capUpper.push(req.maxNewSites + 1e-9);
  }
  // Best plan so far: the warm start within the caps.
  let best: Uint8Array = Uint8Array.from(req.warm);
  let bestService = measure(best);
  let bestUnserved = bestService.unserved;
  let bestCapex = capexOf(best);
  const take = (flags: Uint8Array, service: Measured) => {
    best = flags;
    bestService = service;
    bestUnserved = service.unserved;
    bestCapex = capexOf(flags);
  };
  const steps = parts.reduce((a, p) => Math.max(a, p.steps.length), 0);
  const result = (o: Partial<CappedOutcome>): CappedOutcome => ({
    open: best,
    unservedMbpsHours: bestUnserved,
    unservedBoundMbpsHours: 0,
    unservedLpMbpsHours: NaN,
    capexUsd: bestCapex,
    capexBoundUsd: 0,
    capexLpUsd: NaN,
    serviceOptimal: false,
    costOptimal: false,
    usedMilp: false,
    steps,
    notes: [],
    ...o,
  });
  if (numY === 0)
    return result({ unservedBoundMbpsHours: bestUnserved, serviceOptimal: true, costOptimal: true });

  let model: ReturnType<Highs['createModel']>;
  try {
    model = highs.createModel({
      numCols: numY,
      numRows: capRows.length,
      sense: highs.constants.objectiveSense.minimize,
      colCost: new Float64Array(numY),
      colLower: new Float64Array(numY),
      colUpper: new Float64Array(numY).fill(1),
      rowLower: new Float64Array(capRows.length).fill(-inf),
      rowUpper: Float64Array.from(capUpper),
      matrix: csrMatrix(capRows, numY),
    });
  } catch (error) {
    resetHighsRuntime();
    return result({ notes: [solverFailed('solverFailedKeptGreedy', error)] });
  }
  const status = highs.constants.modelStatus;
  /** The service ceiling row of phase 2 (new v columns join it). */
  let serviceRow = -1;
  let rowCount = capRows.length;
  let phase: 1 | 2 = 1;
  const vCost = (mbpsHours: number) => (phase === 1 ? mbpsHours / unservedScale : 0);
  const flushColumns = () => {
    for (const mbpsHours of pendingCols) {
      const entries =
        serviceRow >= 0
          ? { indices: [serviceRow], values: [mbpsHours / unservedScale] }
          : { indices: [], values: [] };
      model.addCol(vCost(mbpsHours), 0, 1, entries);
    }
    pendingCols = [];
  };
  const addRows = (rows: Row[]) => {
    flushColumns();
    rowCount += rows.length;
    model.addRows({
      lower: new Float64Array(rows.length).fill(1),
      upper: new Float64Array(rows.length).fill(inf),
      matrix: csrMatrix(rows, nextCol),
    });
  };
  const setIntegrality = (integer: boolean) =>
    model.changeColsIntegrality(
      { kind: 'range', from: 0, to: numY - 1 },
      new Int32Array(numY).fill(integer ? highs.constants.variableType.integer : 0),
    );
  /** MIP start: the best plan and the unserved shares its max flows leave. */
  const startFromBest = () => {
    const indices: number[] = [];
    const values: number[] = [];
    yCands.forEach((j, c) => {
      indices.push(c);
      values.push(best[j] ? 1 : 0);
    });
    for (let col = numY; col < nextCol; col++) {
      indices.push(col);
      const { p, s, k } = vWhere[col - numY];
      const n = parts[p].comp.units.length;
      const d = parts[p].d[s * n + k];
      values.push(d > 0 ? Math.min(1, Math.max(0, 1 - bestService.served[p][s * n + k] / d)) : 0);
    }
    model.setSolution({ indices, values });
  };
  const scale = () => (phase === 1 ? unservedScale : costScale);
  let guardHit = false;
  /** One solve, guarded by the time limit (work limits set the effort; see the file comment). */
  const run = (seconds = req.timeLimitSeconds) => {
    req.signal?.throwIfAborted();
    runWithin(model, seconds);
    if (model.getModelStatus() === status.timeLimit) guardHit = true;
  };

  /** LP rounds of row generation; returns the last LP value (a valid bound) in the phase's unit. */
  const lpRounds = (maxRounds: number = WORK.maxLpRounds): number => {
    setIntegrality(false);
    let value = NaN;
    let last = -Infinity;
    let stalled = 0;
    for (let round = 0; round < maxRounds; round++) {
      run();
      if (model.getModelStatus() !== status.optimal) break;
      value = model.getObjectiveValue() * scale();
      if (value <= last * (1 + 1e-6) + 1e-9 && ++stalled >= 3) break;
      last = value;
      // The last round keeps its solution (no rows added after it): the caller reads it.
      if (round === maxRounds - 1 || separationRounds <= 0) break;
      separationRounds--;
      const rows = separate(model.getSolution().colValue);
      if (rows.length === 0) break;
      addRows(rows);
    }
    return value;
  };
  /**
   * MILP rounds: solve over the rows, measure the plan, keep it when `better` says so, separate, repeat.
   * Returns the dual bound (phase unit) and whether the last MILP was optimal and consistent.
   */
  const milpRounds = (better: (flags: Uint8Array, unserved: number) => boolean) => {
    setIntegrality(true);
    let bound = 0;
    let optimal = false;
    // The root of a dense hotspot model can outlast any node limit (a 512-candidate hotspot: > 20 s), so
    // the rounds of a phase share a quarter of the time limit.
    const until = now() + MILP_TIME_SHARE * req.timeLimitSeconds * 1000;
    for (let round = 0; round < WORK.maxMilpRounds && now() < until; round++) {
      model.options.set({
        mip_rel_gap: req.mipRelGap,
        mip_max_nodes: WORK.maxMilpNodes,
        ...(phase === 2 && grain > 0 ? { mip_abs_gap: (0.999 * grain) / costScale } : {}),
      });
      startFromBest();
      run((until - now()) / 1000);
      const dual = Number(model.info.get('mip_dual_bound'));
      if (Number.isFinite(dual)) bound = Math.max(bound, dual * scale());
      if (Number(model.info.get('primal_solution_status')) !== 2) break;
      const x = model.getSolution().colValue;
      const flags = new Uint8Array(inst.candidateCount);
      yCands.forEach((j, c) => (flags[j] = x[c] > 0.5 ? 1 : 0));
      const service = measure(flags);
      if (better(flags, service.unserved)) take(flags, service);
      const rounded = Float64Array.from(x, (v, c) => (c < numY ? (v > 0.5 ? 1 : 0) : v));
      const rows = separate(rounded);
      if (rows.length === 0) {
        optimal = model.getModelStatus() === status.optimal;
        break;
      }
      addRows(rows);
    }
    return { bound, optimal };
  };

  /** Counts new sites and spending against the caps; `add` says whether candidate j still fits. */
  const capTracker = () => {
    let spent = 0;
    let count = 0;
    return {
      add(j: number): boolean {
        if (req.budgetUsd !== undefined && spent + inst.costUsd[j] > req.budgetUsd + 1e-9) return false;
        if (req.maxNewSites !== undefined && count >= req.maxNewSites) return false;
        spent += inst.costUsd[j];
        count++;
        return true;
      },
    };
  };
  /**
   * A plan from the LP: candidates with y ≥ threshold, largest first, while the caps allow; then greedy
   * fills what the caps leave.
   */
  const roundWithinCaps = (y: ArrayLike<number>, threshold: number): Uint8Array => {
    const chosen = new Uint8Array(inst.candidateCount);
    const caps = capTracker();
    const order = yCands.map((_, c) => c).filter((c) => y[c] >= threshold);
    order.sort((a, b) => y[b] - y[a] || a - b);
    for (const c of order) if (caps.add(yCands[c])) chosen[yCands[c]] = 1;
    return greedyOpen(inst, req.prep, req.components, {
      budgetUsd: req.budgetUsd,
      maxNewSites: req.maxNewSites,
      initiallyOpen: chosen,
    });
  };

  /** Keeps `flags` when it serves more than the best plan (phase 1). */
  const offerService = (flags: Uint8Array) => {
    const service = measure(flags);
    if (service.unserved < bestUnserved - tolMbpsHours) take(flags, service);
  };
  /**
   * LP diving: fix the largest fractional y's to 1 in batches (within the caps), re-solve the LP with a
   * few rounds of rows, until nothing fractional is left; the last LP rounded is a plan. Deterministic.
   */
  const dive = () => {
    const fixed = new Uint8Array(numY);
    const caps = capTracker();
    for (let it = 0; it < WORK.maxDives; it++) {
      const y = model.getSolution().colValue;
      const order = yCands
        .map((_, c) => c)
        .filter((c) => !fixed[c] && y[c] > 1e-6)
        .sort((a, b) => y[b] - y[a] || a - b);
      const batch = Math.max(1, Math.ceil(order.length * DIVE_BATCH_SHARE));
      let added = 0;
      for (const c of order) {
        if (added >= batch) break;
        if (!caps.add(yCands[c])) continue;
        fixed[c] = 1;
        added++;
        model.changeColBounds(c, 1, 1);
      }
      if (added === 0) break;
      if (!Number.isFinite(lpRounds(WORK.diveLpRounds))) break;
    }
    if (model.getModelStatus() === status.optimal)
      offerService(roundWithinCaps(model.getSolution().colValue, 0.5));
    model.changeColsBounds(
      { kind: 'range', from: 0, to: numY - 1 },
      new Float64Array(numY),
      new Float64Array(numY).fill(1),
    );
  };
  /** Closes open new sites, dearest first, while the plan still leaves at most `ceiling` unserved. */
  const dropSites = (ceiling: number) => {
    let tries = Math.floor(DROP_WORK / Math.max(1, cells));
    const order = yCands.filter((j) => best[j]).sort((a, b) => inst.costUsd[b] - inst.costUsd[a] || a - b);
    for (const j of order) {
      if (tries-- <= 0) break;
      const flags = Uint8Array.from(best);
      flags[j] = 0;
      const service = measure(flags);
      if (service.unserved <= ceiling) take(flags, service);
    }
  };

  const tolMbpsHours = 1e-7 * (1 + totalMbpsHours);
  const notes: Note[] = [];
  let unservedBound = 0;
  let serviceOptimal = false;
  let capexBound = 0;
  let costOptimal = false;
  let capexLp = NaN;
  let unservedLp = NaN;
  let usedMilp = false;
  try {
    model.options.set({ output_flag: false, random_seed: 0, presolve: 'off' });
    // Phase 1: most service within the caps. The LP's bound, plans rounded from the LP, then MILP rounds.
    unservedLp = lpRounds();
    if (Number.isFinite(unservedLp)) {
      unservedBound = unservedLp;
      const y = model.getSolution().colValue;
      for (const threshold of LP_ROUNDING_THRESHOLDS) offerService(roundWithinCaps(y, threshold));
      dive();
    }
    // The MILP where its root is affordable (small models); larger ones keep the LP plans and bound.
    usedMilp = nextCol <= (req.milpMaxColumns ?? MILP_MAX_COLUMNS) && cells <= MILP_MAX_CELLS;
    if (usedMilp) {
      const m1 = milpRounds((flags, unserved) => unserved < bestUnserved - tolMbpsHours);
      unservedBound = Math.max(unservedBound, m1.bound);
    }
    unservedBound = Math.min(bestUnserved, unservedBound);
    serviceOptimal = bestUnserved - unservedBound <= tolMbpsHours;
    if (!serviceOptimal) notes.push({ key: usedMilp ? 'mostServiceMilpStopped' : 'mostServiceByDiving' });

    // Phase 2: least capex at that service.
    phase = 2;
    model.changeColsCost(
      { kind: 'range', from: 0, to: nextCol - 1 },
      Float64Array.from({ length: nextCol }, (_, c) => (c < numY ? inst.costUsd[yCands[c]] / costScale : 0)),
    );
    const ceiling = bestUnserved + tolMbpsHours;
    flushColumns();
    serviceRow = rowCount++;
    const vCols = Array.from({ length: nextCol - numY }, (_, k) => numY + k);
    model.addRow(-inf, ceiling / unservedScale, {
      indices: vCols,
      values: vCols.map((c) => colMbpsHours[c] / unservedScale),
    });
    // One LP over the rows so far: a valid capex bound even when the MILP below cannot finish its root.
    setIntegrality(false);
    run();
    if (model.getModelStatus() === status.optimal) capexLp = model.getObjectiveValue() * costScale;
    dropSites(ceiling);
    const m2 = usedMilp
      ? milpRounds((flags, unserved) => unserved <= ceiling && capexOf(flags) < bestCapex - 1e-6)
      : { bound: 0 };
    capexBound = Math.max(Number.isFinite(capexLp) ? capexLp : 0, m2.bound);
    capexBound = roundUpToGrain(capexBound, grain);
    capexBound = Math.min(capexBound, bestCapex);
    costOptimal = bestCapex - capexBound < (grain > 0 ? grain : 1e-6 * (1 + bestCapex));
    if (!costOptimal) notes.push({ key: usedMilp ? 'leastCapexMilpStopped' : 'leastCapexByClosing' });
    if (guardHit) notes.push(note('timeGuard', { seconds: req.timeLimitSeconds }));
  } catch (error) {
    if (req.signal?.aborted) throw error;
    resetHighsRuntime();
    notes.push(solverFailed('solverFailedKeptBest', error));
  } finally {
    try {
      model.dispose();
    } catch {
      // An aborted runtime cannot dispose; nothing left to free.
    }
  }
  return result({
    unservedBoundMbpsHours: unservedBound,
    unservedLpMbpsHours: unservedLp,
    capexBoundUsd: capexBound,
    capexLpUsd: capexLp,
    serviceOptimal,
    costOptimal: serviceOptimal && costOptimal,
    usedMilp,
    notes,
  });
}
