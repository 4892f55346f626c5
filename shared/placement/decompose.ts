/**
 * Large components by spatial decomposition with a valid lower bound (Lagrangian cost splitting).
 *
 * Units are cut into windows: runs of consecutive segments along each route, and each hotspot's cells.
 * Every candidate's capex is split among the windows it reaches (in proportion to the units it reaches
 * there), and each window is solved on its own — with the exact route DP when it has line structure, else
 * the Hall-cut MILP — with the split costs and every reaching site at full capacity.
 *
 * Bound. For the optimal plan Y*, its restriction to a window serves that window, so it costs at least the
 * window's optimum under the split costs; summing over windows, the split costs add back up to the full
 * capex of Y*. So Σ_w OPT_w ≤ OPT, and each window's proven bound (DP optimum or MILP dual bound) can
 * stand in for OPT_w.
 *
 * Plan. The union of the window plans (split costs make windows agree on sites at their borders), made
 * feasible by min-cut-guided repair where a border site's capacity was counted by two windows.
 */
import { reduceSteps } from './steps';
import { solveHall } from './hall';
import type { Component, Prepared } from './prepare';
import { repairOpenSet } from './repair';
import { lineStructure, solveLineDp } from './route-dp';
import { componentNetwork, type ComponentNetwork } from './servable';
import type { PlacementInstance } from './types';

/** Input of `solveByWindows`. */
export interface WindowsRequest {
  /** The instance with the demand to serve in full (servable). */
  inst: PlacementInstance;
  prep: Prepared;
  comp: Component;
  network: ComponentNetwork;
  timeLimitSeconds: number;
  mipRelGap: number;
  /** Segments per route window (default 60). */
  windowUnits?: number;
}

/** Output of `solveByWindows`. */
export interface WindowsOutcome {
  open: Uint8Array;
  feasible: boolean;
  capexUsd: number;
  /** Σ of the windows' proven bounds under split costs: a lower bound on the component's optimum. */
  bound: number;
  windows: number;
  /** Windows solved exactly by the route DP / proven optimal by the MILP. */
  exactWindows: number;
  note?: string;
}

/** Default number of segments per route window. */
export const DEFAULT_WINDOW_UNITS = 60;

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/** Cuts a component's units into windows (hotspot groups first, then runs along each line). */
export function windowsOf(inst: PlacementInstance, comp: Component, windowUnits: number): number[][] {
  const groups = new Map<number, number[]>();
  const lines = new Map<number, number[]>();
  const loose: number[] = [];
  for (const u of comp.units) {
    const line = inst.unitLine[u];
    const group = inst.unitGroup ? inst.unitGroup[u] : -1;
    if (line >= 0) {
      const list = lines.get(line);
      if (list) list.push(u);
      else lines.set(line, [u]);
    } else if (group >= 0) {
      const list = groups.get(group);
      if (list) list.push(u);
      else groups.set(group, [u]);
    } else loose.push(u);
  }
  const out: number[][] = [];
  const chunk = (list: number[], size: number) => {
    const count = Math.max(1, Math.round(list.length / size));
    const per = Math.ceil(list.length / count);
    for (let k = 0; k < list.length; k += per) out.push(list.slice(k, k + per));
  };
  for (const key of [...groups.keys()].sort((a, b) => a - b))
    chunk(groups.get(key) as number[], 4 * windowUnits);
  if (loose.length) chunk(loose, 4 * windowUnits);
  for (const key of [...lines.keys()].sort((a, b) => a - b)) {
    const list = (lines.get(key) as number[]).sort(
      (a, b) => inst.unitChainageKm[a] - inst.unitChainageKm[b] || a - b,
    );
    chunk(list, windowUnits);
  }
  return out.map((w) => w.sort((a, b) => a - b));
}

/** Solves a large component window by window; see the file comment. */
export async function solveByWindows(req: WindowsRequest): Promise<WindowsOutcome> {
  const started = now();
  const deadline = started + req.timeLimitSeconds * 1000;
  const { inst, comp, network } = req;
  const windows = windowsOf(inst, comp, req.windowUnits ?? DEFAULT_WINDOW_UNITS);
  const m = comp.candidates.length;
  const windowOf = new Int32Array(inst.unitCount).fill(-1);
  windows.forEach((w, k) => w.forEach((u) => (windowOf[u] = k)));
  // Units each candidate reaches per window.
  const reach: Map<number, number>[] = Array.from({ length: m }, () => new Map());
  network.unitSites.forEach((sites, k) => {
    const w = windowOf[comp.units[k]];
    for (const q of sites) reach[q].set(w, (reach[q].get(w) ?? 0) + 1);
  });
  const total = reach.map((r) => [...r.values()].reduce((a, b) => a + b, 0));
  const posOf = new Map<number, number>();
  comp.candidates.forEach((j, q) => posOf.set(j, q));

  const open = new Uint8Array(inst.candidateCount);
  for (const j of comp.candidates) if (inst.existing[j]) open[j] = 1;
  let bound = 0;
  let exactWindows = 0;
  const notes = new Set<string>();
  for (let w = 0; w < windows.length; w++) {
    const units = Int32Array.from(windows[w]);
    const candSet = new Set<number>();
    for (const u of units) {
      const k = network.local[u];
      for (const q of network.unitSites[k]) candSet.add(comp.candidates[q]);
    }
    const candidates = Int32Array.from([...candSet].sort((a, b) => a - b));
    const sub: Component = { units, candidates };
    const costUsd = Float64Array.from(inst.costUsd);
    for (const j of candidates) {
      const q = posOf.get(j) as number;
      costUsd[j] = (inst.costUsd[j] * (reach[q].get(w) ?? 0)) / Math.max(1, total[q]);
    }
    const subInst: PlacementInstance = { ...inst, costUsd };
    let solved = false;
    const line = lineStructure(subInst, sub);
    if (line) {
      const steps = reduceSteps(subInst.demandDlMbps, inst.unitCount, inst.stepCount, line.units).kept;
      const dp = solveLineDp(subInst, line, steps);
      if (dp) {
        for (const c of dp.chain) open[line.candidates[c]] = 1;
        bound += dp.costUsd;
        exactWindows++;
        solved = true;
      }
    }
    if (!solved) {
      const left = Math.max(0.2, (deadline - now()) / 1000);
      const out = await solveHall({
        inst: subInst,
        prep: req.prep,
        comp: sub,
        network: componentNetwork(subInst, sub),
        timeLimitSeconds: Math.max(0.2, left / (windows.length - w)),
        mipRelGap: req.mipRelGap,
      });
      bound += out.bound;
      if (out.optimal) exactWindows++;
      if (out.note) notes.add(out.note);
      if (out.feasible) for (const j of candidates) if (out.open[j]) open[j] = 1;
    }
  }
  const steps = reduceSteps(inst.demandDlMbps, inst.unitCount, inst.stepCount, comp.units).kept;
  const feasible = repairOpenSet(inst, comp, network, steps, open);
  let capexUsd = 0;
  for (const j of comp.candidates) if (open[j] && !inst.existing[j]) capexUsd += inst.costUsd[j];
  return {
    open,
    feasible,
    capexUsd,
    bound: Math.min(bound, capexUsd),
    windows: windows.length,
    exactWindows,
    note: notes.size ? [...notes].join('; ') : undefined,
  };
}
