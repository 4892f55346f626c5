/**
 * The flow formulation of placement for HiGHS (sparse row-wise model, one runtime reused). The solvers use
 * the Hall-row formulations (hall.ts, capped.ts), which are far smaller; this one stays as their reference:
 * the tests check the Hall LP against its LP relaxation. Also the cost grain shared by every solver.
 *
 *   y_j ∈ {0,1}  open new candidate j (existing sites are constants, open)
 *   z_i ∈ [0,1]  unit i has an open non-critical site over it (it then gets all its demand from that site:
 *                such a site can carry everything it reaches at every step — see prepare.ts)
 *   x_ijt ∈ [0,1] share of unit i's step-t demand served by critical site j
 *   v ∈ [0,1]    unserved share (only when maximising served demand)
 *
 *   min Σ c_j y_j                       (or, first, min Σ unserved Mbps·h; then cost at that service)
 *   Σ_{j∈NC(i)} y_j ≥ 1 − v_i            units reached only by non-critical candidates
 *   z_i ≤ Σ_{j∈NC(i)} y_j
 *   Σ_{j∈C(i)} x_ijt + z_i + v_it ≥ 1    every kept step t, units reached by a critical candidate
 *   Σ_i d_it x_ijt ≤ U_j y_j             every critical j, every kept step t (capacity at EVERY step)
 *   x_ijt ≤ y_j                          (strong linking; tightens the LP bound)
 *   Σ c_j y_j ≤ budget,  Σ y_j ≤ max new sites
 *
 * Steps: in each flow cluster (units linked by critical candidates) only steps whose demand vector is not
 * dominated by another step's are kept (steps.ts); when maximising served demand every step with demand is
 * kept, since the objective sums over them. This is exact: z/flows reformulate the split-demand model
 * without loss (a unit under an open non-critical site can move all its flow there).
 */
import type { Prepared, Component } from './prepare';
import { reduceSteps, stepsWithDemand } from './steps';
import { highsRuntime, resetHighsRuntime, type Highs } from './highs';
import type { PlacementInstance } from './types';

/** What to solve. */
export interface MilpRequest {
  inst: PlacementInstance;
  prep: Prepared;
  components: readonly Component[];
  /** 'cost': min capex serving everything (or with `maxUnservedMbpsHours`); 'unserved': max service. */
  objective: 'cost' | 'unserved';
  /** Allow unserved demand (variables v); required for 'unserved'. */
  allowUnserved: boolean;
  /** With objective 'cost' and allowUnserved: unserved Mbps·h may not exceed this. */
  maxUnservedMbpsHours?: number;
  budgetUsd?: number;
  maxNewSites?: number;
  /** Solve the LP relaxation only. */
  relax: boolean;
  timeLimitSeconds: number;
  mipRelGap: number;
  /** Open flags per candidate to start from. */
  warmStart?: Uint8Array | null;
  /** Give up (status 'too-large') above this many nonzeros. */
  maxNonzeros?: number;
}

/** What came back. */
export interface MilpOutcome {
  status: 'optimal' | 'feasible' | 'infeasible' | 'no-solution' | 'too-large';
  /** Open flags per candidate (existing sites of the components included). */
  open: Uint8Array;
  /** Objective in its own unit (USD, or Mbps·h unserved), recomputed from the solution. */
  objective: number;
  /** Proven lower bound on the objective (dual bound; for an LP, its optimum). */
  bound: number;
  unservedMbpsHours: number;
  /** Largest number of kept steps in any flow cluster. */
  steps: number;
  columns: number;
  rows: number;
  nonzeros: number;
  ms: number;
}

/** Greatest common "grain" of the costs (e.g. 5,000 USD), or 0 when they are not integers. */
export function costGrain(costs: Iterable<number>): number {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  let g = 0;
  for (const c of costs) {
    if (c === 0) continue;
    if (!Number.isInteger(c)) return 0;
    g = gcd(c, g);
  }
  return g;
}

/** Rounds a lower bound up to the cost grain (every plan costs a multiple of it); as is without a grain. */
export function roundUpToGrain(bound: number, grain: number): number {
  if (!(grain > 0) || !Number.isFinite(bound)) return bound;
  return Math.ceil(bound / grain - 1e-6) * grain;
}

