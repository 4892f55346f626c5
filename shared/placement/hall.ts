/**
 * The placement MILP by Hall-cut row generation (HiGHS), for components without the line structure
 * (hotspots, shared stretches, junctions, mixed site types).
 *
 * Model. By the supply–demand theorem (Gale 1957; Hall for b-matchings), an open set Y serves demand d_t
 * (units → sites within range, demand splittable, Σ_i served_ijt ≤ U_j) iff for every step t and set A of
 * units d_t(A) ≤ Σ_{j∈N(A)∩Y} min(U_j, d_t(A ∩ N(j))) — a site gives A no more than the demand of A it
 * reaches. These are the minimum cuts of the flow model with strong linking (x_ijt ≤ d_it·y_j), so the LP
 * over all of them is at least that model's LP bound (much tighter than charging each site its whole U_j):
 *
 *     min Σ c_j y_j   s.t.   Σ_{j∈N(A)} min(U_j, d_t(A ∩ N(j)), R) y_j ≥ R   for all (A, t),   y ∈ {0,1},
 *
 * with existing sites fixed open and moved to the right (R = d_t(A) − Σ_existing min(U_j, d_t(A ∩ N(j))))
 * and the coefficients also capped at R (valid for binary y: one such site suffices). Plus the covering rows
 * Σ_{j∈N(i)} y_j ≥ 1 for units with demand (implied for integers, stronger for the LP).
 *
 * Rows are generated. The pool starts with every single unit, every candidate's reach and windows of
 * 2..128 consecutive segments along each route, each at the step where its demand peaks; then, for a
 * (fractional or integral) y, a maximum flow at every kept step (arcs d_it·y_j, sites U_j·y_j) finds the
 * violated Hall sets as the source side of a minimum cut, split into connected pieces. With
 * `roundingCuts`, once a round lifts the LP by less than 1 %, mixed-integer roundings of the tight rows
 * (rounding-cuts.ts; valid for binary y) join them. Phase 1 solves
 * LPs until no cut is violated: that LP value is the LP relaxation bound of this (tightened) formulation,
 * at least the flow model's LP bound. Phase 2 solves the MILP over the pool,
 * separates the integer solution, and repeats; an integer solution with no violated cut is feasible, and
 * the MILP's dual bound over a subset of valid rows is a valid lower bound on the true optimum.
 */
import { greedyPlan } from './greedy';
import { repairOpenSet } from './repair';
import { CutPieces } from './cut-pieces';
import { SetReach } from './set-reach';
import { mirCut } from './rounding-cuts';
import { costGrain, roundUpToGrain } from './milp';
import {
  csrMatrix,
  highsRuntime,
  resetHighsRuntime,
  runWithin,
  solverFailed,
  type Highs,
  type SparseRow,
} from './highs';
import type { Note } from '../notes';
import type { Component, Prepared } from './prepare';
import { candidateUnits, type ComponentNetwork } from './servable';
import { reduceSteps } from './steps';
import type { PlacementInstance } from './types';

