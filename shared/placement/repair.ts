/**
 * Making an open set feasible with few additions, guided by minimum cuts: at each kept step with unserved
 * demand, the source side of the minimum cut is a violated Hall set; open, among its closed candidates,
 * the one giving the most capacity towards the shortfall per dollar, and repeat until every kept step is
 * served. Then try to close the added sites again, most expensive first.
 */
import type { Component } from './prepare';
import type { ComponentNetwork } from './servable';
import type { PlacementInstance } from './types';

/** Options of `repairOpenSet`. */
export interface RepairOptions {
  /** Try closing added sites again (each try re-checks every kept step). Default: up to 8 sites. */
  maxDropTries?: number;
  /** Stop trying to close sites after this time (ms since the epoch of `performance.now()`). */
  deadline?: number;
}

/**
 * Repairs `open` (global flags; the component's candidates are read and written) so that the component's
 * demand is served at every step in `steps` (kept steps: the others are dominated). Returns false when
 * even every candidate cannot serve it.
 */
export function repairOpenSet(
  inst: PlacementInstance,
  comp: Component,
  network: ComponentNetwork,
  steps: Int32Array,
  open: Uint8Array,
  options: RepairOptions = {},
): boolean {
  const U = inst.unitCount;
  const n = comp.units.length;
  const m = comp.candidates.length;
  const cands = comp.candidates;
  const capacity = new Float64Array(m);
  const d = new Float64Array(n);
  const served = new Float64Array(n);
  const load = new Float64Array(m);
  const seen = new Int32Array(m);
  let stamp = 0;
  const setCapacity = () => {
    for (let q = 0; q < m; q++)
      capacity[q] = open[cands[q]] || inst.existing[cands[q]] ? inst.usableDlMbps[cands[q]] : 0;
  };
  const feasibleAt = (t: number): boolean => {
    let total = 0;
    for (let k = 0; k < n; k++) total += d[k] = inst.demandDlMbps[t * U + comp.units[k]];
    if (!(total > 0)) return true;
    return total - network.net.serve(d, capacity, served, load) <= 1e-9 * (1 + total);
  };
  setCapacity();
  const added: number[] = [];
  for (const t of steps) {
    for (let guard = 0; !feasibleAt(t); guard++) {
      if (guard > m) return false;
      let shortfall = 0;
      for (let k = 0; k < n; k++) if (network.net.onSourceSide(k)) shortfall += d[k] - served[k];
      stamp++;
      let bestQ = -1;
      let bestRatio = -1;
      for (let k = 0; k < n; k++) {
        if (!network.net.onSourceSide(k)) continue;
        for (const q of network.unitSites[k]) {
          if (seen[q] === stamp || capacity[q] > 0) continue;
          seen[q] = stamp;
          const cost = inst.costUsd[cands[q]];
          const r = Math.min(inst.usableDlMbps[cands[q]], shortfall) / (cost > 0 ? cost : 1e-9);
          if (r > bestRatio) {
            bestRatio = r;
            bestQ = q;
          }
        }
      }
      if (bestQ < 0) return false;
      open[cands[bestQ]] = 1;
      capacity[bestQ] = inst.usableDlMbps[cands[bestQ]];
      added.push(bestQ);
    }
  }
  const tries = options.maxDropTries ?? 8;
  added.sort((a, b) => inst.costUsd[cands[b]] - inst.costUsd[cands[a]] || a - b);
  const clock = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
  for (const q of added.slice(0, tries)) {
    if (options.deadline !== undefined && clock() > options.deadline) break;
    open[cands[q]] = 0;
    capacity[q] = 0;
    let ok = true;
    for (const t of steps) {
      if (!feasibleAt(t)) {
        ok = false;
        break;
      }
    }
    if (!ok) {
      open[cands[q]] = 1;
      capacity[q] = inst.usableDlMbps[cands[q]];
    }
  }
  return true;
}
