/**
 * Lower bounds on what any plan serving all the servable demand needs, cheap enough to decide before the
 * solve whether a budget or site cap binds (then the uncapped solve, whose plan would break the cap anyway,
 * is skipped and the capped solver starts at once).
 *
 * Per component and step t, with s_it the servable demand of unit i (servable.ts) and E the capacity of
 * the existing sites: new sites carry at least N_t = Σ_i s_it − E. A new site j costs c_j = ρ_j·U_j with
 * ρ_j its cost per Mbps, and carries at most U_j, so a plan's new capex is at least Σ_i ρ_i·n_i, where n_i
 * is the demand of unit i carried by new sites and ρ_i the least ρ_j of a new site reaching i. The least
 * such sum with Σ n_i ≥ N_t and 0 ≤ n_i ≤ s_it fills the units of cheapest ρ_i first (a fractional
 * knapsack, exact for this relaxation). The same with weight 1 instead of c_j bounds the number of new
 * sites (ρ_i = 1 / the largest U_j reaching i). Components are independent, so their bounds add up; each
 * takes its largest over the steps.
 */
import type { Prepared } from './prepare';
import { componentNetwork, reduceToServable } from './servable';
import type { PlacementInstance } from './types';

/** What every plan serving all the servable demand needs at least. */
export interface CapNeeds {
  /** New-site capex, USD. */
  capexUsd: number;
  newSites: number;
}

/** Lower bounds on the new capex and new sites of any plan that serves all the servable demand. */
export function capNeeds(inst: PlacementInstance, prep: Prepared): CapNeeds {
  const U = inst.unitCount;
  const servable = Float64Array.from(inst.demandDlMbps);
  let capexUsd = 0;
  let newSites = 0;
  for (const comp of prep.components) {
    const network = componentNetwork(inst, comp);
    reduceToServable(inst, comp, network, servable);
    let existingMbps = 0;
    for (const j of comp.candidates) if (inst.existing[j]) existingMbps += inst.usableDlMbps[j];
    const n = comp.units.length;
    /**
     * Least Σ_i ρ_i·n_i over the steps' needs, ρ_i the least weight per Mbps (weight_j / U_j) of a new site
     * reaching unit i: a lower bound on Σ weight_j over the new sites of any full-service plan.
     */
    const leastWeight = (weight: (j: number) => number): number => {
      const rho = new Float64Array(n).fill(Infinity);
      network.unitSites.forEach((sites, k) => {
        for (let i = 0; i < sites.length; i++) {
          const j = comp.candidates[sites[i]];
          if (!inst.existing[j] && inst.usableDlMbps[j] > 0)
            rho[k] = Math.min(rho[k], weight(j) / inst.usableDlMbps[j]);
        }
      });
      const byRho = Array.from({ length: n }, (_, k) => k).sort((a, b) => rho[a] - rho[b] || a - b);
      let most = 0;
      for (let t = 0; t < inst.stepCount; t++) {
        let total = 0;
        for (const u of comp.units) total += servable[t * U + u];
        let need = total - existingMbps;
        if (!(need > 1e-9 * (1 + total))) continue;
        let sum = 0;
        for (const k of byRho) {
          if (need <= 0 || rho[k] === Infinity) break;
          const carried = Math.min(need, servable[t * U + comp.units[k]]);
          sum += rho[k] * carried;
          need -= carried;
        }
        most = Math.max(most, sum);
      }
      return most;
    };
    const compCapex = leastWeight((j) => inst.costUsd[j]);
    const compSites = Math.ceil(leastWeight(() => 1) - 1e-9);
    capexUsd += compCapex;
    newSites += compSites;
  }
  return { capexUsd, newSites };
}
