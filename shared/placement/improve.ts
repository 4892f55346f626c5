/**
 * Fix-and-optimise on a feasible plan of a large component: window by window, the candidates reaching
 * the window are free again (the open ones, and the closed ones `mayOpen` allows), everything else stays as
 * the plan has it, and the Hall MILP looks for a cheaper choice of the free candidates; a cheaper one that
 * provably serves is kept.
 *
 * Why a kept change serves everything. One maximum flow per kept step gives a full service of the plan.
 * For window W let F be the free candidates and R every unit F reaches. The sites outside F keep
 * their flows (so they serve exactly what they served), and R's demand less what those sites bring to it
 * is the residual demand F must serve; F's sites serve nothing outside R. The sub-problem is therefore the
 * placement of F on R with the residual demand, the plan's own choice of F is feasible in it (it is the
 * MILP's start), and any choice that serves the residual demand at every kept step, checked by a maximum
 * flow before it is kept, combines with the unchanged flows into a full service. Steps that are not kept
 * are dominated (steps.ts).
 */
import { uniqueNotes, type Note } from '../notes';
import { ServiceNetwork } from './flow';
import { solveHall } from './hall';
import type { Component, Prepared } from './prepare';
import { candidateUnits, componentNetwork, serveKeptSteps, type ComponentNetwork } from './servable';
import type { PlacementInstance } from './types';

/** Input of `improveByWindows`. */
export interface ImproveRequest {
  inst: PlacementInstance;
  prep: Prepared;
  comp: Component;
  network: ComponentNetwork;
  /** Kept steps (every other step is dominated by one of them). */
  steps: Int32Array;
  /** Global open flags of a plan that serves every kept step; improved in place. */
  open: Uint8Array;
  /** Unit lists (global indices) to re-optimise, in order. */
  windows: readonly (readonly number[])[];
  /** Work limits of each window's MILP. */
  work: { maxLpRounds: number; maxMilpNodes: number; maxMilpRounds: number };
  timeLimitSeconds: number;
  mipRelGap: number;
  /**
   * Closed candidates that may open (default all): the rest stay closed, which keeps the MILPs small
   * (open ones are always free).
   */
  mayOpen?: (j: number) => boolean;
  /** Windows with more free candidates than this are skipped (their MILP would not finish its work). */
  maxFreeCandidates: number;
  signal?: AbortSignal;
  /** Before each window, the share of windows done. */
  onProgress?: (fraction: number) => void;
}

/** Result of `improveByWindows`. */
export interface ImproveOutcome {
  /** Windows re-optimised (not skipped for their size). */
  solvedWindows: number;
  /** Windows whose cheaper choice was kept. */
  improvedWindows: number;
  savedUsd: number;
  /** The window MILPs' notes (time or work limits), each once. */
  notes: Note[];
}

/**
 * Re-optimises `open` window by window (see the file comment); never makes the plan dearer or
 * infeasible. Deterministic: windows in the given order, work-limited MILPs.
 */
