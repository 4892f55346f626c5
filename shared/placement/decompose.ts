/**
 * Large components (thousands of units and candidates, mixed site types, hotspots joined to routes):
 * a relax-and-fix heuristic over spatial windows, with a proven lower bound from the LP.
 *
 * Windows: each hotspot's cells, then runs of ~60 consecutive segments along each route.
 *
 * Bound: the LP relaxation of the Hall formulation (hall.ts) over a light row pool — single units,
 * covering rows and every candidate's reach — tightened by rounds of Hall cuts separated from the LP's own
 * solution (min cuts of the max flow with arcs d_i·y_j and sites U_j·y_j) until none is violated or the
 * round limit is reached, and once the rounds lift it by less than 1 % by mixed-integer roundings of the
 * tight rows (rounding-cuts.ts). Every row added is valid for binary y, so each round's LP optimum is a
 * relaxation of the MILP and a valid lower bound on the component's capex. The LP's point after a few
 * rounds guides the windows; the bound is its value after more rounds, computed on another thread while
 * the windows plan when the caller gives one (bound-task.ts), else here.
 *
 * Plan: windows in order. Each is solved with true costs — by the exact route DP when it has line
 * structure, else the Hall-cut MILP under work limits, first over the candidates the guidance LP
 * uses (a RINS-like restriction; all candidates when that finds no plan) — over its own units plus, as
 * context, the units of earlier windows that its candidates reach. A candidate is decided at the last
 * window it reaches: until then later windows may open or close it again, so border sites are chosen with
 * the demand on both sides in view; decided open sites are fixed open (free) in later windows, decided
 * closed ones dropped. The context makes border sites' capacity count once for both sides. A final
 * min-cut repair (repair.ts) fixes what the windows missed (capacity of sites shared with windows further
 * back). Then a fix-and-optimise pass (improve.ts) re-solves smaller windows with the whole plan around
 * them fixed, which the first pass could not see beyond the windows before, and the local search
 * (local-search.ts) closes what became redundant. Greedy only as the fallback when the repair fails. Not
 * optimal; the gap to the bound says by how much at most.
 */
import { note, uniqueNotes, type Note } from '../notes';
import { greedyPlan } from './greedy';
import { reduceSteps } from './steps';
import { solveHall, type HallLpPoint } from './hall';
import {
  BOUND_LP_OPTIONS,
  computeBound,
  type BoundResult,
  type BoundRunner,
  type BoundTask,
} from './bound-task';
import type { Component, Prepared } from './prepare';
import { repairOpenSet } from './repair';
import { improveByWindows } from './improve';
import { dropRedundantSites } from './local-search';
import { lineStructure, solveLineDp } from './route-dp';
import { componentNetwork, serveKeptSteps, type ComponentNetwork } from './servable';
import type { PlacementInstance } from './types';

/** Input of `solveByWindows`. */
export interface WindowsRequest {
  /** The instance with the demand to serve in full (servable). */
  inst: PlacementInstance;
  prep: Prepared;
  comp: Component;
  network: ComponentNetwork;
  timeLimitSeconds: number;
  mipRelGap: number;
  /** LP rounds of the guidance and of the bound (default: from the work, see guidanceLpRounds). */
  lpRounds?: { guidance: number; bound: number };
  /** Segments per route window (default 60). */
  windowUnits?: number;
  /**
   * Computes the bound's longer LP on another thread while this one plans the windows (same value as
   * without it, sooner).
   */
  boundRunner?: BoundRunner;
  /** Checked between windows. */
  signal?: AbortSignal;
  /** Progress within the component, 0..1. */
  onProgress?: (fraction: number) => void;
}

/** Output of `solveByWindows`. */
export interface WindowsOutcome {
  open: Uint8Array;
  feasible: boolean;
  capexUsd: number;
  /** Lower bound on the component's optimum (the light-pool Hall LP; 0 when it did not finish). */
  bound: number;
  /** That LP's value (NaN when it did not finish). */
  lpBound: number;
  windows: number;
  /** Windows solved exactly by the route DP / proven optimal by the MILP. */
  exactWindows: number;
  /** Milliseconds spent solving windows and repairing their union. */
  windowsMs: number;
  repairMs: number;
  /**
   * The guidance LP's point was integral and served every kept step, so it is the plan and optimal (it
   * costs the LP's value, a lower bound); no windows ran.
   */
  lpIntegral: boolean;
  /** Limits the window solves reached, the fix-and-optimise pass's result, fallbacks. */
  notes: Note[];
}

