/**
 * Bounds from capacity per dollar, cheap enough to compute before (or instead of) a capped solve.
 *
 * At step t let s_it be the servable demand of unit i (servable.ts) and E the capacity of the existing
 * sites of its component. A new site j of cost c_j and capacity U_j costs ρ_j = c_j / U_j per Mbps it
 * carries, so a plan's new capex is at least Σ_i ρ_i·n_i, where n_i ≤ s_it is the demand of unit i that
 * new sites carry and ρ_i the least ρ_j of a new site reaching i. With weight 1 instead of c_j the same
 * holds for the number of new sites (ρ_i = 1 / the largest U_j reaching i).
 *
 * - `capNeeds`: new sites must carry N_t = Σ_i s_it − E in each component; filling N_t from the units of
 *   least ρ_i (a fractional knapsack, exact for this relaxation) bounds the capex and the number of new
 *   sites of every full-service plan from below. Components are independent: their bounds add up, each the
 *   largest over the steps. When one exceeds the cap, the uncapped solve is skipped.
 * - `servedCeilingMbpsHours`: within a budget B (or at most K new sites) new sites carry at most the
 *   largest Σ n_i with Σ ρ_i·n_i ≤ B (or K), and existing sites at most their capacity, so a step serves at
 *   most min(Σ_i s_it, E + that), plus the units existing sites serve outright (prepare.ts): a proven
 *   bound on the service of any plan within the cap.
 */
import type { Component, Prepared } from './prepare';
import type { ComponentNetwork, ServableDemand } from './servable';
import type { PlacementInstance } from './types';

/** What every plan serving all the servable demand needs at least. */
export interface CapNeeds {
  /** New-site capex, USD. */
  capexUsd: number;
  newSites: number;
}

/** Each component with its network and the existing sites' capacity. */
function eachComponent(
  inst: PlacementInstance,
  prep: Prepared,
  servable: ServableDemand,
  visit: (comp: Component, network: ComponentNetwork, existingMbps: number) => void,
): void {
  prep.components.forEach((comp, c) => {
    let existingMbps = 0;
    for (const j of comp.candidates) if (inst.existing[j]) existingMbps += inst.usableDlMbps[j];
    visit(comp, servable.networks[c], existingMbps);
  });
}

/** Per local unit, the least weight_j / U_j of a new site reaching it (Infinity: none does). */
function leastWeightPerMbps(
  inst: PlacementInstance,
  comp: Component,
  network: ComponentNetwork,
  weight: (j: number) => number,
): Float64Array {
  const rho = new Float64Array(comp.units.length).fill(Infinity);
  network.unitSites.forEach((sites, k) => {
    for (let i = 0; i < sites.length; i++) {
      const j = comp.candidates[sites[i]];
      if (!inst.existing[j] && inst.usableDlMbps[j] > 0)
        rho[k] = Math.min(rho[k], weight(j) / inst.usableDlMbps[j]);
    }
  });
  return rho;
}

/** Unit indices (into `rho`) by ascending rho. */
const byRho = (rho: Float64Array) =>
  Array.from({ length: rho.length }, (_, k) => k).sort((a, b) => rho[a] - rho[b] || a - b);

const siteCost = (inst: PlacementInstance) => (j: number) => inst.costUsd[j];
const oneSite = () => 1;

/**
 * Lower bounds on the new capex and new sites of any plan that serves all the servable demand
 * (`servableDemand(inst, prep.components)`).
 */