/** Input of `solveHall`. */
export interface HallRequest {
  /** The instance, with the demand to serve in full (already reduced to what is servable). */
  inst: PlacementInstance;
  prep: Prepared;
  comp: Component;
  network: ComponentNetwork;
  timeLimitSeconds: number;
  mipRelGap: number;
  /** Stop after the LP relaxation (for the bound of components solved otherwise). */
  lpOnly?: boolean;
  /**
   * Initial rows: 'full' adds runs of consecutive segments along routes; 'light' only single units,
   * covering rows and each candidate's reach (a smaller, weaker but still valid relaxation).
   */
  pool?: 'full' | 'light';
  /** At most this many LP rounds of row generation (default unbounded, within the time limit). */
  maxLpRounds?: number;
  /**
   * Work limits that make the result independent of the machine's speed: branch-and-bound nodes per MILP
   * solve and MILP rounds of row generation. With `maxLpRounds` they replace the time shares inside the
   * solve (the time limit then only guards against runaway solves).
   */
  maxMilpNodes?: number;
  maxMilpRounds?: number;
  /**
   * End row generation after a MILP round that stopped at its node limit with a plan some Hall row
   * rejects: the next round's MILP would be as hard. Rounds go on while each MILP solves to optimality.
   */
  stopAtNodeLimit?: boolean;
  /**
   * Also add mixed-integer rounding cuts of tight Hall rows to the LP (rounding-cuts.ts): a tighter bound
   * and an LP closer to integral plans, at the price of more LP rounds.
   */
  roundingCuts?: boolean;
  /**
   * With `lpOnly`: also keep the LP point of this round (what a run of exactly this many rounds returns),
   * so one run gives both a guidance LP and the bound of more rounds.
   */
  guidanceAtRound?: number;
  /** A plan that serves the component (global open flags): the MILP's start instead of greedy's. */
  start?: Uint8Array;
}

/** An LP point of the Hall relaxation: its value and, per candidate, y and the reduced cost. */
export interface HallLpPoint {
  lpBound: number;
  /** y per candidate (global index; NaN where not a column). */
  lpSolution: Float64Array;
  /** Reduced cost per candidate, USD (same layout). */
  lpReducedCostUsd: Float64Array;
}

/** Output of `solveHall`. */
export interface HallOutcome {
  /** Open flags per candidate (global; the component's candidates set). */
  open: Uint8Array;
  feasible: boolean;
  capexUsd: number;
  /** Best proven lower bound, USD. */
  bound: number;
  /**
   * LP relaxation of the Hall formulation, with the rounding cuts when asked (a valid bound even when not
   * converged).
   */
  lpBound: number;
  lpConverged: boolean;
  optimal: boolean;
  steps: number;
  cuts: number;
  lpRounds: number;
  milpRounds: number;
  /** With `lpOnly`: the LP's y per candidate (global index; NaN where not a column). */
  lpSolution?: Float64Array;
  /** With `lpOnly`: the LP's reduced cost per candidate, USD (same layout). */
  lpReducedCostUsd?: Float64Array;
  /** With `guidanceAtRound`: the LP point of that round (of the last round when the LP stopped before). */
  guidance?: HallLpPoint;
  /** Why the solve ended short of its aim (limits reached, solver failure). */
  note?: Note;
}

/** Lines of at most this many units get every run of consecutive units as an initial Hall set. */
const ALL_WINDOWS_UP_TO = 200;
/** Optional initial rows stop at this many nonzeros (the WebAssembly heap is limited). */
const MAX_POOL_NONZEROS = 1_500_000;
/** A violated set found at one kept step is also tested at this many kept steps either side. */
const NEIGHBOUR_STEPS = 3;
/** Separation adds at most this many nonzeros per round. */
const MAX_ROUND_NONZEROS = 400_000;

/** Rounding cuts start in the round after the LP gained less than this share. */
const ROUNDING_FROM_GAIN = 0.01;
/** A pool row is rounded at most this many times (at different LP points). */
const MAX_ROUNDINGS_PER_ROW = 3;

type Row = SparseRow;