export async function improveByWindows(req: ImproveRequest): Promise<ImproveOutcome> {
  const { inst, comp, network, steps, open } = req;
  const U = inst.unitCount;
  const n = comp.units.length;
  const m = comp.candidates.length;
  const S = steps.length;
  const cands = comp.candidates;
  const cap = Float64Array.from(cands, (j) => inst.usableDlMbps[j]);
  const isOpen = Uint8Array.from(cands, (j) => (open[j] || inst.existing[j] ? 1 : 0));
  const candUnits = candidateUnits(network, m);

  // The plan's service: per unit, its open sites (nearest first) and their flows [s * sites + i].
  const unitOpen: Int32Array[] = network.unitSites.map((list) => list.filter((q) => isOpen[q]));
  const unitFlow: Float64Array[] = unitOpen.map((list) => new Float64Array(S * list.length));
  const served = serveKeptSteps(inst, comp, network, steps, isOpen, (s, k, i, flow) => {
    unitFlow[k][s * unitOpen[k].length + i] = flow;
  });
  if (!served) return { solvedWindows: 0, improvedWindows: 0, savedUsd: 0, notes: [] };

  const scratch = new Float64Array(U * inst.stepCount);
  const subInst: PlacementInstance = { ...inst, demandDlMbps: scratch };
  const free = new Uint8Array(m);
  const inR = new Uint8Array(n);
  let solvedWindows = 0;
  let improvedWindows = 0;
  let savedUsd = 0;
  const notes: Note[] = [];
  for (let w = 0; w < req.windows.length; w++) {
    req.signal?.throwIfAborted();
    req.onProgress?.(w / req.windows.length);
    const window = req.windows[w];
    // F: candidates reaching the window; R: every unit they reach.
    const F: number[] = [];
    for (const u of window) {
      for (const q of network.unitSites[network.local[u]]) {
        if (!free[q] && (isOpen[q] || !req.mayOpen || req.mayOpen(cands[q]))) {
          free[q] = 1;
          F.push(q);
        }
      }
    }
    if (F.length > req.maxFreeCandidates) {
      for (const q of F) free[q] = 0;
      continue;
    }
    solvedWindows++;
    const R: number[] = [];
    for (const q of F) {
      for (const k of candUnits[q]) {
        if (!inR[k]) {
          inR[k] = 1;
          R.push(k);
        }
      }
    }
    F.sort((a, b) => a - b);
    R.sort((a, b) => a - b);
    // Residual demand: what the sites outside F do not bring.
    const residual = new Float64Array(S * R.length);
    R.forEach((k, r) => {
      const list = unitOpen[k];
      for (let s = 0; s < S; s++) {
        let fixed = 0;
        for (let i = 0; i < list.length; i++) if (!free[list[i]]) fixed += unitFlow[k][s * list.length + i];
        const rest = inst.demandDlMbps[steps[s] * U + comp.units[k]] - fixed;
        residual[s * R.length + r] = rest > 1e-9 ? rest : 0;
        scratch[steps[s] * U + comp.units[k]] = residual[s * R.length + r];
      }
    });
    const start = new Uint8Array(inst.candidateCount);
    let incumbentUsd = 0;
    for (const q of F) {
      if (!isOpen[q]) continue;
      start[cands[q]] = 1;
      if (!inst.existing[cands[q]]) incumbentUsd += inst.costUsd[cands[q]];
    }
    const sub: Component = {
      units: Int32Array.from(R, (k) => comp.units[k]),
      candidates: Int32Array.from(F, (q) => cands[q]),
    };
    const out = await solveHall({
      inst: subInst,
      prep: req.prep,
      comp: sub,
      network: componentNetwork(subInst, sub),
      timeLimitSeconds: req.timeLimitSeconds,
      mipRelGap: req.mipRelGap,
      pool: 'light',
      ...req.work,
      start,
    });
    if (out.note) notes.push(out.note);
    let chosenUsd = 0;
    for (const q of F)
      if (out.open[cands[q]] && !inst.existing[cands[q]]) chosenUsd += inst.costUsd[cands[q]];
    if (out.feasible && chosenUsd < incumbentUsd - 1e-6) {
      const chosen = (q: number) => out.open[cands[q]] === 1 || inst.existing[cands[q]] === 1;
      const flows = serveResidual(network, R, F, chosen, cap, residual, S);
      if (flows) {
        for (const q of F) {
          isOpen[q] = chosen(q) ? 1 : 0;
          open[cands[q]] = isOpen[q];
        }
        R.forEach((k, r) => {
          const oldList = unitOpen[k];
          const list = network.unitSites[k].filter((q) => isOpen[q]);
          const flow = new Float64Array(S * list.length);
          for (let s = 0; s < S; s++) {
            list.forEach((q, i) => {
              if (free[q]) flow[s * list.length + i] = flows[r].get(s * m + q) ?? 0;
              else flow[s * list.length + i] = unitFlow[k][s * oldList.length + oldList.indexOf(q)];
            });
          }
          unitOpen[k] = list;
          unitFlow[k] = flow;
        });
        improvedWindows++;
        savedUsd += incumbentUsd - chosenUsd;
      }
    }
    for (const k of R) {
      for (let s = 0; s < S; s++) scratch[steps[s] * U + comp.units[k]] = 0;
      inR[k] = 0;
    }
    for (const q of F) free[q] = 0;
  }
  return { solvedWindows, improvedWindows, savedUsd, notes: uniqueNotes(notes) };
}

/**
 * Serves R's residual demand with the chosen sites of F at every kept step (maximum flow); per unit of R
 * the flows keyed s * m + q, or null when some step is not served in full.
 */
function serveResidual(
  network: ComponentNetwork,
  R: readonly number[],
  F: readonly number[],
  chosen: (q: number) => boolean,
  cap: Float64Array,
  residual: Float64Array,
  S: number,
): Map<number, number>[] | null {
  const m = cap.length;
  const sites = F.filter(chosen);
  const localSite = new Map<number, number>();
  sites.forEach((q, i) => localSite.set(q, i));
  const lists = R.map((k) =>
    Int32Array.from(
      network.unitSites[k].filter((q) => localSite.has(q)).map((q) => localSite.get(q) as number),
    ),
  );
  const net = new ServiceNetwork(lists, sites.length);
  const capacity = Float64Array.from(sites, (q) => cap[q]);
  const d = new Float64Array(R.length);
  const served = new Float64Array(R.length);
  const load = new Float64Array(sites.length);
  const out = R.map(() => new Map<number, number>());
  for (let s = 0; s < S; s++) {
    let total = 0;
    for (let r = 0; r < R.length; r++) total += d[r] = residual[s * R.length + r];
    const got = net.serve(d, capacity, served, load);
    if (total - got > 1e-9 * (1 + total)) return null;
    for (let r = 0; r < R.length; r++) {
      for (let p = 0; p < lists[r].length; p++) {
        const f = net.arcFlow(r, p);
        if (f > 0) out[r].set(s * m + sites[lists[r][p]], f);
      }
    }
  }
  return out;
}