/**
 * Work limits (not time shares) so that the same input gives the same plan on any machine: LP rounds of
 * the bound (by the separation work they cost), and per window LP rounds, branch-and-bound nodes per MILP
 * solve and MILP rounds. The time limit only guards against runaway solves (a note says when it cut one
 * short).
 */
const BOUND_SEPARATION_WORK = 2.5e6;
const MIN_BOUND_GUARD_S = 30;
/** At most this many LP rounds, for the guidance and for the bound. */
const MAX_LP_ROUNDS = 40;
/**
 * LP rounds of the windows' guidance LP: as many as BOUND_SEPARATION_WORK unit·steps of max flow allow,
 * 4 to MAX_LP_ROUNDS.
 */
function guidanceLpRounds(units: number, steps: number): number {
  return Math.min(MAX_LP_ROUNDS, Math.max(4, Math.floor(BOUND_SEPARATION_WORK / Math.max(1, units * steps))));
}
/**
 * The bound continues the same LP for this many times the guidance's rounds (at most MAX_LP_ROUNDS): on a
 * second thread it runs while the windows plan (default scenario: 14 rounds, US$ 60.4 → 61.35 M, done
 * about when the fix-and-optimise pass is; 16 rounds gave 61.415 M 3 s later). Components whose
 * guidance already has MAX_LP_ROUNDS (hotspots of the bench) gain no rounds: 100 rounds there took
 * longer than their windows (hotspot, 5,000 candidates: 17.6 → 40 s) for a bound 0.5–1 % higher.
 */
const BOUND_ROUNDS_FACTOR = 3.5;
/** Route windows also try candidates whose LP reduced cost is below this share of their cost. */
const NEARLY_USED_SHARE = 0.05;
/**
 * Work per window MILP. 20 branch-and-bound nodes gave the same plans as 50 on the bench instances (and
 * US$ 64.31 M against 64.32 M on the default scenario), 1.3 s sooner there.
 */
const WINDOW_WORK = { maxLpRounds: 30, maxMilpNodes: 20, maxMilpRounds: 4 };

/**
 * The fix-and-optimise pass after the windows (improve.ts), measured on the default scenario (US$ 64.475 M
 * without it). Windows of 30 segments, half the first pass's: every candidate free, 63.795 M in 11 s (60:
 * 63.78 M in 26 s; 45: 63.72 M in 20 s; 15: 63.935 M in 8 s). Closed candidates may open only when the
 * guidance LP uses them or prices them within a quarter of their cost: 63.71 M in 11–13 s (a smaller
 * MILP does more within its work). Windows with more free candidates than a window MILP finishes within
 * its work are skipped: the bench's hotspots (300 and more, 20 s each for no gain).
 */
const IMPROVE = { windowUnits: 30, mayOpenShare: 0.25, maxFreeCandidates: 250 };

/** An LP value within this of 0 or 1 counts as integral. */
const INTEGRAL_TOLERANCE = 1e-6;

/**
 * The plan of an LP point whose every column is 0 or 1, when it serves every kept step (maximum flows);
 * null otherwise. Local open flags per component candidate, existing sites open.
 */
function integralLpPlan(
  inst: PlacementInstance,
  comp: Component,
  network: ComponentNetwork,
  steps: Int32Array,
  lpY: Float64Array,
): Uint8Array | null {
  const isOpen = new Uint8Array(comp.candidates.length);
  for (let q = 0; q < comp.candidates.length; q++) {
    const j = comp.candidates[q];
    if (inst.existing[j]) {
      isOpen[q] = 1;
      continue;
    }
    const y = lpY[j];
    if (!(y <= INTEGRAL_TOLERANCE || y >= 1 - INTEGRAL_TOLERANCE)) return null;
    isOpen[q] = y > 0.5 ? 1 : 0;
  }
  return serveKeptSteps(inst, comp, network, steps, isOpen) ? isOpen : null;
}

