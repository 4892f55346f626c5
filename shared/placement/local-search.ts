/**
 * Local search on a feasible open set: close open new sites one at a time (most expensive first) while the
 * rest still serves every kept step — the windows and the repair leave redundant sites at window borders.
 *
 * Feasibility check, local and sound. One maximum flow per kept step gives a full service f_t for the
 * current set. To test closing site q, take the units q reaches, the open sites reaching them, every unit
 * those sites (and q) reach — the neighbourhood R — and every open site S reaching R. Keep f_t outside R
 * as it is; the sites of S lose the load they carry for units outside R; serve R's demand by a maximum flow
 * over S with what is left. If that serves R in full at every kept step, the combined flows serve
 * everything, so q can be closed (the new flows replace the old ones in R). A failed local test may be a
 * false negative (rerouting further away could help): the search only ever closes sites it has proven
 * redundant, never makes a plan infeasible. Steps that are not kept are dominated (steps.ts).
 */
import { ServiceNetwork } from './flow';
import type { Component } from './prepare';
import { candidateUnits, serveKeptSteps, type ComponentNetwork } from './servable';
import type { PlacementInstance } from './types';

/** Options of `dropRedundantSites`. */
export interface DropOptions {
  /** Stop after this time (ms of `performance.now()`). */
  deadline?: number;
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/**
 * Closes redundant open new sites of `comp` in `open` (global flags) while every kept step stays served.
 * Returns the number of sites closed; `open` must serve every kept step on entry (else nothing changes).
 */
export function dropRedundantSites(
  inst: PlacementInstance,
  comp: Component,
  network: ComponentNetwork,
  steps: Int32Array,
  open: Uint8Array,
  options: DropOptions = {},
): number {
  const U = inst.unitCount;
  const n = comp.units.length;
  const m = comp.candidates.length;
  const S = steps.length;
  const cands = comp.candidates;
  const cap = Float64Array.from(cands, (j) => inst.usableDlMbps[j]);
  const isOpen = Uint8Array.from(cands, (j) => (open[j] || inst.existing[j] ? 1 : 0));
  // Arc slots are laid out for the sites open on entry; closed ones keep their slot with flow 0.
  const slotOpen = Uint8Array.from(isOpen);
  const candUnits = candidateUnits(network, m);

  // Arcs from each unit to its open sites (the open set only shrinks), flows per kept step.
  const arcStart = new Int32Array(n + 1);
  const arcSites: number[] = [];
  for (let k = 0; k < n; k++) {
    for (const q of network.unitSites[k]) if (slotOpen[q]) arcSites.push(q);
    arcStart[k + 1] = arcSites.length;
  }
  const A = arcSites.length;
  const arcFlow = new Float64Array(S * A);
  const siteLoad = new Float64Array(S * m);
  const served = serveKeptSteps(inst, comp, network, steps, isOpen, (s, k, i, flow) => {
    arcFlow[s * A + arcStart[k] + i] = flow;
    siteLoad[s * m + arcSites[arcStart[k] + i]] += flow;
  });
  if (!served) return 0;

  // Least used first (likeliest redundant), then the most expensive.
  const peakUse = new Float64Array(m);
  for (let s = 0; s < S; s++)
    for (let q = 0; q < m; q++)
      if (cap[q] > 0) peakUse[q] = Math.max(peakUse[q], siteLoad[s * m + q] / cap[q]);
  const order: number[] = [];
  for (let q = 0; q < m; q++) if (isOpen[q] && !inst.existing[cands[q]]) order.push(q);
  order.sort((a, b) => peakUse[a] - peakUse[b] || inst.costUsd[cands[b]] - inst.costUsd[cands[a]] || a - b);
  const unitMark = new Int32Array(n);
  const siteMark = new Int32Array(m);
  const siteLocal = new Int32Array(m);
  let mark = 0;
  let closed = 0;
  // Steps that failed recently are tried first (most tests fail fast on the busiest steps).
  const stepOrder = Array.from({ length: S }, (_, s) => s);
  candidates: for (const q of order) {
    // First the narrow neighbourhood (q's units only; cheap), then the wide one.
    for (const wide of [false, true]) {
      if (options.deadline !== undefined && now() > options.deadline) break candidates;
      mark++;
      // Neighbourhood R: units of q and (wide) of every open site sharing a unit with q.
      const R: number[] = [];
      const addUnit = (k: number) => {
        if (unitMark[k] !== mark) {
          unitMark[k] = mark;
          R.push(k);
        }
      };
      for (const k of candUnits[q]) addUnit(k);
      const ring = R.length;
      let uncovered = false;
      for (let r = 0; r < ring; r++) {
        const k = R[r];
        let other = false;
        for (const p of network.unitSites[k]) {
          if (p === q || !isOpen[p]) continue;
          other = true;
          if (siteMark[p] !== mark) {
            siteMark[p] = mark;
            if (wide) for (const k2 of candUnits[p]) addUnit(k2);
          }
        }
        if (!other && network.unitSites[k].length > 0) {
          // Only q covers this unit: closing it is infeasible when the unit has demand at a kept step.
          for (let s = 0; s < S && !uncovered; s++)
            if (inst.demandDlMbps[steps[s] * U + comp.units[k]] > 0) uncovered = true;
        }
        if (uncovered) break;
      }
      if (uncovered) continue candidates;
      R.sort((a, b) => a - b);
      // Sites of the local problem: every open site (but q) reaching R.
      const sites: number[] = [];
      mark++;
      for (const k of R) {
        for (const p of network.unitSites[k]) {
          if (p === q || !isOpen[p] || siteMark[p] === mark) continue;
          siteMark[p] = mark;
          siteLocal[p] = sites.length;
          sites.push(p);
        }
      }
      // Necessary: at every step the spare capacity of S takes q's load (R's other load already fits).
      let roomy = true;
      for (let s = 0; s < S && roomy; s++) {
        const need = siteLoad[s * m + q];
        if (!(need > 0)) continue;
        let spare = 0;
        for (const p of sites) spare += Math.max(0, cap[p] - siteLoad[s * m + p]);
        if (spare < need * (1 - 1e-9)) roomy = false;
      }
      if (!roomy) continue;
      const localLists = R.map((k) => {
        const out: number[] = [];
        for (const p of network.unitSites[k]) if (p !== q && isOpen[p]) out.push(siteLocal[p]);
        return Int32Array.from(out);
      });
      const net = new ServiceNetwork(localLists, sites.length);
      const ld = new Float64Array(R.length);
      const lserved = new Float64Array(R.length);
      const lload = new Float64Array(sites.length);
      const lcap = new Float64Array(sites.length);
      const newFlows: (Float64Array | undefined)[] = new Array<Float64Array | undefined>(S);
      let ok = true;
      for (let o = 0; o < S && ok; o++) {
        const s = stepOrder[o];
        // Where q carries nothing, the current flows already serve R without it.
        if (!(siteLoad[s * m + q] > 0)) continue;
        // Residual capacity: capacity minus the load carried for units outside R.
        sites.forEach((p, i) => (lcap[i] = cap[p] - siteLoad[s * m + p]));
        let total = 0;
        R.forEach((k, r) => {
          total += ld[r] = inst.demandDlMbps[steps[s] * U + comp.units[k]];
          const list = network.unitSites[k];
          let a = arcStart[k];
          for (let p = 0; p < list.length; p++) {
            const site = list[p];
            if (!slotOpen[site]) continue;
            if (site !== q && isOpen[site]) lcap[siteLocal[site]] += arcFlow[s * A + a];
            a++;
          }
        });
        for (let i = 0; i < sites.length; i++) if (lcap[i] < 0) lcap[i] = 0;
        const got = net.serve(ld, lcap, lserved, lload);
        if (total - got > 1e-9 * (1 + total)) {
          ok = false;
          stepOrder.splice(o, 1);
          stepOrder.unshift(s);
          break;
        }
        let arcs = 0;
        for (const list of localLists) arcs += list.length;
        const flows = new Float64Array(arcs);
        let f = 0;
        R.forEach((_, r) => {
          for (let p = 0; p < localLists[r].length; p++) flows[f++] = net.arcFlow(r, p);
        });
        newFlows[s] = flows;
      }
      if (!ok) continue;
      // Accept: close q and write the local flows back.
      isOpen[q] = 0;
      open[cands[q]] = 0;
      closed++;
      for (let s = 0; s < S; s++) {
        const flows = newFlows[s];
        if (!flows) continue;
        let f = 0;
        R.forEach((k, r) => {
          const list = network.unitSites[k];
          let a = arcStart[k];
          let lp = 0;
          for (let p = 0; p < list.length; p++) {
            const site = list[p];
            if (!slotOpen[site]) continue;
            const old = arcFlow[s * A + a];
            const flow = isOpen[site] ? flows[f + lp++] : 0;
            siteLoad[s * m + site] += flow - old;
            arcFlow[s * A + a] = flow;
            a++;
          }
          f += localLists[r].length;
        });
      }
      continue candidates;
    }
  }
  return closed;
}
