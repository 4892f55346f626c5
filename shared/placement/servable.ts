/**
 * When even every candidate together cannot serve a component's demand at some step, "serve the most
 * Mbps·h, then spend the least" reduces exactly to "serve s*_t in full at every step", where s*_t is what
 * a maximum flow with every candidate open serves at step t (per unit).
 *
 * Why. Let Z_t be the units reachable from the source in that flow's residual network (a minimum cut's
 * source side). Every unit with unserved demand is in Z_t, the sites N(Z_t) are saturated, and they serve
 * only Z_t. For any site set Y the cut (Z_t, N_Y(Z_t)) bounds service by d_t(V∖Z_t) + U(N_Y(Z_t)), so
 * serving the all-open maximum M_t needs every site of N(Z_t) open; then Z_t's part of s*_t is served
 * exactly as before and the other units must be served in full by the other sites — which is precisely
 * serving s*_t. Summed over steps, the most served Mbps·h is Σ M_t, reached iff every step reaches M_t.
 */
import { ServiceNetwork } from './flow';
import type { Component } from './prepare';
import { reduceSteps } from './steps';
import type { PlacementInstance } from './types';

/** A component's units, its candidates and the all-open flow network over them. */
export interface ComponentNetwork {
  /** Local index of each global unit of the component (-1 elsewhere). */
  local: Int32Array;
  /** Per local unit: positions in `comp.candidates` of the candidates reaching it, nearest first. */
  unitSites: Int32Array[];
  net: ServiceNetwork;
}

/** The flow network of a component over all its candidates. */
export function componentNetwork(inst: PlacementInstance, comp: Component): ComponentNetwork {
  const local = new Int32Array(inst.unitCount).fill(-1);
  comp.units.forEach((u, k) => (local[u] = k));
  const lists: { q: number; d: number }[][] = Array.from({ length: comp.units.length }, () => []);
  comp.candidates.forEach((j, q) => {
    for (let k = inst.coverStart[j]; k < inst.coverStart[j + 1]; k++) {
      const u = local[inst.coverUnits[k]];
      if (u >= 0) lists[u].push({ q, d: inst.coverDistanceKm ? inst.coverDistanceKm[k] : 0 });
    }
  });
  const unitSites = lists.map((l) =>
    Int32Array.from(
      l.sort((a, b) => a.d - b.d || a.q - b.q),
      (e) => e.q,
    ),
  );
  return { local, unitSites, net: new ServiceNetwork(unitSites, comp.candidates.length) };
}

/**
 * Writes s* (see above) for the component's units into `demand` (a copy of the instance's demand) and
 * returns the Mbps·h that no plan can serve. Steps dominated by a step that every candidate serves in full
 * are served in full too and are skipped.
 */
export function reduceToServable(
  inst: PlacementInstance,
  comp: Component,
  network: ComponentNetwork,
  demand: Float64Array,
): number {
  const U = inst.unitCount;
  const n = comp.units.length;
  const capacity = Float64Array.from(comp.candidates, (j) => inst.usableDlMbps[j]);
  const d = new Float64Array(n);
  const served = new Float64Array(n);
  const load = new Float64Array(comp.candidates.length);
  const red = reduceSteps(inst.demandDlMbps, U, inst.stepCount, comp.units);
  const full = new Uint8Array(inst.stepCount);
  let lost = 0;
  const runAt = (t: number): boolean => {
    let total = 0;
    for (let k = 0; k < n; k++) total += d[k] = inst.demandDlMbps[t * U + comp.units[k]];
    const got = network.net.serve(d, capacity, served, load);
    if (total - got <= 1e-9 * (1 + total)) return true;
    for (let k = 0; k < n; k++) demand[t * U + comp.units[k]] = Math.min(d[k], served[k]);
    lost += (total - got) * inst.stepHours;
    return false;
  };
  for (const t of red.kept) full[t] = runAt(t) ? 1 : 0;
  for (let t = 0; t < inst.stepCount; t++) {
    const by = red.dominatedBy[t];
    if (by < 0 || by === t || full[by]) continue;
    runAt(t);
  }
  return lost;
}

/** Every component's network and the demand reduced to what is servable, computed once per solve. */
export interface ServableDemand {
  /** Per component (same order as the components given). */
  networks: ComponentNetwork[];
  /** The instance's demand with each component's units reduced to s* (`reduceToServable`). */
  demandDlMbps: Float64Array;
  /** Per component: the Mbps·h no plan can serve. */
  lostMbpsHours: number[];
}

/** Builds each component's network and reduces its demand to what is servable. */
export function servableDemand(inst: PlacementInstance, components: readonly Component[]): ServableDemand {
  const networks = components.map((comp) => componentNetwork(inst, comp));
  const demandDlMbps = Float64Array.from(inst.demandDlMbps);
  const lostMbpsHours = components.map((comp, c) => reduceToServable(inst, comp, networks[c], demandDlMbps));
  return { networks, demandDlMbps, lostMbpsHours };
}

/** Per candidate (position in `comp.candidates`): the local units it reaches, ascending. */
export function candidateUnits(network: ComponentNetwork, candidateCount: number): number[][] {
  const out: number[][] = Array.from({ length: candidateCount }, () => []);
  network.unitSites.forEach((list, k) => list.forEach((q) => out[q].push(k)));
  return out;
}

/**
 * One full service of the component's open sites at every kept step (maximum flow per step): calls
 * `visit(s, k, i, flow)`, when given, for the i-th open site (in `network.unitSites[k]` order) of every
 * unit k at kept step s. False, after visiting the steps before, when some step cannot be served in full.
 */
export function serveKeptSteps(
  inst: PlacementInstance,
  comp: Component,
  network: ComponentNetwork,
  steps: Int32Array,
  isOpen: Uint8Array,
  visit?: (s: number, k: number, i: number, flowMbps: number) => void,
): boolean {
  const n = comp.units.length;
  const capacity = Float64Array.from(comp.candidates, (j, q) => (isOpen[q] ? inst.usableDlMbps[j] : 0));
  const d = new Float64Array(n);
  const served = new Float64Array(n);
  const load = new Float64Array(comp.candidates.length);
  for (let s = 0; s < steps.length; s++) {
    let total = 0;
    for (let k = 0; k < n; k++) total += d[k] = inst.demandDlMbps[steps[s] * inst.unitCount + comp.units[k]];
    const got = network.net.serve(d, capacity, served, load);
    if (total - got > 1e-9 * (1 + total)) return false;
    if (!visit) continue;
    for (let k = 0; k < n; k++) {
      const list = network.unitSites[k];
      for (let p = 0, i = 0; p < list.length; p++)
        if (isOpen[list[p]]) visit(s, k, i++, network.net.arcFlow(k, p));
    }
  }
  return true;
}