/** Default number of segments per route window. */
export const DEFAULT_WINDOW_UNITS = 60;

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/** Cuts a component's units into windows (hotspot groups first, then runs along each line). */
export function windowsOf(inst: PlacementInstance, comp: Component, windowUnits: number): number[][] {
  const groups = new Map<number, number[]>();
  const lines = new Map<number, number[]>();
  const loose: number[] = [];
  for (const u of comp.units) {
    const line = inst.unitLine[u];
    const group = inst.unitGroup ? inst.unitGroup[u] : -1;
    if (line >= 0) {
      const list = lines.get(line);
      if (list) list.push(u);
      else lines.set(line, [u]);
    } else if (group >= 0) {
      const list = groups.get(group);
      if (list) list.push(u);
      else groups.set(group, [u]);
    } else loose.push(u);
  }
  const out: number[][] = [];
  const chunk = (list: number[], size: number) => {
    const count = Math.max(1, Math.round(list.length / size));
    const per = Math.ceil(list.length / count);
    for (let k = 0; k < list.length; k += per) out.push(list.slice(k, k + per));
  };
  for (const key of [...groups.keys()].sort((a, b) => a - b))
    chunk(groups.get(key) as number[], 4 * windowUnits);
  if (loose.length) chunk(loose, 4 * windowUnits);
  for (const key of [...lines.keys()].sort((a, b) => a - b)) {
    const list = (lines.get(key) as number[]).sort(
      (a, b) => inst.unitChainageKm[a] - inst.unitChainageKm[b] || a - b,
    );
    chunk(list, windowUnits);
  }
  return out.map((w) => w.sort((a, b) => a - b));
}

