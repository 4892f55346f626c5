/**
 * Time-step reduction. A site set that serves demand vector d' also serves any d ≤ d' (component-wise):
 * scale every flow by d_i / d'_i, which keeps each unit's service and can only lower each site's load.
 * So a step whose demand over a set of units is dominated by another step's can never bind a capacity
 * constraint and is dropped from the model; its service is the dominating step's flows, scaled.
 */

/** Result of `reduceSteps`. */
export interface StepReduction {
  /** Steps to keep (the non-dominated ones with demand), ascending. */
  kept: Int32Array;
  /** For every step: the kept step that dominates it (itself when kept), or -1 when it has no demand. */
  dominatedBy: Int32Array;
}

/**
 * Drops steps whose demand over `units` is dominated component-wise by another step's. Sound for every
 * constraint that is monotone in demand (service with capacity per step), not for a served-demand
 * objective summed over steps. Ties (equal vectors) keep the earliest step. O(T · K · n) in the worst
 * case for K kept steps; in practice comparisons fail on the first units.
 */
export function reduceSteps(
  demand: Float64Array,
  unitCount: number,
  stepCount: number,
  units: ArrayLike<number>,
): StepReduction {
  const n = units.length;
  const dominatedBy = new Int32Array(stepCount).fill(-1);
  const totals = new Float64Array(stepCount);
  const order: number[] = [];
  for (let t = 0; t < stepCount; t++) {
    let s = 0;
    const base = t * unitCount;
    for (let k = 0; k < n; k++) s += demand[base + units[k]];
    totals[t] = s;
    if (s > 0) order.push(t);
  }
  order.sort((a, b) => totals[b] - totals[a] || a - b);
  const kept: number[] = [];
  // Demand vectors of kept steps, gathered for cache-friendly comparisons.
  const keptVectors: Float64Array[] = [];
  const v = new Float64Array(n);
  for (const t of order) {
    const base = t * unitCount;
    for (let k = 0; k < n; k++) v[k] = demand[base + units[k]];
    let by = -1;
    for (let q = 0; q < kept.length && by < 0; q++) {
      const w = keptVectors[q];
      let dominates = true;
      for (let k = 0; k < n; k++) {
        if (w[k] < v[k]) {
          dominates = false;
          break;
        }
      }
      if (dominates) by = kept[q];
    }
    if (by >= 0) {
      dominatedBy[t] = by;
    } else {
      kept.push(t);
      keptVectors.push(Float64Array.from(v));
      dominatedBy[t] = t;
    }
  }
  return { kept: Int32Array.from(kept.sort((a, b) => a - b)), dominatedBy };
}

/** All steps with demand over `units`, each standing for itself (for served-demand objectives). */
export function stepsWithDemand(
  demand: Float64Array,
  unitCount: number,
  stepCount: number,
  units: ArrayLike<number>,
): StepReduction {
  const dominatedBy = new Int32Array(stepCount).fill(-1);
  const kept: number[] = [];
  for (let t = 0; t < stepCount; t++) {
    const base = t * unitCount;
    for (let k = 0; k < units.length; k++) {
      if (demand[base + units[k]] > 0) {
        kept.push(t);
        dominatedBy[t] = t;
        break;
      }
    }
  }
  return { kept: Int32Array.from(kept), dominatedBy };
}
