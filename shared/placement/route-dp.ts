/**
 * Exact capacitated placement along one route (a component whose units lie on one line and whose
 * candidates cover runs of consecutive units in the same order — single site type, or any types whose
 * coverage intervals are not nested).
 *
 * Why it is exact. Order the open sites s_1..s_k by their unit intervals [L, R] (both ends nondecreasing).
 * Each unit is then covered by a contiguous run of open sites, so by Hall's theorem for supplies and
 * demands the step-t demand is servable iff, for every run s_a..s_b, the demand of the units covered only
 * by that run fits its capacity: D_t(R(s_{a-1})+1 .. L(s_{b+1})-1) ≤ Σ_{a..b} U, and no unit with demand is
 * left uncovered. (A unit set's neighbourhood splits into maximal runs and each unit's neighbourhood lies
 * inside one run, so these run conditions imply all of Hall's.) Rewriting the run conditions left to right
 * gives a scalar recursion per step — the earliest-deadline-first assignment:
 *
 *     δ_0 = 0,   δ_b = max(0, δ_{b-1} + D_t(R(s_{b-1})+1 .. R(s_b)) − U(s_b)),
 *     feasible iff δ_{b-1} ≤ D_t(L(s_b) .. R(s_{b-1})) for every b, and δ_k = 0,
 *
 * where δ_b is the demand left of R(s_b) that s_1..s_b could not serve; it must lie where the next site
 * reaches. So a plan is a path through the candidates in interval order, and a label (cost, δ vector over
 * the steps) at the last chosen site carries everything the future needs. The DP keeps, per candidate, the
 * Pareto set of labels (lower cost and component-wise lower δ dominate); it is exact over every step we
 * keep, and the steps we drop are dominated (see steps.ts). Existing sites are forced: no path skips one.
 * In the coverage-bound case every δ is 0 and this is the classic interval set-cover shortest path.
 * When the Pareto sets grow past a cap the DP gives up and the caller uses the MILP instead.
 */
import type { Component } from './prepare';
import type { PlacementInstance } from './types';

/** Units of a component in line order and candidates in interval order. */
export interface LineStructure {
  /** Global unit indices in chainage order. */
  units: Int32Array;
  /** Global candidate indices in (L, R, index) order. */
  candidates: Int32Array;
  /** Local unit interval of each candidate (same order as `candidates`). */
  left: Int32Array;
  right: Int32Array;
}

/** Whether the component has units and every one lies on the same route (line). */
export function onOneLine(inst: PlacementInstance, comp: Component): boolean {
  if (comp.units.length === 0) return false;
  const line = inst.unitLine[comp.units[0]];
  return line >= 0 && comp.units.every((u) => inst.unitLine[u] === line);
}

/**
 * The line structure of a component, or null when it has none (units on several lines or off any line,
 * a candidate covering a non-contiguous set, or nested intervals).
 */
export function lineStructure(inst: PlacementInstance, comp: Component): LineStructure | null {
  const n = comp.units.length;
  if (!onOneLine(inst, comp)) return null;
  const units = Int32Array.from(comp.units).sort(
    (a, b) => inst.unitChainageKm[a] - inst.unitChainageKm[b] || a - b,
  );
  const local = new Map<number, number>();
  units.forEach((u, k) => local.set(u, k));
  const m = comp.candidates.length;
  const left = new Int32Array(m);
  const right = new Int32Array(m);
  for (let c = 0; c < m; c++) {
    const j = comp.candidates[c];
    let lo = n;
    let hi = -1;
    let count = 0;
    for (let k = inst.coverStart[j]; k < inst.coverStart[j + 1]; k++) {
      const q = local.get(inst.coverUnits[k]);
      if (q === undefined) continue;
      count++;
      if (q < lo) lo = q;
      if (q > hi) hi = q;
    }
    if (count !== hi - lo + 1) return null;
    left[c] = lo;
    right[c] = hi;
  }
  const order = Array.from({ length: m }, (_, c) => c).sort(
    (a, b) => left[a] - left[b] || right[a] - right[b] || comp.candidates[a] - comp.candidates[b],
  );
  const candidates = Int32Array.from(order, (c) => comp.candidates[c]);
  const l2 = Int32Array.from(order, (c) => left[c]);
  const r2 = Int32Array.from(order, (c) => right[c]);
  for (let c = 1; c < m; c++) if (r2[c] < r2[c - 1]) return null;
  return { units, candidates, left: l2, right: r2 };
}

