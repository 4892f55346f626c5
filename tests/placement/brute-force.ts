/**
 * Brute-force reference for tiny placement instances, independent of the solver's code: every subset of
 * the new candidates, served demand per step by a plain Edmonds–Karp max flow on a dense matrix, then
 * the lexicographic best (most served Mbps·h within the caps, then least capex).
 */
import type { PlacementInstance } from '../../shared/placement';

/** Max flow units → open sites at one step (dense Edmonds–Karp). */
export function maxServed(inst: PlacementInstance, openFlags: boolean[], step: number): number {
  const U = inst.unitCount;
  const C = inst.candidateCount;
  const N = U + C + 2;
  const s = 0;
  const t = N - 1;
  const cap = Array.from({ length: N }, () => new Float64Array(N));
  for (let i = 0; i < U; i++) cap[s][1 + i] = inst.demandDlMbps[step * U + i];
  for (let j = 0; j < C; j++) {
    if (!openFlags[j]) continue;
    cap[1 + U + j][t] = inst.usableDlMbps[j];
    for (let k = inst.coverStart[j]; k < inst.coverStart[j + 1]; k++)
      cap[1 + inst.coverUnits[k]][1 + U + j] = Infinity;
  }
  let total = 0;
  for (;;) {
    const prev = new Int32Array(N).fill(-1);
    prev[s] = s;
    const queue = [s];
    while (queue.length && prev[t] < 0) {
      const v = queue.shift() as number;
      for (let w = 0; w < N; w++) {
        if (prev[w] < 0 && cap[v][w] > 1e-12) {
          prev[w] = v;
          queue.push(w);
        }
      }
    }
    if (prev[t] < 0) break;
    let f = Infinity;
    for (let w = t; w !== s; w = prev[w]) f = Math.min(f, cap[prev[w]][w]);
    for (let w = t; w !== s; w = prev[w]) {
      cap[prev[w]][w] -= f;
      cap[w][prev[w]] += f;
    }
    total += f;
  }
  return total;
}

/** Best plan by exhaustive search: served Mbps·h (max) then capex (min). */
export interface BruteForceResult {
  servedMbpsHours: number;
  demandMbpsHours: number;
  capexUsd: number;
  newSites: number;
}

/**
 * Calls `visit` with every subset of the new candidates within the instance's caps (existing sites always
 * open): open flags, capex and a lazily computed served Mbps·h.
 */
export function eachPlanWithinCaps(
  inst: PlacementInstance,
  visit: (flags: boolean[], capexUsd: number, newSites: number, served: () => number) => void,
): void {
  const C = inst.candidateCount;
  const fresh: number[] = [];
  for (let j = 0; j < C; j++) if (!inst.existing[j]) fresh.push(j);
  if (fresh.length > 16) throw new Error('too many candidates for brute force');
  for (let mask = 0; mask < 1 << fresh.length; mask++) {
    const flags = Array.from({ length: C }, (_, j) => inst.existing[j] === 1);
    let cost = 0;
    let count = 0;
    fresh.forEach((j, b) => {
      if (mask & (1 << b)) {
        flags[j] = true;
        cost += inst.costUsd[j];
        count++;
      }
    });
    if (inst.budgetUsd !== undefined && cost > inst.budgetUsd + 1e-9) continue;
    if (inst.maxNewSites !== undefined && count > inst.maxNewSites) continue;
    visit(flags, cost, count, () => {
      let served = 0;
      for (let t = 0; t < inst.stepCount; t++) served += maxServed(inst, flags, t) * inst.stepHours;
      return served;
    });
  }
}

/** Total demand, Mbps·h. */
export function demandMbpsHours(inst: PlacementInstance): number {
  let demand = 0;
  for (let k = 0; k < inst.demandDlMbps.length; k++) demand += inst.demandDlMbps[k] * inst.stepHours;
  return demand;
}

/** Exhaustive search over the new candidates (keep them under ~14). */
export function bruteForce(inst: PlacementInstance): BruteForceResult {
  const demand = demandMbpsHours(inst);
  const tol = 1e-7 * (1 + demand);
  const found: { best: BruteForceResult | null } = { best: null };
  eachPlanWithinCaps(inst, (_flags, cost, count, servedOf) => {
    const served = servedOf();
    const best = found.best;
    if (
      best === null ||
      served > best.servedMbpsHours + tol ||
      (served > best.servedMbpsHours - tol && cost < best.capexUsd - 1e-9)
    ) {
      found.best = { servedMbpsHours: served, demandMbpsHours: demand, capexUsd: cost, newSites: count };
    }
  });
  return found.best as BruteForceResult;
}
