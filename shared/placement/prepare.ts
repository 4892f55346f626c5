/**
 * Exact preprocessing of a placement instance:
 *  - units without demand need nothing; units with demand that no candidate reaches are unserved
 *    ('no-coverage') whatever we do;
 *  - a candidate is *critical* when, at some step, the demand of all the units it covers exceeds its usable
 *    capacity. A non-critical open site can serve every unit it covers in full at every step, so a unit
 *    that has an open non-critical site over it is served, with no flow bookkeeping (the MILP's z-trick);
 *  - an existing non-critical site therefore serves its units outright ("free and used first"); those
 *    units leave the model, which can make further sites non-critical (iterated to a fixpoint);
 *  - the rest splits into independent components: units linked by candidates that cover them.
 */
import type { PlacementInstance } from './types';

/** One independent sub-problem: units that must be served and the candidates that can serve them. */
export interface Component {
  /** Active units (global indices), ascending. */
  units: Int32Array;
  /** Candidates covering at least one of them (global indices, existing ones included), ascending. */
  candidates: Int32Array;
}

/** Result of `prepareInstance`. */
export interface Prepared {
  /** Unit → candidates covering it (CSR), candidates ascending. */
  unitCandStart: Int32Array;
  unitCands: Int32Array;
  /** Largest demand of each unit over the steps, Mbps. */
  unitPeak: Float64Array;
  /** 1 for units with demand at some step. */
  hasDemand: Uint8Array;
  /** 1 for units with demand that no candidate reaches. */
  unreachable: Uint8Array;
  /** Existing non-critical site serving the unit outright, or -1. */
  preServedBy: Int32Array;
  /** 1 for units the optimiser must serve (demand, reachable, not pre-served). */
  active: Uint8Array;
  /** 1 for candidates that are critical with respect to the active units. */
  critical: Uint8Array;
  components: Component[];
}

/** Inverse of the candidate → units coverage. */
export function unitCoverage(inst: PlacementInstance): { start: Int32Array; cands: Int32Array } {
  const counts = new Int32Array(inst.unitCount + 1);
  for (let k = 0; k < inst.coverUnits.length; k++) counts[inst.coverUnits[k] + 1]++;
  for (let i = 0; i < inst.unitCount; i++) counts[i + 1] += counts[i];
  const start = Int32Array.from(counts);
  const fill = Int32Array.from(counts);
  const cands = new Int32Array(inst.coverUnits.length);
  for (let j = 0; j < inst.candidateCount; j++) {
    for (let k = inst.coverStart[j]; k < inst.coverStart[j + 1]; k++) cands[fill[inst.coverUnits[k]]++] = j;
  }
  return { start, cands };
}

/**
 * Largest total demand of the active units a candidate covers, over all steps, Mbps. Uses the sum of
 * unit peaks as a quick upper bound before scanning the steps.
 */
function peakCoveredLoad(
  inst: PlacementInstance,
  j: number,
  active: Uint8Array,
  unitPeak: Float64Array,
  threshold: number,
): number {
  const a = inst.coverStart[j];
  const b = inst.coverStart[j + 1];
  let bound = 0;
  for (let k = a; k < b; k++) if (active[inst.coverUnits[k]]) bound += unitPeak[inst.coverUnits[k]];
  if (bound <= threshold) return bound;
  let peak = 0;
  for (let t = 0; t < inst.stepCount; t++) {
    const base = t * inst.unitCount;
    let s = 0;
    for (let k = a; k < b; k++) {
      const i = inst.coverUnits[k];
      if (active[i]) s += inst.demandDlMbps[base + i];
    }
    if (s > peak) peak = s;
  }
  return peak;
}

/** Capacity comparisons tolerate this relative rounding. */
export const CAPACITY_TOLERANCE = 1e-9;

/** Runs the exact preprocessing described above. */
export function prepareInstance(inst: PlacementInstance): Prepared {
  const { unitCount, stepCount, demandDlMbps } = inst;
  const { start: unitCandStart, cands: unitCands } = unitCoverage(inst);
  const unitPeak = new Float64Array(unitCount);
  for (let t = 0; t < stepCount; t++) {
    const base = t * unitCount;
    for (let i = 0; i < unitCount; i++) {
      const d = demandDlMbps[base + i];
      if (d > unitPeak[i]) unitPeak[i] = d;
    }
  }
  const hasDemand = new Uint8Array(unitCount);
  const unreachable = new Uint8Array(unitCount);
  const active = new Uint8Array(unitCount);
  for (let i = 0; i < unitCount; i++) {
    if (!(unitPeak[i] > 0)) continue;
    hasDemand[i] = 1;
    if (unitCandStart[i + 1] === unitCandStart[i]) unreachable[i] = 1;
    else active[i] = 1;
  }
  const preServedBy = new Int32Array(unitCount).fill(-1);
  const critical = new Uint8Array(inst.candidateCount);
  // Fixpoint: existing non-critical sites take their units; recompute criticality of the rest.
  for (;;) {
    let changed = false;
    for (let j = 0; j < inst.candidateCount; j++) {
      const cap = inst.usableDlMbps[j] * (1 + CAPACITY_TOLERANCE);
      critical[j] = peakCoveredLoad(inst, j, active, unitPeak, cap) > cap ? 1 : 0;
    }
    for (let j = 0; j < inst.candidateCount; j++) {
      if (!inst.existing[j] || critical[j]) continue;
      for (let k = inst.coverStart[j]; k < inst.coverStart[j + 1]; k++) {
        const i = inst.coverUnits[k];
        if (active[i]) {
          active[i] = 0;
          preServedBy[i] = j;
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  const components = splitComponents(inst, active);
  return {
    unitCandStart,
    unitCands,
    unitPeak,
    hasDemand,
    unreachable,
    preServedBy,
    active,
    critical,
    components,
  };
}

/** Union–find with path halving. */
class DisjointSets {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(x: number): number {
    const p = this.parent;
    while (p[x] !== x) {
      p[x] = p[p[x]];
      x = p[x];
    }
    return x;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    if (ra < rb) this.parent[rb] = ra;
    else this.parent[ra] = rb;
  }
}

/**
 * Connected components of the coverage graph restricted to active units. Candidates that cover no active
 * unit are left out (opening them never helps). Ordered by their smallest unit, so the order is stable.
 */
export function splitComponents(inst: PlacementInstance, active: Uint8Array): Component[] {
  const sets = new DisjointSets(inst.unitCount);
  for (let j = 0; j < inst.candidateCount; j++) {
    let first = -1;
    for (let k = inst.coverStart[j]; k < inst.coverStart[j + 1]; k++) {
      const i = inst.coverUnits[k];
      if (!active[i]) continue;
      if (first < 0) first = i;
      else sets.union(first, i);
    }
  }
  const index = new Map<number, number>();
  const units: number[][] = [];
  const cands: number[][] = [];
  for (let i = 0; i < inst.unitCount; i++) {
    if (!active[i]) continue;
    const root = sets.find(i);
    let c = index.get(root);
    if (c === undefined) {
      c = units.length;
      index.set(root, c);
      units.push([]);
      cands.push([]);
    }
    units[c].push(i);
  }
  for (let j = 0; j < inst.candidateCount; j++) {
    for (let k = inst.coverStart[j]; k < inst.coverStart[j + 1]; k++) {
      const i = inst.coverUnits[k];
      if (active[i]) {
        cands[index.get(sets.find(i)) as number].push(j);
        break;
      }
    }
  }
  return units.map((u, c) => ({ units: Int32Array.from(u), candidates: Int32Array.from(cands[c]) }));
}