/** Solves a large component window by window; see the file comment. */
export async function solveByWindows(req: WindowsRequest): Promise<WindowsOutcome> {
  const started = now();
  const { inst, comp, network } = req;
  const windows = windowsOf(inst, comp, req.windowUnits ?? DEFAULT_WINDOW_UNITS);
  const C = inst.candidateCount;
  const m = comp.candidates.length;
  const candUnits: number[][] = Array.from({ length: m }, () => []);
  network.unitSites.forEach((sites, k) => sites.forEach((q) => candUnits[q].push(comp.units[k])));
  const notes: Note[] = [];

  const steps = reduceSteps(inst.demandDlMbps, inst.unitCount, inst.stepCount, comp.units).kept;
  // The Hall LP over a light pool (a relaxation), rounds set by the work: its point after the guidance
  // rounds steers the windows, its value after the bound rounds is the bound.
  const guidanceRounds = req.lpRounds?.guidance ?? guidanceLpRounds(comp.units.length, steps.length);
  const boundTask: BoundTask = {
    inst,
    units: comp.units,
    candidates: comp.candidates,
    maxLpRounds:
      req.lpRounds?.bound ?? Math.min(MAX_LP_ROUNDS, Math.floor(BOUND_ROUNDS_FACTOR * guidanceRounds)),
    // A guard only (the rounds are the work limit): never so short that a tight MILP limit leaves the
    // plan without any bound.
    timeLimitSeconds: Math.max(req.timeLimitSeconds, MIN_BOUND_GUARD_S) * BOUND_ROUNDS_FACTOR,
    mipRelGap: req.mipRelGap,
  };
  // On another thread when there is one (a failed thread falls back to this one, after the windows).
  const elsewhere =
    boundTask.maxLpRounds > guidanceRounds
      ? req.boundRunner?.(boundTask, req.signal).catch(() => null)
      : undefined;
  const lp = await solveHall({
    ...BOUND_LP_OPTIONS,
    inst,
    prep: req.prep,
    comp,
    network,
    timeLimitSeconds: boundTask.timeLimitSeconds,
    mipRelGap: req.mipRelGap,
    maxLpRounds: elsewhere ? guidanceRounds : boundTask.maxLpRounds,
    guidanceAtRound: guidanceRounds,
  });
  const guidance: HallLpPoint | undefined = lp.guidance;
  let bound = guidance && Number.isFinite(guidance.lpBound) ? guidance.lpBound : 0;
  const lpY = bound > 0 ? guidance?.lpSolution : undefined;
  const lpReducedCost = bound > 0 ? guidance?.lpReducedCostUsd : undefined;
  /** Candidates the LP leaves at zero: the windows try without them first (a RINS-like restriction). */
  const lpZero = (j: number) => lpY !== undefined && !inst.existing[j] && lpY[j] < 1e-6;
  /** Nearly as good as those it uses: reduced cost below a share of the site's cost. */
  const lpNearlyUsed = (j: number, share = NEARLY_USED_SHARE) =>
    lpReducedCost !== undefined && lpReducedCost[j] < share * inst.costUsd[j];

  // An integral LP point that serves every kept step is optimal: it costs the LP's value, a lower bound.
  // Coverage-bound routes with several site types end here (their covering rows form an interval matrix,
  // so the LP is integral), where windows, each deciding its own stretch, could not shift every site at
  // once (a 100 km route: 8 cells on wheels instead of 7).
  const lpPlan = lpY ? integralLpPlan(inst, comp, network, steps, lpY) : null;
  if (lpPlan) {
    // The bound's thread converges at once as well; nothing is left running.
    if (elsewhere) await elsewhere;
    const open = new Uint8Array(C);
    let capexUsd = 0;
    comp.candidates.forEach((j, q) => {
      open[j] = lpPlan[q];
      if (lpPlan[q] && !inst.existing[j]) capexUsd += inst.costUsd[j];
    });
    return {
      open,
      feasible: true,
      capexUsd,
      bound: capexUsd,
      lpBound: bound,
      windows: 0,
      exactWindows: 0,
      windowsMs: 0,
      repairMs: 0,
      lpIntegral: true,
      notes: [],
    };
  }

  req.onProgress?.(0.55);
  // Primal: sequential relax-and-fix (see the file comment).
  const open = new Uint8Array(C);
  for (const j of comp.candidates) if (inst.existing[j]) open[j] = 1;
  const processed = new Uint8Array(inst.unitCount);
  // A candidate is decided at its last window (the latest window of a unit it reaches): until then the
  // windows it reaches may open or close it again, so its choice sees the demand on both sides.
  const windowOfUnit = new Int32Array(inst.unitCount).fill(-1);
  windows.forEach((list, w) => list.forEach((u) => (windowOfUnit[u] = w)));
  const lastWindow = Int32Array.from(candUnits, (units) =>
    units.reduce((a, u) => Math.max(a, windowOfUnit[u]), -1),
  );
  const localOf = new Int32Array(C).fill(-1);
  comp.candidates.forEach((j, q) => (localOf[j] = q));
  const decide = (q: number, w: number, isOpen: boolean) => {
    if (lastWindow[q] <= w && isOpen) open[comp.candidates[q]] = 1;
  };
  const fixedExisting = Uint8Array.from(inst.existing);
  const fixedCost = Float64Array.from(inst.costUsd);
  let exactWindows = 0;
  for (let w = 0; w < windows.length; w++) {
    req.signal?.throwIfAborted();
    req.onProgress?.(0.55 + (0.25 * w) / windows.length);
    const reach = new Set<number>();
    for (const u of windows[w]) for (const q of network.unitSites[network.local[u]]) reach.add(q);
    const unitSet = new Set<number>(windows[w]);
    for (const q of reach) for (const u of candUnits[q]) if (processed[u]) unitSet.add(u);
    const units = Int32Array.from([...unitSet].sort((a, b) => a - b));
    const candSet = new Set<number>();
    for (const u of units) {
      for (const q of network.unitSites[network.local[u]]) {
        const j = comp.candidates[q];
        // Closed for good: every unit it reaches was handled and it was not opened.
        if (!open[j] && candUnits[q].every((x) => processed[x])) continue;
        candSet.add(j);
      }
    }
    const candidates = Int32Array.from([...candSet].sort((a, b) => a - b));
    for (const j of candidates) {
      fixedExisting[j] = open[j] || inst.existing[j] ? 1 : 0;
      fixedCost[j] = fixedExisting[j] ? 0 : inst.costUsd[j];
    }
    const sub: Component = { units, candidates };
    const subInst: PlacementInstance = { ...inst, existing: fixedExisting, costUsd: fixedCost };
    let solved = false;
    const line = lineStructure(subInst, sub);
    if (line) {
      const steps = reduceSteps(subInst.demandDlMbps, inst.unitCount, inst.stepCount, line.units).kept;
      const dp = solveLineDp(subInst, line, steps);
      if (dp) {
        const chosen = new Set<number>(Array.from(dp.chain, (c) => line.candidates[c]));
        for (const j of candidates) decide(localOf[j], w, chosen.has(j));
        exactWindows++;
        solved = true;
      }
    }
    if (!solved) {
      const solveSub = (c: Component) =>
        solveHall({
          inst: subInst,
          prep: req.prep,
          comp: c,
          network: componentNetwork(subInst, c),
          // Work limits decide; the time limit (per solve) is only a guard.
          timeLimitSeconds: req.timeLimitSeconds,
          mipRelGap: req.mipRelGap,
          pool: 'light',
          ...WINDOW_WORK,
        });
      // Along routes the support also takes the candidates the LP nearly uses (default scenario: a cheaper
      // plan); hotspot windows keep the plain support (wider, they were 3–5× slower and no cheaper).
      const alongRoutes = windows[w].every((u) => inst.unitLine[u] >= 0);
      const support = candidates.filter(
        (j) => !lpZero(j) || fixedExisting[j] === 1 || (alongRoutes && lpNearlyUsed(j)),
      );
      let out = await solveSub(support.length < candidates.length ? { units, candidates: support } : sub);
      if (!out.feasible && support.length < candidates.length) out = await solveSub(sub);
      if (out.optimal) exactWindows++;
      if (out.note) notes.push(out.note);
      if (out.feasible) for (const j of candidates) decide(localOf[j], w, out.open[j] === 1);
    }
    for (const u of windows[w]) processed[u] = 1;
    for (const j of candidates) {
      fixedExisting[j] = inst.existing[j];
      fixedCost[j] = inst.costUsd[j];
    }
  }
  const windowsMs = now() - started;
  // No closing tries here: the local search below closes redundant sites with local flows, far cheaper.
  const feasible = repairOpenSet(inst, comp, network, steps, open, { maxDropTries: 0 });
  const repairMs = now() - started - windowsMs;

  // Fix-and-optimise: each (smaller) window again, now with the whole plan around it.
  if (feasible) {
    const outcome = await improveByWindows({
      inst,
      prep: req.prep,
      comp,
      network,
      steps,
      open,
      windows: windowsOf(inst, comp, IMPROVE.windowUnits),
      work: WINDOW_WORK,
      mayOpen:
        lpReducedCost === undefined ? undefined : (j) => !lpZero(j) || lpNearlyUsed(j, IMPROVE.mayOpenShare),
      maxFreeCandidates: IMPROVE.maxFreeCandidates,
      timeLimitSeconds: req.timeLimitSeconds,
      mipRelGap: req.mipRelGap,
      signal: req.signal,
      onProgress: (f) => req.onProgress?.(0.8 + 0.15 * f),
    });
    notes.push(...outcome.notes);
    if (outcome.improvedWindows > 0) {
      notes.push(
        note('reoptimised', {
          solved: outcome.solvedWindows,
          improved: outcome.improvedWindows,
          savedUsd: Math.round(outcome.savedUsd),
        }),
      );
    }
  }

  // The bound rounds: this thread's LP ran them unless another thread did (null: it failed).
  let boundLp: BoundResult | null = elsewhere ? await elsewhere : lp;
  req.signal?.throwIfAborted();
  boundLp ??= await computeBound(boundTask);
  if (Number.isFinite(boundLp.lpBound)) bound = Math.max(bound, boundLp.lpBound);
  if (bound === 0) notes.push({ key: 'boundUnfinished' });
  let capexUsd = 0;
  for (const j of comp.candidates) if (open[j] && !inst.existing[j]) capexUsd += inst.costUsd[j];
  // Greedy only as the fallback when the windows and the repair could not serve everything.
  const greedy = feasible ? null : greedyPlan(inst, req.prep, [comp]);
  if (greedy?.complete) {
    for (const j of comp.candidates) open[j] = greedy.open[j] || inst.existing[j] ? 1 : 0;
    capexUsd = 0;
    for (const j of comp.candidates) if (open[j] && !inst.existing[j]) capexUsd += inst.costUsd[j];
    notes.push(note('greedyFallback', { reason: { key: 'windowPlanNotRepaired' } }));
  }
  // Local search: close the sites the windows left redundant (local max-flow checks, local-search.ts).
  if (feasible || greedy?.complete) {
    const closed = dropRedundantSites(inst, comp, network, steps, open, {
      // A guard only: the search ends on its own well before on this scale.
      deadline: now() + req.timeLimitSeconds * 1000,
    });
    if (closed > 0) {
      capexUsd = 0;
      for (const j of comp.candidates) if (open[j] && !inst.existing[j]) capexUsd += inst.costUsd[j];
    }
  }
  return {
    open,
    feasible: feasible || greedy?.complete === true,
    capexUsd,
    bound: Math.min(bound, capexUsd),
    lpBound: bound > 0 ? bound : NaN,
    windows: windows.length,
    exactWindows,
    windowsMs,
    repairMs,
    lpIntegral: false,
    notes: uniqueNotes(notes),
  };
}