/** FNV-1a over a sorted list of small integers. */
export function setKey(prefix: string, sorted: ArrayLike<number>): string {
  let h = 0x811c9dc5;
  for (let k = 0; k < sorted.length; k++) {
    h ^= sorted[k];
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${prefix}${sorted.length}:${h.toString(36)}`;
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/** Solves one component in full-service mode; see the file comment. */
export async function solveHall(req: HallRequest): Promise<HallOutcome> {
  const started = now();
  const deadline = started + req.timeLimitSeconds * 1000;
  const { inst, comp, network } = req;
  const U = inst.unitCount;
  const n = comp.units.length;
  const m = comp.candidates.length;
  const cands = comp.candidates;
  const cap = Float64Array.from(cands, (j) => inst.usableDlMbps[j]);
  const isExisting = Uint8Array.from(cands, (j) => inst.existing[j]);
  const col = new Int32Array(m).fill(-1);
  const colPos: number[] = [];
  for (let q = 0; q < m; q++) {
    if (!isExisting[q]) {
      col[q] = colPos.length;
      colPos.push(q);
    }
  }
  const numCols = colPos.length;
  const costScale = colPos.reduce((a, q) => Math.max(a, inst.costUsd[cands[q]]), 1);
  const grain = costGrain(colPos.map((q) => inst.costUsd[cands[q]]));

  // Demand at the kept steps, local layout [s * n + k].
  const steps = reduceSteps(inst.demandDlMbps, U, inst.stepCount, comp.units).kept;
  const S = steps.length;
  const dS = new Float64Array(S * n);
  for (let s = 0; s < S; s++) {
    const base = steps[s] * U;
    for (let k = 0; k < n; k++) dS[s * n + k] = inst.demandDlMbps[base + comp.units[k]];
  }
  const candUnits = candidateUnits(network, m);

  const rows: Row[] = [];
  const keys = new Set<string>();
  let unservable = false;
  const sets = new SetReach(network.unitSites, m, dS);
  /** Kept step at which unit set A has its largest demand. */
  const peakStep = (A: number[]): number => {
    let best = 0;
    let bestD = -1;
    for (let s = 0; s < S; s++) {
      let x = 0;
      for (const k of A) x += dS[s * n + k];
      if (x > bestD) {
        bestD = x;
        best = s;
      }
    }
    return best;
  };
  /**
   * The strengthened Hall row of unit set A at kept step s, or null when it can never bind. Site j can
   * give A at most min(U_j, d_s(A ∩ N(j))) — the demand of A it reaches — and at most the row's need R
   * (valid for binary y); existing sites' share moves to the right-hand side.
   */
  const hallRow = (A: number[], s: number): Row | null => {
    const { demand, reach } = sets.of(A, s);
    if (!(demand > 1e-12)) return null;
    const terms = sets.siteTerms(demand, reach, cap, isExisting, col);
    if (!terms) return null;
    if (terms.idx.length === 0) unservable = true;
    // Columns ascending (they follow the sites' order).
    const order = terms.idx.map((_, i) => i).sort((a, b) => terms.idx[a] - terms.idx[b]);
    return terms.idx.length
      ? { idx: order.map((i) => terms.idx[i]), val: order.map((i) => terms.val[i]) }
      : null;
  };
  let poolNonzeros = 0;
  /**
   * Adds the Hall row of A at step s (default: A's peak step) unless known; optional rows stop at the
   * pool's nonzero budget.
   */
  const addSet = (A: number[], optional = false, step?: number): Row | null => {
    if (optional && poolNonzeros > MAX_POOL_NONZEROS) return null;
    const s = step ?? peakStep(A);
    const key = setKey(`h${s}:`, A);
    if (keys.has(key)) return null;
    keys.add(key);
    const row = hallRow(A, s);
    if (row) {
      rows.push(row);
      poolNonzeros += row.idx.length;
    }
    return row;
  };

  // Initial pool: covering rows and single units, every candidate's reach, windows along routes.
  const peak = new Float64Array(n);
  for (let s = 0; s < S; s++) for (let k = 0; k < n; k++) peak[k] = Math.max(peak[k], dS[s * n + k]);
  for (let k = 0; k < n; k++) {
    if (!(peak[k] > 0)) continue;
    const sites = network.unitSites[k];
    let byExisting = false;
    for (const q of sites) if (isExisting[q]) byExisting = true;
    if (!byExisting) {
      const idx = Array.from(sites, (q) => col[q]).sort((a, b) => a - b);
      rows.push({ idx, val: idx.map(() => 1) });
      poolNonzeros += idx.length;
      // The unit's own Hall row equals this covering row when every site could carry its peak alone.
      let small = true;
      for (const q of sites) if (cap[q] < peak[k]) small = false;
      if (small) {
        keys.add(setKey(`h${peakStep([k])}:`, [k]));
        continue;
      }
    }
    addSet([k]);
  }
  // Candidate reaches, smallest first (large ones are dense rows).
  const byReach = Array.from({ length: m }, (_, q) => q).sort(
    (a, b) => candUnits[a].length - candUnits[b].length || a - b,
  );
  for (const q of byReach)
    addSet(
      candUnits[q].slice().sort((a, b) => a - b),
      true,
    );
  const byLine = new Map<number, number[]>();
  for (let k = 0; k < n; k++) {
    const line = inst.unitLine[comp.units[k]];
    if (line < 0) continue;
    const list = byLine.get(line);
    if (list) list.push(k);
    else byLine.set(line, [k]);
  }
  for (const list of req.pool === 'light' ? [] : byLine.values()) {
    list.sort((a, b) => inst.unitChainageKm[comp.units[a]] - inst.unitChainageKm[comp.units[b]] || a - b);
    if (list.length <= ALL_WINDOWS_UP_TO) {
      // Every run of consecutive segments (capacity-bound stretches bind on runs of any length).
      for (let from = 0; from < list.length; from++) {
        for (let to = from + 2; to <= list.length; to++)
          addSet(
            list.slice(from, to).sort((a, b) => a - b),
            true,
          );
      }
    } else {
      for (let len = 2; len <= Math.min(128, list.length); len *= 2) {
        const stride = Math.max(1, len >> 1);
        for (let from = 0; from + len <= list.length + stride - 1; from += stride) {
          const A = list.slice(from, Math.min(list.length, from + len)).sort((a, b) => a - b);
          if (A.length >= 2) addSet(A, true);
        }
      }
    }
  }

  // Separation: max flow per kept step with site capacities U_j·y_j; violated Hall sets from min cuts.
  const served = new Float64Array(n);
  const load = new Float64Array(m);
  const capY = new Float64Array(m);
  const scaleY = new Float64Array(m);
  const cutPieces = new CutPieces(network.unitSites, candUnits);
  let rotate = 0;
  /** Whether unit set A's Hall row at kept step s is violated by the current capY / scaleY. */
  const violatedAt = (A: number[], s: number): boolean => {
    const { demand, reach } = sets.of(A, s);
    return demand > sets.give(reach, capY, scaleY) + 1e-9 * (1 + demand);
  };
  /** New rows violated by y (values per column), at most `maxRows`; [] when y serves every kept step. */
  const separate = (y: ArrayLike<number>, maxRows: number): Row[] => {
    for (let q = 0; q < m; q++) {
      scaleY[q] = isExisting[q] ? 1 : Math.min(1, Math.max(0, y[col[q]]));
      capY[q] = cap[q] * scaleY[q];
    }
    const found: Row[] = [];
    const d = new Float64Array(n);
    let roundNonzeros = 0;
    for (let r = 0; r < S && found.length < maxRows && roundNonzeros < MAX_ROUND_NONZEROS; r++) {
      const s = (rotate + r) % S;
      let total = 0;
      for (let k = 0; k < n; k++) total += d[k] = dS[s * n + k];
      const got = network.net.serve(d, capY, served, load, scaleY);
      if (total - got <= 1e-9 * (1 + total)) continue;
      const A: number[] = [];
      for (let k = 0; k < n; k++) if (network.net.onSourceSide(k)) A.push(k);
      for (const P of cutPieces.split(A)) {
        if (!violatedAt(P, s)) continue;
        const row = addSet(P, false, s);
        if (row) {
          found.push(row);
          roundNonzeros += row.idx.length;
          // The crowd moves on: the same set is often violated at the neighbouring kept steps too.
          const from = Math.max(0, s - NEIGHBOUR_STEPS);
          for (let s2 = from; s2 <= Math.min(S - 1, s + NEIGHBOUR_STEPS); s2++) {
            if (s2 === s || !violatedAt(P, s2)) continue;
            const extra = addSet(P, false, s2);
            if (extra) {
              found.push(extra);
              roundNonzeros += extra.idx.length;
            }
          }
        }
      }
      if (found.length === 0) {
        // The whole source side as one set (its pieces were all known already).
        const row = addSet(A, false, s);
        if (row) found.push(row);
      }
    }
    rotate = (rotate + 1) % Math.max(1, S);
    return found;
  };

  const mirTries = new Map<number, number>();
  /** MIR roundings (rounding-cuts.ts) of the pool's Hall rows that are tight at y and violated by it. */
  const roundTightRows = (y: ArrayLike<number>): Row[] => {
    const out: Row[] = [];
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      let act = 0;
      for (let k = 0; k < row.idx.length; k++) act += row.val[k] * y[row.idx[k]];
      if (act > 1 + 1e-6) continue;
      const tries = mirTries.get(r) ?? 0;
      if (tries >= MAX_ROUNDINGS_PER_ROW) continue;
      const cut = mirCut(row, y);
      if (cut) {
        mirTries.set(r, tries + 1);
        out.push(cut);
      }
    }
    return out;
  };

  const repair = (flags: Uint8Array): Uint8Array | null => {
    const out = Uint8Array.from(flags);
    return repairOpenSet(inst, comp, network, steps, out) ? out : null;
  };

  const open = new Uint8Array(inst.candidateCount);
  for (let q = 0; q < m; q++) if (isExisting[q]) open[cands[q]] = 1;
  const outcome = (o: Partial<HallOutcome> & Pick<HallOutcome, 'feasible'>): HallOutcome => {
    let capex = 0;
    for (let q = 0; q < m; q++) if (!isExisting[q] && open[cands[q]]) capex += inst.costUsd[cands[q]];
    return {
      open,
      capexUsd: capex,
      bound: 0,
      lpBound: NaN,
      lpConverged: false,
      optimal: false,
      steps: S,
      cuts: rows.length,
      lpRounds: 0,
      milpRounds: 0,
      ...o,
    };
  };
  if (numCols === 0 || rows.length === 0) {
    // Nothing to decide: existing sites serve everything (or nothing needs serving).
    return outcome({ feasible: !unservable, optimal: true });
  }

  // A feasible start: greedy (on the servable demand it always completes). Not needed for the LP alone.
  const greedy = req.lpOnly || req.start ? null : greedyPlan(inst, req.prep, [comp]);
  let best: Uint8Array | null = req.start
    ? Uint8Array.from(req.start)
    : greedy?.complete
      ? greedy.open
      : null;
  if (!best && greedy) {
    const fixedUp = Uint8Array.from(greedy.open);
    if (repairOpenSet(inst, comp, network, steps, fixedUp, { maxDropTries: 0 })) best = fixedUp;
  }
  let bestCost = best ? costOf(best) : Infinity;
  function costOf(flags: Uint8Array): number {
    let c = 0;
    for (const q of colPos) if (flags[cands[q]]) c += inst.costUsd[cands[q]];
    return c;
  }

  const highs: Highs = await highsRuntime();
  const inf = highs.infinity;
  const toRowData = (list: Row[]) => ({
    lower: new Float64Array(list.length).fill(1),
    upper: new Float64Array(list.length).fill(inf),
    matrix: csrMatrix(list, numCols),
  });
  const first = toRowData(rows);
  let model: ReturnType<Highs['createModel']>;
  try {
    model = highs.createModel({
      numCols,
      numRows: rows.length,
      sense: highs.constants.objectiveSense.minimize,
      colCost: colPos.map((q) => inst.costUsd[cands[q]] / costScale),
      colLower: new Float64Array(numCols),
      colUpper: new Float64Array(numCols).fill(1),
      rowLower: first.lower,
      rowUpper: first.upper,
      matrix: first.matrix,
    });
  } catch (error) {
    resetHighsRuntime();
    const note = solverFailed('solverFailedKeptGreedy', error);
    if (!best) return outcome({ feasible: false, note });
    for (const q of colPos) if (best[cands[q]]) open[cands[q]] = 1;
    return outcome({ feasible: true, note });
  }
  const status = highs.constants.modelStatus;
  let lpBound = NaN;
  let lpConverged = false;
  let lpRounds = 0;
  let milpRounds = 0;
  let bound = 0;
  let optimal = false;
  let note: Note | undefined;
  try {
    model.options.set({ output_flag: false, random_seed: 0 });
    // Phase 1: LP relaxation with row generation (all the time when the LP is all that is asked). The
    // simplex runs without presolve here: on these covering LPs presolve costs more than it removes.
    model.options.set({ presolve: 'off' });
    const workLimited = req.maxLpRounds !== undefined;
    const lpDeadline = req.lpOnly || workLimited ? deadline : started + 0.35 * (deadline - started);
    let stalled = 0;
    let rounding = false;
    let previousLp = NaN;
    /** The model's current LP point, per candidate. */
    const lpPoint = (): HallLpPoint => {
      const lpSolution = new Float64Array(inst.candidateCount).fill(NaN);
      const lpReducedCostUsd = new Float64Array(inst.candidateCount).fill(NaN);
      if (Number.isFinite(lpBound)) {
        const { colValue, colDual } = model.getSolution();
        colPos.forEach((q, c) => {
          lpSolution[cands[q]] = colValue[c];
          lpReducedCostUsd[cands[q]] = colDual[c] * costScale;
        });
      }
      return { lpBound, lpSolution, lpReducedCostUsd };
    };
    let guidance: HallLpPoint | undefined;
    let startProven = false;
    for (;;) {
      runWithin(model, (deadline - now()) / 1000);
      lpRounds++;
      if (model.getModelStatus() !== status.optimal) break;
      const value = model.getObjectiveValue() * costScale;
      stalled = Number.isFinite(lpBound) && value <= lpBound * (1 + 1e-6) + 1e-9 ? stalled + 1 : 0;
      lpBound = value;
      if (lpRounds === req.guidanceAtRound) guidance = lpPoint();
      // A given start that the LP already proves optimal needs no more rounds and no MILP.
      if (req.start && !req.lpOnly && bestCost <= roundUpToGrain(lpBound, grain) + 1e-6) {
        startProven = true;
        break;
      }
      if (now() > lpDeadline || stalled >= 3 || lpRounds >= (req.maxLpRounds ?? Infinity)) break;
      const yLp = model.getSolution().colValue;
      const cuts = separate(yLp, 2000);
      // Rounding cuts once the Hall rows no longer lift the LP much (earlier they only slow it down).
      if (req.roundingCuts && (cuts.length === 0 || lpBound < previousLp * (1 + ROUNDING_FROM_GAIN)))
        rounding = true;
      previousLp = lpBound;
      if (rounding) cuts.push(...roundTightRows(yLp));
      if (cuts.length === 0) {
        lpConverged = true;
        break;
      }
      model.addRows(toRowData(cuts));
    }
    if (Number.isFinite(lpBound)) bound = lpBound;
    if (req.lpOnly) {
      const last = lpPoint();
      return outcome({
        feasible: false,
        bound,
        lpBound,
        lpConverged,
        lpRounds,
        lpSolution: last.lpSolution,
        lpReducedCostUsd: last.lpReducedCostUsd,
        guidance: req.guidanceAtRound === undefined ? undefined : (guidance ?? last),
      });
    }

    // Phase 2: MILP over the pool, separate the integer solution, repeat. Presolve stays off: each round
    // re-solves a model that grew by a few rows, and presolve (probing) cost more than it saved on the
    // default scenario's windows (a 245-unit window: 3.2 → 1.4 s per solve).
    model.options.set({ presolve: 'off' });
    /** Why a MILP solve ended before proving its optimum (node or time limit). */
    const stoppedNote = (st: number): Note => ({
      key: st !== status.timeLimit ? 'milpNodeLimit' : workLimited ? 'milpTimeBeforeWork' : 'milpTimeLimit',
    });
    model.changeColsIntegrality(
      { kind: 'range', from: 0, to: numCols - 1 },
      new Int32Array(numCols).fill(highs.constants.variableType.integer),
    );
    for (;;) {
      if (startProven) {
        optimal = true;
        break;
      }
      const left = (deadline - now()) / 1000;
      if (left <= 0.05) {
        note = { key: 'rowsTimeLimit' };
        break;
      }
      if (milpRounds >= (req.maxMilpRounds ?? Infinity)) {
        note = { key: 'rowsRoundLimit' };
        break;
      }
      model.options.set({
        mip_rel_gap: req.mipRelGap,
        ...(grain > 0 ? { mip_abs_gap: (0.999 * grain) / costScale } : {}),
        ...(req.maxMilpNodes !== undefined ? { mip_max_nodes: req.maxMilpNodes } : {}),
      });
      if (best) {
        const indices: number[] = [];
        const values: number[] = [];
        colPos.forEach((q, c) => {
          indices.push(c);
          values.push(best?.[cands[q]] ? 1 : 0);
        });
        model.setSolution({ indices, values });
      }
      runWithin(model, left);
      milpRounds++;
      const st = model.getModelStatus();
      const dual = Number(model.info.get('mip_dual_bound'));
      if (Number.isFinite(dual)) bound = Math.max(bound, dual * costScale);
      if (Number(model.info.get('primal_solution_status')) !== 2) {
        note = { key: 'milpNoSolution' };
        break;
      }
      const y = Float64Array.from(model.getSolution().colValue, (v) => (v > 0.5 ? 1 : 0));
      const cuts = separate(y, Infinity);
      const flags = new Uint8Array(inst.candidateCount);
      for (let c = 0; c < numCols; c++) if (y[c] > 0.5) flags[cands[colPos[c]]] = 1;
      if (cuts.length === 0) {
        const c = costOf(flags);
        if (c <= bestCost) {
          best = flags;
          bestCost = c;
        }
        optimal = st === status.optimal;
        if (!optimal) note = stoppedNote(st);
        break;
      }
      // Repair the MILP's choice into a feasible plan; keep the cheapest.
      const repaired = repair(flags);
      if (repaired) {
        const c = costOf(repaired);
        if (c < bestCost) {
          best = repaired;
          bestCost = c;
        }
      }
      if (bestCost <= bound * (1 + 1e-9) + 1e-6 || (grain > 0 && bestCost - bound < grain - 1e-6)) {
        optimal = true;
        break;
      }
      if (req.stopAtNodeLimit && st !== status.optimal) {
        note = stoppedNote(st);
        break;
      }
      model.addRows(toRowData(cuts));
    }
  } catch (error) {
    // The WebAssembly runtime aborts on exhausted memory; start a fresh one next time.
    resetHighsRuntime();
    note = solverFailed('solverFailedKeptBest', error);
  } finally {
    try {
      model.dispose();
    } catch {
      // Disposing an aborted runtime's model fails too; nothing left to free.
    }
  }
  if (!best) {
    return outcome({ feasible: false, bound, lpBound, lpConverged, lpRounds, milpRounds, note });
  }
  for (const q of colPos) if (best[cands[q]]) open[cands[q]] = 1;
  bound = roundUpToGrain(bound, grain);
  bound = Math.min(bound, bestCost);
  return outcome({
    feasible: true,
    bound,
    lpBound,
    lpConverged,
    optimal: optimal || bound >= bestCost,
    lpRounds,
    milpRounds,
    note,
  });
}