/** Row-wise sparse model under construction. */
class ModelBuilder {
  colCost: number[] = [];
  colLower: number[] = [];
  colUpper: number[] = [];
  integer: number[] = [];
  rowStarts: number[] = [0];
  rowIndex: number[] = [];
  rowValue: number[] = [];
  rowLower: number[] = [];
  rowUpper: number[] = [];
  addCol(cost: number, upper: number, integer: boolean): number {
    this.colCost.push(cost);
    this.colLower.push(0);
    this.colUpper.push(upper);
    this.integer.push(integer ? 1 : 0);
    return this.colCost.length - 1;
  }
  addRow(lower: number, upper: number, index: number[], value: number[]): void {
    for (let k = 0; k < index.length; k++) {
      this.rowIndex.push(index[k]);
      this.rowValue.push(value[k]);
    }
    this.rowStarts.push(this.rowIndex.length);
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
  }
  get rows(): number {
    return this.rowLower.length;
  }
}

/** Flow variable bookkeeping to read unserved demand back. */
interface UnservedTerm {
  col: number;
  mbpsHours: number;
}

/** Builds and solves the model; see the file comment. */
export async function solveMilp(req: MilpRequest): Promise<MilpOutcome> {
  const t0 = Date.now();
  const { inst, prep } = req;
  const U = inst.unitCount;
  const h = inst.stepHours;
  const b = new ModelBuilder();
  const yCol = new Map<number, number>();
  const newCands: number[] = [];
  const compUnits: number[] = [];
  for (const comp of req.components) {
    for (const j of comp.candidates) if (!inst.existing[j]) newCands.push(j);
    for (const i of comp.units) compUnits.push(i);
  }
  const costScale = newCands.reduce((m, j) => Math.max(m, inst.costUsd[j]), 1);
  for (const j of newCands) {
    const cost = req.objective === 'cost' ? inst.costUsd[j] / costScale : 0;
    yCol.set(j, b.addCol(cost, 1, !req.relax));
  }
  const inComp = new Uint8Array(U);
  for (const i of compUnits) inComp[i] = 1;
  let totalMbpsHours = 0;
  for (const i of compUnits) {
    for (let t = 0; t < inst.stepCount; t++) totalMbpsHours += inst.demandDlMbps[t * U + i] * h;
  }
  const unservedScale = Math.max(1e-9, totalMbpsHours);
  const unservedTerms: UnservedTerm[] = [];
  const addUnserved = (mbpsHours: number): number => {
    const col = b.addCol(req.objective === 'unserved' ? mbpsHours / unservedScale : 0, 1, false);
    unservedTerms.push({ col, mbpsHours });
    return col;
  };

  // Flow clusters: units linked through critical candidates.
  const parent = new Int32Array(U);
  for (let i = 0; i < U; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  for (const comp of req.components) {
    for (const j of comp.candidates) {
      if (!prep.critical[j]) continue;
      let first = -1;
      for (let k = inst.coverStart[j]; k < inst.coverStart[j + 1]; k++) {
        const i = inst.coverUnits[k];
        if (!inComp[i]) continue;
        if (first < 0) first = i;
        else {
          const ra = find(first);
          const rb = find(i);
          if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
      }
    }
  }
  const unitNC: number[][] = new Array(U);
  const unitC: number[][] = new Array(U);
  const clusters = new Map<number, number[]>();
  for (const i of compUnits) {
    const nc: number[] = [];
    const c: number[] = [];
    for (let k = prep.unitCandStart[i]; k < prep.unitCandStart[i + 1]; k++) {
      const j = prep.unitCands[k];
      if (prep.critical[j]) c.push(j);
      else if (!inst.existing[j]) nc.push(j);
    }
    unitNC[i] = nc;
    unitC[i] = c;
    if (c.length > 0) {
      const r = find(i);
      const list = clusters.get(r);
      if (list) list.push(i);
      else clusters.set(r, [i]);
    }
  }

  // Estimate the size first.
  let estimate = 0;
  const clusterSteps = new Map<number, Int32Array>();
  let maxSteps = 0;
  for (const [root, units] of clusters) {
    const red = req.allowUnserved
      ? stepsWithDemand(inst.demandDlMbps, U, inst.stepCount, units)
      : reduceSteps(inst.demandDlMbps, U, inst.stepCount, units);
    clusterSteps.set(root, red.kept);
    maxSteps = Math.max(maxSteps, red.kept.length);
    for (const i of units) estimate += red.kept.length * unitC[i].length * 3;
  }
  const maxNonzeros = req.maxNonzeros ?? 6e6;
  const emptyOutcome = (status: MilpOutcome['status']): MilpOutcome => ({
    status,
    open: new Uint8Array(inst.candidateCount),
    objective: NaN,
    bound: NaN,
    unservedMbpsHours: NaN,
    steps: maxSteps,
    columns: 0,
    rows: 0,
    nonzeros: estimate,
    ms: Date.now() - t0,
  });
  if (estimate > maxNonzeros) return emptyOutcome('too-large');
  const linking = estimate <= maxNonzeros / 2;

  // Units reached only by non-critical candidates: a covering row.
  const zCol = new Map<number, number>();
  for (const i of compUnits) {
    const nc = unitNC[i];
    if (unitC[i].length === 0) {
      const idx = nc.map((j) => yCol.get(j) as number);
      const val = nc.map(() => 1);
      if (req.allowUnserved) {
        let mbpsHours = 0;
        for (let t = 0; t < inst.stepCount; t++) mbpsHours += inst.demandDlMbps[t * U + i] * h;
        idx.push(addUnserved(mbpsHours));
        val.push(1);
      }
      b.addRow(1, Infinity, idx, val);
    } else if (nc.length > 0) {
      const z = b.addCol(0, 1, false);
      zCol.set(i, z);
      b.addRow(-Infinity, 0, [z, ...nc.map((j) => yCol.get(j) as number)], [1, ...nc.map(() => -1)]);
    }
  }
  // Flows, per cluster and kept step.
  const capTerms = new Map<number, { idx: number[]; val: number[] }>();
  for (const [root, units] of clusters) {
    const steps = clusterSteps.get(root) as Int32Array;
    for (const t of steps) {
      const base = t * U;
      for (const i of units) {
        const d = inst.demandDlMbps[base + i];
        if (!(d > 0)) continue;
        const idx: number[] = [];
        const val: number[] = [];
        for (const j of unitC[i]) {
          const x = b.addCol(0, 1, false);
          idx.push(x);
          val.push(1);
          const key = j * inst.stepCount + t;
          let cap = capTerms.get(key);
          if (!cap) {
            cap = { idx: [], val: [] };
            capTerms.set(key, cap);
          }
          cap.idx.push(x);
          cap.val.push(d / inst.usableDlMbps[j]);
          if (linking && !inst.existing[j]) b.addRow(-Infinity, 0, [x, yCol.get(j) as number], [1, -1]);
        }
        const z = zCol.get(i);
        if (z !== undefined) {
          idx.push(z);
          val.push(1);
        }
        if (req.allowUnserved) {
          idx.push(addUnserved(d * h));
          val.push(1);
        }
        b.addRow(1, Infinity, idx, val);
      }
    }
  }
  for (const [key, cap] of capTerms) {
    const j = Math.floor(key / inst.stepCount);
    if (inst.existing[j]) b.addRow(-Infinity, 1, cap.idx, cap.val);
    else b.addRow(-Infinity, 0, [...cap.idx, yCol.get(j) as number], [...cap.val, -1]);
  }
  if (req.budgetUsd !== undefined && newCands.length > 0) {
    b.addRow(
      -Infinity,
      req.budgetUsd / costScale,
      newCands.map((j) => yCol.get(j) as number),
      newCands.map((j) => inst.costUsd[j] / costScale),
    );
  }
  if (req.maxNewSites !== undefined && newCands.length > 0) {
    b.addRow(
      -Infinity,
      req.maxNewSites,
      newCands.map((j) => yCol.get(j) as number),
      newCands.map(() => 1),
    );
  }
  if (req.maxUnservedMbpsHours !== undefined && unservedTerms.length > 0) {
    b.addRow(
      -Infinity,
      (req.maxUnservedMbpsHours * (1 + 1e-7) + 1e-9 * unservedScale) / unservedScale,
      unservedTerms.map((u) => u.col),
      unservedTerms.map((u) => u.mbpsHours / unservedScale),
    );
  }

  const open = new Uint8Array(inst.candidateCount);
  for (const comp of req.components) for (const j of comp.candidates) if (inst.existing[j]) open[j] = 1;
  const numCols = b.colCost.length;
  const numRows = b.rows;
  const base: Omit<MilpOutcome, 'status' | 'objective' | 'bound' | 'unservedMbpsHours'> = {
    open,
    steps: maxSteps,
    columns: numCols,
    rows: numRows,
    nonzeros: b.rowIndex.length,
    ms: 0,
  };
  if (numCols === 0) {
    return { ...base, status: 'optimal', objective: 0, bound: 0, unservedMbpsHours: 0, ms: Date.now() - t0 };
  }

  const highs: Highs = await highsRuntime();
  const inf = highs.infinity;
  const fix = (v: number) => (v === Infinity ? inf : v === -Infinity ? -inf : v);
  let model: ReturnType<Highs['createModel']>;
  try {
    model = highs.createModel({
      numCols,
      numRows,
      sense: highs.constants.objectiveSense.minimize,
      colCost: b.colCost,
      colLower: b.colLower,
      colUpper: b.colUpper,
      rowLower: b.rowLower.map(fix),
      rowUpper: b.rowUpper.map(fix),
      matrix: {
        format: 'csr',
        numRows,
        numCols,
        starts: Int32Array.from(b.rowStarts),
        indices: Int32Array.from(b.rowIndex),
        values: Float64Array.from(b.rowValue),
      },
      ...(req.relax ? {} : { integrality: Int32Array.from(b.integer) as unknown as readonly (0 | 1)[] }),
    });
  } catch {
    resetHighsRuntime();
    return emptyOutcome('no-solution');
  }
  try {
    const grain = req.objective === 'cost' ? costGrain(newCands.map((j) => inst.costUsd[j])) : 0;
    model.options.set({
      output_flag: false,
      time_limit: req.timeLimitSeconds,
      mip_rel_gap: req.mipRelGap,
      ...(grain > 0 ? { mip_abs_gap: (0.999 * grain) / costScale } : {}),
      random_seed: 0,
    });
    if (!req.relax && req.warmStart) {
      const indices: number[] = [];
      const values: number[] = [];
      for (const j of newCands) {
        indices.push(yCol.get(j) as number);
        values.push(req.warmStart[j] ? 1 : 0);
      }
      model.setSolution({ indices, values });
    }
    model.run();
    const status = model.getModelStatus();
    const S = highs.constants.modelStatus;
    if (status === S.infeasible)
      return {
        ...base,
        status: 'infeasible',
        objective: NaN,
        bound: NaN,
        unservedMbpsHours: NaN,
        ms: Date.now() - t0,
      };
    const primal = Number(model.info.get('primal_solution_status'));
    if (primal !== 2)
      return {
        ...base,
        status: 'no-solution',
        objective: NaN,
        bound: NaN,
        unservedMbpsHours: NaN,
        ms: Date.now() - t0,
      };
    const x = model.getSolution().colValue;
    for (const j of newCands) if (x[yCol.get(j) as number] > 0.5) open[j] = 1;
    let unserved = 0;
    for (const u of unservedTerms) unserved += Math.max(0, x[u.col]) * u.mbpsHours;
    const scale = req.objective === 'cost' ? costScale : unservedScale;
    let objective: number;
    let bound: number;
    if (req.relax) {
      objective = model.getObjectiveValue() * scale;
      bound = objective;
    } else {
      objective =
        req.objective === 'cost'
          ? newCands.reduce((s, j) => s + (open[j] ? inst.costUsd[j] : 0), 0)
          : unserved;
      const dual = Number(model.info.get('mip_dual_bound'));
      bound = Number.isFinite(dual) ? Math.min(objective, dual * scale) : 0;
    }
    return {
      ...base,
      status: status === S.optimal ? 'optimal' : 'feasible',
      objective,
      bound,
      unservedMbpsHours: unserved,
      ms: Date.now() - t0,
    };
  } catch {
    // The WebAssembly runtime aborts on exhausted memory; start a fresh one next time.
    resetHighsRuntime();
    return emptyOutcome('no-solution');
  } finally {
    try {
      model.dispose();
    } catch {
      // An aborted runtime cannot dispose; nothing left to free.
    }
  }
}