/** Result of `solveLineDp`. */
export interface LineDpResult {
  /** Open candidates as positions in `LineStructure.candidates`, ascending. */
  chain: Int32Array;
  costUsd: number;
  /** Labels created (a measure of the work). */
  labels: number;
}

/** Limits that make the DP give up (the caller then uses the MILP). */
export interface LineDpLimits {
  maxLabelsPerCandidate: number;
  maxLabelSteps: number;
}

const DEFAULT_LIMITS: LineDpLimits = { maxLabelsPerCandidate: 48, maxLabelSteps: 4e8 };

/**
 * Minimum-capex chain of sites serving every unit of the line at every step in `steps`, or null when the
 * instance is infeasible (some demand cannot be served even with every candidate) or the label sets
 * outgrew `limits`. Deterministic: labels are created and compared in candidate order.
 */
export function solveLineDp(
  inst: PlacementInstance,
  line: LineStructure,
  steps: Int32Array,
  limits: LineDpLimits = DEFAULT_LIMITS,
): LineDpResult | null {
  const n = line.units.length;
  const m = line.candidates.length;
  const S = steps.length;
  const W = n + 1;
  // Prefix sums of demand per kept step along the line.
  const prefix = new Float64Array(S * W);
  let maxTotal = 0;
  for (let s = 0; s < S; s++) {
    const base = steps[s] * inst.unitCount;
    let acc = 0;
    for (let k = 0; k < n; k++) {
      acc += inst.demandDlMbps[base + line.units[k]];
      prefix[s * W + k + 1] = acc;
    }
    if (acc > maxTotal) maxTotal = acc;
  }
  const eps = 1e-9 * (1 + maxTotal);
  const { left: L, right: R } = line;
  const cost = Float64Array.from(line.candidates, (j) => inst.costUsd[j]);
  const cap = Float64Array.from(line.candidates, (j) => inst.usableDlMbps[j]);
  const nextForced = new Int32Array(m + 1).fill(m);
  for (let c = m - 1; c >= 0; c--) nextForced[c] = inst.existing[line.candidates[c]] ? c : nextForced[c + 1];
  const costEps = 1e-9 * (1 + cost.reduce((a, b) => a + b, 0));

  // Label storage.
  const lCost: number[] = [];
  const lDelta: (Float64Array | null)[] = [];
  const lParent: number[] = [];
  const lNode: number[] = [];
  const atNode: number[][] = Array.from({ length: m }, () => []);
  let labelSteps = 0;

  const dominates = (a: Float64Array | null, b: Float64Array | null): boolean => {
    if (a === null) return true;
    if (b === null) {
      for (let s = 0; s < S; s++) if (a[s] > eps) return false;
      return true;
    }
    for (let s = 0; s < S; s++) if (a[s] > b[s] + eps) return false;
    return true;
  };

  /** Inserts a label at node c unless dominated; returns false when the Pareto set outgrew the cap. */
  const insert = (c: number, costUsd: number, delta: Float64Array | null, parent: number): boolean => {
    const list = atNode[c];
    for (const id of list) {
      if (lCost[id] <= costUsd + costEps && dominates(lDelta[id], delta)) return true;
    }
    const kept = list.filter((id) => !(costUsd <= lCost[id] + costEps && dominates(delta, lDelta[id])));
    const id = lCost.length;
    lCost.push(costUsd);
    lDelta.push(delta);
    lParent.push(parent);
    lNode.push(c);
    kept.push(id);
    atNode[c] = kept;
    return kept.length <= limits.maxLabelsPerCandidate;
  };

  /**
   * Extends a label whose last site has interval ending at `rPrev` (−1 for the start) with candidate b:
   * the carried deficit must lie where b reaches, then b serves it and the units newly in reach.
   * Returns undefined when infeasible, null for an all-zero deficit, else the new deficit.
   */
  const extend = (delta: Float64Array | null, rPrev: number, b: number): Float64Array | null | undefined => {
    labelSteps += S;
    let out: Float64Array | null = null;
    const lo = L[b];
    const from = rPrev + 1;
    const to = R[b];
    for (let s = 0; s < S; s++) {
      const row = s * W;
      const carried = delta === null ? 0 : delta[s];
      if (carried > eps) {
        const overlap = rPrev >= lo ? prefix[row + rPrev + 1] - prefix[row + lo] : 0;
        if (carried > overlap + eps) return undefined;
      }
      const fresh = to >= from ? prefix[row + to + 1] - prefix[row + from] : 0;
      const left = carried + fresh - cap[b];
      if (left > eps) {
        if (out === null) out = new Float64Array(S);
        out[s] = left;
      }
    }
    return out;
  };

  // From the start: the first site must reach unit 0, and no existing site may come before it.
  for (let b = 0; b < m && L[b] === 0 && b <= nextForced[0]; b++) {
    const d = extend(null, -1, b);
    if (d !== undefined && !insert(b, cost[b], d, -1)) return null;
  }
  let best = -1;
  for (let a = 0; a < m; a++) {
    const labels = atNode[a];
    if (labels.length === 0) continue;
    const last = Math.min(m - 1, nextForced[a + 1]);
    for (const id of labels) {
      const delta = lDelta[id];
      for (let b = a + 1; b <= last && L[b] <= R[a] + 1; b++) {
        const d = extend(delta, R[a], b);
        if (d !== undefined && !insert(b, lCost[id] + cost[b], d, id)) return null;
      }
      if (labelSteps > limits.maxLabelSteps) return null;
    }
    if (R[a] === n - 1 && nextForced[a + 1] === m) {
      for (const id of atNode[a]) {
        if (lDelta[id] !== null && !dominates(lDelta[id], null)) continue;
        if (best < 0 || lCost[id] < lCost[best] - costEps) best = id;
      }
    }
  }
  if (best < 0) return null;
  const chain: number[] = [];
  for (let id = best; id >= 0; id = lParent[id]) chain.push(lNode[id]);
  chain.reverse();
  return { chain: Int32Array.from(chain), costUsd: lCost[best], labels: lCost.length };
}

/**
 * Earliest-deadline-first service along a line at one step: open sites in interval order each serve the
 * leftmost remaining demand they reach, up to capacity. For nested-free intervals this is a maximum flow
 * (the run conditions above are exactly its cut conditions). Adds to `served` (per unit, global index)
 * and `load` (per open site, same order as `chain`).
 */
export function edfServe(
  inst: PlacementInstance,
  line: LineStructure,
  chain: Int32Array,
  step: number,
  served: Float64Array,
  load: Float64Array,
): void {
  const base = step * inst.unitCount;
  const n = line.units.length;
  const residual = new Float64Array(n);
  for (let k = 0; k < n; k++) residual[k] = inst.demandDlMbps[base + line.units[k]];
  let ptr = 0;
  for (let q = 0; q < chain.length; q++) {
    const c = chain[q];
    let capLeft = inst.usableDlMbps[line.candidates[c]];
    let k = Math.max(ptr, line.left[c]);
    const end = line.right[c];
    while (k <= end && capLeft > 0) {
      const take = Math.min(residual[k], capLeft);
      residual[k] -= take;
      capLeft -= take;
      served[base + line.units[k]] += take;
      load[q] += take;
      if (residual[k] <= 0) k++;
      else break;
    }
    ptr = k;
  }
}
