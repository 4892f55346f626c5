/**
 * Plain greedy for the capacitated cover (a warm start for the MILP, a labelled fallback, and the
 * benchmark's baseline): repeatedly open the candidate that serves the most still-unserved demand per
 * dollar, summed over the kept steps (each site serving at most its usable capacity per step), until
 * nothing is left or no candidate helps. Lazy evaluation: a candidate's gain only shrinks as demand is
 * served, so a stale gain is an upper bound. Not optimal (Nemhauser–Wolsey–Fisher: within 1 − 1/e for
 * max coverage) and its own assignment is first-come, so it may open more than a max-flow would need.
 */
import type { Component, Prepared } from './prepare';
import { reduceSteps } from './steps';
import type { PlacementInstance } from './types';

/** Options of `greedyOpen`. */
export interface GreedyOptions {
  budgetUsd?: number;
  maxNewSites?: number;
  /** Candidates already open (e.g. a MILP solution to repair); they serve first, at their cost. */
  initiallyOpen?: Uint8Array;
  /** Demand to use instead of the instance's (same layout). */
  demandDlMbps?: Float64Array;
}

interface GreedyPart {
  units: Int32Array;
  steps: Int32Array;
  /** Residual demand, [s * n + local unit]. */
  residual: Float64Array;
  original: Float64Array;
}

/** Open flags per candidate chosen greedily over `components` (existing sites open, used first). */
export function greedyOpen(
  inst: PlacementInstance,
  prep: Prepared,
  components: readonly Component[],
  options: GreedyOptions = {},
): Uint8Array {
  return greedyPlan(inst, prep, components, options).open;
}

/**
 * Greedy plan and whether its own (first-come) assignment served all demand at every kept step — when it
 * did, the plan is certainly feasible.
 */
export function greedyPlan(
  inst: PlacementInstance,
  _prep: Prepared,
  components: readonly Component[],
  options: GreedyOptions = {},
): { open: Uint8Array; complete: boolean } {
  const open = new Uint8Array(inst.candidateCount);
  const U = inst.unitCount;
  const partOf = new Int32Array(U).fill(-1);
  const localOf = new Int32Array(U).fill(-1);
  const demand = options.demandDlMbps ?? inst.demandDlMbps;
  const parts: GreedyPart[] = components.map((comp, p) => {
    const steps = reduceSteps(demand, U, inst.stepCount, comp.units).kept;
    const n = comp.units.length;
    const residual = new Float64Array(steps.length * n);
    comp.units.forEach((i, k) => {
      partOf[i] = p;
      localOf[i] = k;
      for (let s = 0; s < steps.length; s++) residual[s * n + k] = demand[steps[s] * U + i];
    });
    return { units: comp.units, steps, residual, original: Float64Array.from(residual) };
  });

  /** Demand candidate j would serve now, summed over kept steps (and serves it when `commit`). */
  const gainOf = (j: number, commit: boolean): number => {
    let gain = 0;
    const a = inst.coverStart[j];
    const b = inst.coverStart[j + 1];
    let p = -1;
    for (let k = a; k < b && p < 0; k++) p = partOf[inst.coverUnits[k]];
    if (p < 0) return 0;
    const part = parts[p];
    const n = part.units.length;
    const cap = inst.usableDlMbps[j];
    for (let s = 0; s < part.steps.length; s++) {
      let left = cap;
      for (let k = a; k < b && left > 0; k++) {
        const i = inst.coverUnits[k];
        if (partOf[i] !== p) continue;
        const idx = s * n + localOf[i];
        const take = Math.min(left, part.residual[idx]);
        if (take <= 0) continue;
        left -= take;
        if (commit) part.residual[idx] -= take;
      }
      gain += cap - left;
    }
    return gain;
  };

  const cands: number[] = [];
  for (const comp of components) for (const j of comp.candidates) cands.push(j);
  cands.sort((x, y) => x - y);
  let spent = 0;
  let count = 0;
  for (const j of cands) {
    if (inst.existing[j]) {
      open[j] = 1;
      gainOf(j, true);
    }
  }
  for (const j of cands) {
    if (!inst.existing[j] && options.initiallyOpen?.[j]) {
      open[j] = 1;
      spent += inst.costUsd[j];
      count++;
      gainOf(j, true);
    }
  }
  const ratio = (j: number, gain: number) => (inst.costUsd[j] > 0 ? gain / inst.costUsd[j] : gain * 1e12);
  // Max-heap on (ratio desc, index asc).
  const heap: { j: number; r: number }[] = [];
  const better = (a: { j: number; r: number }, b: { j: number; r: number }) =>
    a.r > b.r || (a.r === b.r && a.j < b.j);
  const push = (e: { j: number; r: number }) => {
    heap.push(e);
    let c = heap.length - 1;
    while (c > 0) {
      const p = (c - 1) >> 1;
      if (!better(heap[c], heap[p])) break;
      [heap[c], heap[p]] = [heap[p], heap[c]];
      c = p;
    }
  };
  const pop = (): { j: number; r: number } | undefined => {
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last) {
      heap[0] = last;
      let c = 0;
      for (;;) {
        const l = 2 * c + 1;
        const r = l + 1;
        let m = c;
        if (l < heap.length && better(heap[l], heap[m])) m = l;
        if (r < heap.length && better(heap[r], heap[m])) m = r;
        if (m === c) break;
        [heap[c], heap[m]] = [heap[m], heap[c]];
        c = m;
      }
    }
    return top;
  };
  for (const j of cands) {
    if (open[j]) continue;
    const g = gainOf(j, false);
    if (g > 1e-9 * inst.usableDlMbps[j]) push({ j, r: ratio(j, g) });
  }
  while (heap.length > 0) {
    if (options.maxNewSites !== undefined && count >= options.maxNewSites) break;
    const top = pop() as { j: number; r: number };
    const g = gainOf(top.j, false);
    if (!(g > 1e-9 * inst.usableDlMbps[top.j])) continue;
    const r = ratio(top.j, g);
    if (heap.length > 0 && better(heap[0], { j: top.j, r })) {
      push({ j: top.j, r });
      continue;
    }
    if (options.budgetUsd !== undefined && spent + inst.costUsd[top.j] > options.budgetUsd + 1e-9) continue;
    open[top.j] = 1;
    spent += inst.costUsd[top.j];
    count++;
    gainOf(top.j, true);
  }
  let complete = true;
  for (const part of parts) {
    let peak = 0;
    for (let k = 0; k < part.residual.length; k++) peak = Math.max(peak, demandAt(part, k));
    for (let k = 0; k < part.residual.length && complete; k++)
      if (part.residual[k] > 1e-9 * (1 + peak)) complete = false;
  }
  return { open, complete };
}

function demandAt(part: GreedyPart, k: number): number {
  return part.original[k];
}