export function capNeeds(inst: PlacementInstance, prep: Prepared, servableOf: ServableDemand): CapNeeds {
  const U = inst.unitCount;
  const servable = servableOf.demandDlMbps;
  let capexUsd = 0;
  let newSites = 0;
  eachComponent(inst, prep, servableOf, (comp, network, existingMbps) => {
    /** Least Σ_i ρ_i·n_i that carries the component's need at its worst step. */
    const least = (weight: (j: number) => number): number => {
      const rho = leastWeightPerMbps(inst, comp, network, weight);
      const order = byRho(rho);
      let most = 0;
      for (let t = 0; t < inst.stepCount; t++) {
        let total = 0;
        for (const u of comp.units) total += servable[t * U + u];
        let need = total - existingMbps;
        if (!(need > 1e-9 * (1 + total))) continue;
        let sum = 0;
        for (const k of order) {
          if (need <= 0 || rho[k] === Infinity) break;
          const carried = Math.min(need, servable[t * U + comp.units[k]]);
          sum += rho[k] * carried;
          need -= carried;
        }
        most = Math.max(most, sum);
      }
      return most;
    };
    capexUsd += least(siteCost(inst));
    // Rounded up past float noise only: a need of 8.0000001 sites is 8.
    const sites = least(oneSite);
    newSites += Math.ceil(sites - 1e-6 * Math.max(1, sites));
  });
  return { capexUsd, newSites };
}

/**
 * Upper bound on the Mbps·h any plan within `budgetUsd` and `maxNewSites` serves (either may be absent),
 * and the demand candidates can reach at all (the basis of the unserved share).
 */
export function servedCeilingMbpsHours(
  inst: PlacementInstance,
  prep: Prepared,
  servableOf: ServableDemand,
  caps: { budgetUsd?: number; maxNewSites?: number },
): { ceilingMbpsHours: number; reachableMbpsHours: number } {
  const U = inst.unitCount;
  const servable = servableOf.demandDlMbps;
  // All components' units together: the cap is shared.
  const units: number[] = [];
  const rhoCost: number[] = [];
  const rhoCount: number[] = [];
  let existingMbps = 0;
  eachComponent(inst, prep, servableOf, (comp, network, existing) => {
    existingMbps += existing;
    const cost = leastWeightPerMbps(inst, comp, network, siteCost(inst));
    const count = leastWeightPerMbps(inst, comp, network, oneSite);
    comp.units.forEach((u, k) => {
      units.push(u);
      rhoCost.push(cost[k]);
      rhoCount.push(count[k]);
    });
  });
  const knapsacks: { rho: Float64Array; order: number[]; limit: number }[] = [];
  for (const [rhoList, limit] of [
    [rhoCost, caps.budgetUsd],
    [rhoCount, caps.maxNewSites],
  ] as const) {
    if (limit === undefined) continue;
    const rho = Float64Array.from(rhoList);
    knapsacks.push({ rho, order: byRho(rho), limit });
  }
  // Units existing sites serve outright (prepare.ts) are served by every plan.
  const preServed: number[] = [];
  for (let u = 0; u < U; u++) if (prep.preServedBy[u] >= 0) preServed.push(u);
  let ceilingMbpsHours = 0;
  let reachableMbpsHours = 0;
  for (let t = 0; t < inst.stepCount; t++) {
    let total = 0;
    let reachable = 0;
    for (const u of units) {
      total += servable[t * U + u];
      reachable += inst.demandDlMbps[t * U + u];
    }
    let outright = 0;
    for (const u of preServed) outright += inst.demandDlMbps[t * U + u];
    ceilingMbpsHours += outright * inst.stepHours;
    reachableMbpsHours += outright * inst.stepHours;
    // The most new sites can carry within each cap; the tighter one holds.
    let byNew = Infinity;
    for (const { rho, order, limit } of knapsacks) {
      let left = limit;
      let carried = 0;
      for (const k of order) {
        if (left <= 0 || rho[k] === Infinity) break;
        const take = Math.min(servable[t * U + units[k]], left / rho[k]);
        carried += take;
        left -= take * rho[k];
      }
      byNew = Math.min(byNew, carried);
    }
    ceilingMbpsHours += Math.min(total, existingMbps + byNew) * inst.stepHours;
    reachableMbpsHours += reachable * inst.stepHours;
  }
  return { ceilingMbpsHours, reachableMbpsHours };
}
