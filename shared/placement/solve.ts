/**
 * Solves a placement instance: exact preprocessing, independent components, the exact line DP where the
 * structure allows it, the MILP (HiGHS) elsewhere, a joint MILP when a budget or site cap binds, then the
 * service (flows) at every step for the chosen sites, the LP relaxation bound and the gap.
 */
import { note, type Note } from '../notes';
import { greedyOpen, greedyPlan } from './greedy';
import { solveHall, type HallOutcome, type HallRequest } from './hall';
import { solveByWindows } from './decompose';
import type { BoundRunner } from './bound-task';
import { servableDemand, type ComponentNetwork, type ServableDemand } from './servable';
import { capNeeds, servedCeilingMbpsHours } from './cap-check';
import { CAPPED_MAX_UNIT_STEPS, cappedUnitSteps, solveCappedPlacement } from './capped';
import { costGrain, roundUpToGrain } from './milp';
import { prepareInstance, type Component, type Prepared } from './prepare';
import { edfServe, lineStructure, onOneLine, solveLineDp, type LineStructure } from './route-dp';
import { reduceSteps } from './steps';
import { ServiceNetwork } from './flow';
import type { ComponentReport, PlacementInstance, PlacementOptions, PlacementSolution } from './types';

const DEFAULT_TIME_LIMIT_S = 20;
const DEFAULT_MIP_REL_GAP = 1e-4;
/**
 * Components up to `decomposeAboveUnits` units, and larger ones with at most this many candidates, try
 * the whole MILP first (see solveComponent).
 */
const EXACT_FIRST_MAX_CANDIDATES = 150;
/** Its work limits: beyond them the windows are the better use of the time. */
const EXACT_FIRST_WORK = { maxLpRounds: 50, maxMilpNodes: 2000, maxMilpRounds: 8 };
/**
 * A single route with several site types (nested coverage, so no route DP) of up to this many segments
 * also tries the whole MILP first, at its root only (ROUTE_ROOT_WORK: further MILP rounds, up to four, only
 * while the root solves the MILP over the rows found so far). Where coverage or a light load binds, its
 * LP is nearly tight and the root proves the optimum, which windows deciding one stretch at a time miss
 * (bench generator, two types, 48 steps, a lightly loaded 250 km route: US$ 1.14 M at gap 0 in 2.3 s
 * instead of 1.26 M in 1.1 s; Najaf–Karbala of the default scenario at 1 % phone share: 10 cells on wheels,
 * gap 0, instead of 11). Under the bench's heavy load it proves nothing but plans cheaper than the windows
 * (250 km: 13.14 against 13.32 M) for about 9 s more; at 500 km it found nothing cheaper in 19 s more,
 * hence the limit.
 */
const ROUTE_ROOT_MAX_UNITS = 600;
const ROUTE_ROOT_WORK = { maxLpRounds: 20, maxMilpNodes: 1, maxMilpRounds: 4, stopAtNodeLimit: true };

interface ComponentPlan {
  report: ComponentReport;
  /** Line structure when the component has one (service then uses the EDF sweep). */
  line: LineStructure | null;
}

function capexOf(inst: PlacementInstance, open: Uint8Array, cands: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < cands.length; k++)
    if (open[cands[k]] && !inst.existing[cands[k]]) s += inst.costUsd[cands[k]];
  return s;
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/**
 * Minimum-capex sites serving every unit at every step within the usable capacity (or, when a budget or
 * site cap binds or demand cannot all be served, the most demand in Mbps·h and then the least capex).
 * Deterministic for the same input. Async because HiGHS loads asynchronously.
 */
export async function solvePlacement(
  inst: PlacementInstance,
  options: PlacementOptions = {},
): Promise<PlacementSolution> {
  const t0 = now();
  const timeLimitSeconds = options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_S;
  const mipRelGap = options.mipRelGap ?? DEFAULT_MIP_REL_GAP;
  const method = options.method ?? 'auto';
  const lpBound = options.lpBound ?? true;
  const decomposeAboveUnits = options.decomposeAboveUnits ?? 120;
  const notes: Note[] = [];
  const prep = prepareInstance(inst);
  const open = new Uint8Array(inst.candidateCount);
  for (let j = 0; j < inst.candidateCount; j++) if (inst.existing[j]) open[j] = 1;
  const plans: ComponentPlan[] = [];
  const comps = prep.components;
  // Every component's network and servable demand, once for the uncapped solve, the cap check and the
  // capped solve.
  const servable = servableDemand(inst, comps);

  // A cap that surely binds (capNeeds: what any full-service plan needs at least) skips the uncapped solve.
  const hasCap = inst.budgetUsd !== undefined || inst.maxNewSites !== undefined;
  const needs = hasCap ? capNeeds(inst, prep, servable) : null;
  const capBinds =
    needs !== null &&
    ((inst.budgetUsd !== undefined && needs.capexUsd > inst.budgetUsd * (1 + 1e-9) + 1e-6) ||
      (inst.maxNewSites !== undefined && needs.newSites > inst.maxNewSites));
  if (needs && capBinds) {
    notes.push(note('capBinds', { capexUsd: Math.floor(needs.capexUsd), newSites: needs.newSites }));
  }

  for (let c = 0; c < comps.length && !capBinds; c++) {
    options.signal?.throwIfAborted();
    options.onProgress?.(c / Math.max(1, comps.length));
    plans.push(
      await solveComponent(
        inst,
        prep,
        comps[c],
        servable.networks[c],
        servable.lostMbpsHours[c],
        open,
        {
          method,
          timeLimitSeconds,
          mipRelGap,
          lpBound,
          decomposeAboveUnits,
          boundRunner: options.boundRunner,
          signal: options.signal,
          onComponentProgress: (f) => options.onProgress?.((c + f) / Math.max(1, comps.length)),
        },
        servable.demandDlMbps,
      ),
    );
  }

  let capped = false;
  let reports = plans.map((p) => p.report);
  const newCount = () => {
    let n = 0;
    for (let j = 0; j < inst.candidateCount; j++) if (open[j] && !inst.existing[j]) n++;
    return n;
  };
  const allCands = Int32Array.from({ length: inst.candidateCount }, (_, j) => j);
  const overBudget =
    capBinds ||
    (inst.budgetUsd !== undefined && capexOf(inst, open, allCands) > inst.budgetUsd + 1e-6) ||
    (inst.maxNewSites !== undefined && newCount() > inst.maxNewSites);
  if (overBudget) {
    options.signal?.throwIfAborted();
    capped = true;
    const joint = await solveCapped(inst, prep, servable, open, {
      method,
      timeLimitSeconds,
      mipRelGap,
      lpBound,
      decomposeAboveUnits,
      signal: options.signal,
    });
    reports = [joint.report];
    notes.push(...joint.notes);
  }

  options.onProgress?.(0.95);
  const service = computeService(inst, prep, comps, open, plans);
  const openSites = service.openSites;
  let capexUsd = 0;
  let newSites = 0;
  for (const j of openSites) {
    if (!inst.existing[j]) {
      capexUsd += inst.costUsd[j];
      newSites++;
    }
  }
  const lowerBoundUsd = Math.min(
    capexUsd,
    reports.reduce((s, r) => s + r.lowerBoundUsd, 0),
  );
  const lpRelaxationUsd = reports.reduce((s, r) => s + r.lpRelaxationUsd, 0);
  const gap = capexUsd > 0 ? Math.max(0, (capexUsd - lowerBoundUsd) / capexUsd) : 0;
  const methods = [...new Set(reports.map((r) => r.method).filter((m) => m !== 'none'))];
  const fallback = reports.some((r) => r.notes?.some((n) => n.key === 'greedyFallback'));
  let methodText = methods.length === 0 ? 'none (no demand to serve)' : methods.join(' + ');
  if (fallback) methodText += ' (greedy fallback on some components)';
  for (const r of reports) if (r.notes) notes.push(...r.notes);
  options.onProgress?.(1);
  return {
    open,
    openSites,
    siteLoadDlMbps: service.load,
    servedDlMbps: service.served,
    unitCovered: service.covered,
    capexUsd,
    newSites,
    lowerBoundUsd,
    lpRelaxationUsd,
    gap,
    method: methodText,
    capped: capped && service.unservedMbpsHours > 1e-9 * Math.max(1, service.demandMbpsHours),
    demandMbpsHours: service.demandMbpsHours,
    servedMbpsHours: service.demandMbpsHours - service.unservedMbpsHours,
    unservedMbpsHours: service.unservedMbpsHours,
    components: reports,
    notes: [...new Set(notes)],
    computeMs: now() - t0,
  };
}

interface SolveSettings {
  method: 'auto' | 'milp' | 'greedy';
  timeLimitSeconds: number;
  mipRelGap: number;
  lpBound: boolean;
  decomposeAboveUnits: number;
  boundRunner?: BoundRunner;
  signal?: AbortSignal;
  /** Progress within the current component, 0..1. */
  onComponentProgress?: (fraction: number) => void;
}

async function solveComponent(
  inst: PlacementInstance,
  prep: Prepared,
  comp: Component,
  network: ComponentNetwork,
  lostMbpsHours: number,
  open: Uint8Array,
  s: SolveSettings,
  servable: Float64Array,
): Promise<ComponentPlan> {
  const t0 = now();
  const grain = costGrain(
    Array.from(comp.candidates, (j) => inst.costUsd[j]).filter((_, k) => !inst.existing[comp.candidates[k]]),
  );
  const report: ComponentReport = {
    units: comp.units.length,
    candidates: comp.candidates.length,
    steps: 0,
    method: 'none',
    capexUsd: 0,
    lowerBoundUsd: 0,
    lpRelaxationUsd: NaN,
    optimal: false,
    ms: 0,
  };
  const notes: Note[] = [];
  if (lostMbpsHours > 0) notes.push(note('lostDemand', { mbpsHours: Math.round(lostMbpsHours) }));
  // The rest of the component is a full-service problem on the servable demand (servable.ts).
  const red: PlacementInstance = { ...inst, demandDlMbps: servable };
  const line = lineStructure(red, comp);
  const finish = (): ComponentPlan => {
    report.capexUsd = capexOf(inst, open, comp.candidates);
    if (Number.isFinite(report.lpRelaxationUsd)) {
      report.lowerBoundUsd = Math.max(report.lowerBoundUsd, roundUpToGrain(report.lpRelaxationUsd, grain));
    }
    report.lowerBoundUsd = Math.min(report.capexUsd, roundUpToGrain(report.lowerBoundUsd, grain));
    report.optimal = report.optimal || report.lowerBoundUsd >= report.capexUsd;
    if (notes.length) report.notes = notes;
    report.ms = now() - t0;
    return { report, line };
  };
  const hall = (lpOnly: boolean, more: Partial<HallRequest> = {}) =>
    solveHall({
      inst: red,
      prep,
      comp,
      network,
      timeLimitSeconds: s.timeLimitSeconds,
      mipRelGap: s.mipRelGap,
      lpOnly,
      // For a bound beside the DP's proven optimum, the light pool with row generation is enough.
      ...(lpOnly ? { pool: 'light' as const } : {}),
      ...more,
    });
  /** Takes a feasible MILP outcome as the component's plan (`otherBoundUsd`: a bound found besides). */
  const takeMilp = (out: HallOutcome, otherBoundUsd = 0): ComponentPlan => {
    for (const j of comp.candidates) if (out.open[j]) open[j] = 1;
    report.method = 'milp';
    report.steps = Math.max(report.steps, out.steps);
    report.lpRelaxationUsd = out.lpBound;
    report.lowerBoundUsd = Math.max(out.bound, otherBoundUsd);
    report.optimal = out.optimal;
    if (out.note) notes.push(out.note);
    return finish();
  };
  const lpBoundOnly = async () => (s.lpBound ? (await hall(true)).lpBound : NaN);

  if (s.method === 'greedy') {
    const g = greedyPlan(red, prep, [comp]);
    for (const j of comp.candidates) if (g.open[j]) open[j] = 1;
    report.method = 'greedy';
    report.steps = reduceSteps(servable, inst.unitCount, inst.stepCount, comp.units).kept.length;
    report.lpRelaxationUsd = await lpBoundOnly();
    return finish();
  }

  if (s.method === 'auto' && line) {
    const steps = reduceSteps(servable, inst.unitCount, inst.stepCount, line.units);
    report.steps = steps.kept.length;
    const dp = solveLineDp(red, line, steps.kept);
    if (dp) {
      for (const c of dp.chain) open[line.candidates[c]] = 1;
      report.method = 'route-dp';
      report.lowerBoundUsd = dp.costUsd;
      report.optimal = true;
      report.lpRelaxationUsd = await lpBoundOnly();
      return finish();
    }
  }

  if (s.method === 'auto') {
    // The whole-component MILP under work limits (the same plan on any machine): every small component,
    // and large ones with few candidates, where it often proves the optimum quickly.
    const large = comp.units.length > s.decomposeAboveUnits;
    let exact: HallOutcome | null = null;
    if (!large || comp.candidates.length <= EXACT_FIRST_MAX_CANDIDATES) {
      exact = await hall(false, { pool: 'light', roundingCuts: true, ...EXACT_FIRST_WORK });
      if (exact.feasible && exact.optimal) return takeMilp(exact);
    } else if (comp.units.length <= ROUTE_ROOT_MAX_UNITS && onOneLine(red, comp)) {
      exact = await hall(false, { pool: 'light', roundingCuts: true, ...ROUTE_ROOT_WORK });
      if (exact.feasible && exact.optimal) return takeMilp(exact);
    }
    // Not proven: the windows too (work-limited as well), and the cheaper plan with the better bound.
    const win = await solveByWindows({
      inst: red,
      prep,
      comp,
      network,
      timeLimitSeconds: s.timeLimitSeconds,
      mipRelGap: s.mipRelGap,
      boundRunner: s.boundRunner,
      signal: s.signal,
      onProgress: s.onComponentProgress,
    });
    if (exact?.feasible && (!win.feasible || exact.capexUsd <= win.capexUsd))
      return takeMilp(exact, win.bound);
    for (const j of comp.candidates) if (win.open[j]) open[j] = 1;
    report.method = win.lpIntegral ? 'milp' : 'windows';
    report.lowerBoundUsd = Math.max(win.bound, exact?.bound ?? 0);
    const lps = [win.lpBound, exact?.lpBound ?? NaN].filter(Number.isFinite);
    report.lpRelaxationUsd = lps.length ? Math.max(...lps) : NaN;
    report.steps = reduceSteps(servable, inst.unitCount, inst.stepCount, comp.units).kept.length;
    if (win.lpIntegral) {
      notes.push({ key: 'lpIntegral' });
      return finish();
    }
    notes.push(
      note(large ? 'largeComponentByWindows' : 'componentByWindows', {
        units: comp.units.length,
        windows: win.windows,
        exact: win.exactWindows,
      }),
    );
    notes.push(...win.notes);
    if (!win.feasible) notes.push({ key: 'windowsNotRepaired' });
    return finish();
  }
  const out = await hall(false, { roundingCuts: true });
  if (out.feasible) return takeMilp(out);
  report.steps = Math.max(report.steps, out.steps);
  report.lpRelaxationUsd = out.lpBound;
  const g = greedyPlan(red, prep, [comp]);
  for (const j of comp.candidates) if (g.open[j]) open[j] = 1;
  report.method = 'greedy';
  report.lowerBoundUsd = out.bound;
  notes.unshift(note('greedyFallback', { reason: out.note ?? { key: 'milpNoPlan' } }));
  return finish();
}

async function solveCapped(
  inst: PlacementInstance,
  prep: Prepared,
  servable: ServableDemand,
  open: Uint8Array,
  s: SolveSettings,
): Promise<{ report: ComponentReport; notes: Note[] }> {
  const t0 = now();
  const comps = prep.components;
  const caps = { budgetUsd: inst.budgetUsd, maxNewSites: inst.maxNewSites };
  const warm = greedyOpen(inst, prep, comps, caps);
  const units = comps.reduce((a, c) => a + c.units.length, 0);
  const candidates = comps.reduce((a, c) => a + c.candidates.length, 0);
  const setOpen = (flags: Uint8Array) => {
    for (const c of comps) for (const j of c.candidates) open[j] = inst.existing[j] || flags[j] ? 1 : 0;
  };
  let report: ComponentReport;
  const unitSteps = s.method === 'greedy' ? 0 : cappedUnitSteps(inst, comps);
  if (s.method === 'greedy' || unitSteps > CAPPED_MAX_UNIT_STEPS) {
    setOpen(warm);
    const ceiling = servedCeilingMbpsHours(inst, prep, servable, caps);
    let capexUsd = 0;
    for (const c of comps) capexUsd += capexOf(inst, open, c.candidates);
    report = {
      units,
      candidates,
      steps: 0,
      method: 'greedy',
      capexUsd,
      lowerBoundUsd: 0,
      lpRelaxationUsd: NaN,
      optimal: false,
      ms: now() - t0,
      notes: [
        ...(s.method === 'greedy'
          ? []
          : [
              note('greedyFallback', {
                reason: note('cappedModelTooLarge', { unitSteps, limit: CAPPED_MAX_UNIT_STEPS }),
              }),
            ]),
        note('cappedCeiling', {
          mbpsHours: Math.max(0, Math.floor(ceiling.reachableMbpsHours - ceiling.ceilingMbpsHours)),
        }),
      ],
    };
  } else {
    const out = await solveCappedPlacement({
      inst,
      prep,
      components: comps,
      networks: servable.networks,
      ...caps,
      warm,
      timeLimitSeconds: s.timeLimitSeconds,
      mipRelGap: s.mipRelGap,
      signal: s.signal,
    });
    setOpen(out.open);
    const serviceNote = out.serviceOptimal
      ? note('cappedServiceOptimal')
      : note('cappedServiceBound', {
          bound: Math.round(out.unservedBoundMbpsHours),
          unserved: Math.round(out.unservedMbpsHours),
        });
    report = {
      units,
      candidates,
      steps: out.steps,
      method: out.usedMilp ? 'milp' : 'lp-dive',
      capexUsd: out.capexUsd,
      lowerBoundUsd: out.capexBoundUsd,
      lpRelaxationUsd: out.capexLpUsd,
      optimal: out.costOptimal,
      ms: now() - t0,
      notes: [serviceNote, ...out.notes],
    };
  }
  return { report, notes: [note('capped')] };
}

interface Service {
  openSites: Int32Array;
  load: Float64Array;
  served: Float64Array;
  covered: Uint8Array;
  demandMbpsHours: number;
  unservedMbpsHours: number;
}

/**
 * Demand served per unit and step, and load per open site and step, for the chosen sites: units under an
 * existing non-critical site get it all there; line components take the EDF sweep (a max flow there);
 * other components a max flow at each kept step, scaled to the steps it dominates when it served all.
 */
function computeService(
  inst: PlacementInstance,
  prep: Prepared,
  comps: readonly Component[],
  open: Uint8Array,
  plans: readonly ComponentPlan[],
): Service {
  const U = inst.unitCount;
  const T = inst.stepCount;
  const openList: number[] = [];
  for (let j = 0; j < inst.candidateCount; j++) if (open[j]) openList.push(j);
  const openSites = Int32Array.from(openList);
  const K = openSites.length;
  const siteSlot = new Int32Array(inst.candidateCount).fill(-1);
  openSites.forEach((j, k) => (siteSlot[j] = k));
  const load = new Float64Array(T * K);
  const served = new Float64Array(T * U);
  const covered = new Uint8Array(U);
  for (let i = 0; i < U; i++) {
    for (let k = prep.unitCandStart[i]; k < prep.unitCandStart[i + 1]; k++) {
      if (open[prep.unitCands[k]]) {
        covered[i] = 1;
        break;
      }
    }
  }
  for (let i = 0; i < U; i++) {
    const j = prep.preServedBy[i];
    if (j < 0) continue;
    const k = siteSlot[j];
    for (let t = 0; t < T; t++) {
      const d = inst.demandDlMbps[t * U + i];
      served[t * U + i] = d;
      load[t * K + k] += d;
    }
  }
  comps.forEach((comp, c) => {
    const line = plans[c]?.line ?? null;
    if (line) {
      const chain: number[] = [];
      line.candidates.forEach((j, q) => {
        if (open[j]) chain.push(q);
      });
      const chainArr = Int32Array.from(chain);
      const chainLoad = new Float64Array(chain.length);
      for (let t = 0; t < T; t++) {
        chainLoad.fill(0);
        edfServe(inst, line, chainArr, t, served, chainLoad);
        for (let q = 0; q < chain.length; q++)
          load[t * K + siteSlot[line.candidates[chain[q]]]] += chainLoad[q];
      }
      return;
    }
    serveByFlow(inst, prep, comp, open, siteSlot, load, served, K);
  });
  let demandMbpsHours = 0;
  let unservedMbpsHours = 0;
  for (let t = 0; t < T; t++) {
    for (let i = 0; i < U; i++) {
      const d = inst.demandDlMbps[t * U + i];
      demandMbpsHours += d * inst.stepHours;
      let s = served[t * U + i];
      if (s > d) s = served[t * U + i] = d;
      if (d - s > 1e-9 * (1 + d)) unservedMbpsHours += (d - s) * inst.stepHours;
      else served[t * U + i] = d;
    }
  }
  return { openSites, load, served, covered, demandMbpsHours, unservedMbpsHours };
}

function serveByFlow(
  inst: PlacementInstance,
  prep: Prepared,
  comp: Component,
  open: Uint8Array,
  siteSlot: Int32Array,
  load: Float64Array,
  served: Float64Array,
  K: number,
): void {
  const U = inst.unitCount;
  const sites: number[] = [];
  for (const j of comp.candidates) if (open[j]) sites.push(j);
  if (sites.length === 0) return;
  const localSite = new Map<number, number>();
  sites.forEach((j, q) => localSite.set(j, q));
  // Unit → open sites, nearest first (coverage distance when known, else candidate order).
  const n = comp.units.length;
  const unitSites: Int32Array[] = [];
  const unitLocal = new Map<number, number>();
  comp.units.forEach((i, k) => unitLocal.set(i, k));
  const lists: { q: number; d: number }[][] = Array.from({ length: n }, () => []);
  for (const j of sites) {
    for (let k = inst.coverStart[j]; k < inst.coverStart[j + 1]; k++) {
      const u = unitLocal.get(inst.coverUnits[k]);
      if (u === undefined) continue;
      lists[u].push({ q: localSite.get(j) as number, d: inst.coverDistanceKm ? inst.coverDistanceKm[k] : 0 });
    }
  }
  for (let u = 0; u < n; u++) {
    lists[u].sort((a, b) => a.d - b.d || a.q - b.q);
    unitSites.push(Int32Array.from(lists[u], (e) => e.q));
  }
  const net = new ServiceNetwork(unitSites, sites.length);
  const capacity = Float64Array.from(sites, (j) => inst.usableDlMbps[j]);
  const demand = new Float64Array(n);
  const unitServed = new Float64Array(n);
  const siteLoad = new Float64Array(sites.length);
  const red = reduceSteps(inst.demandDlMbps, U, inst.stepCount, comp.units);
  // Flows at kept steps that served everything, to scale onto the steps they dominate.
  const fullFlows = new Map<number, Float64Array[]>();
  const runAt = (t: number) => {
    for (let u = 0; u < n; u++) demand[u] = inst.demandDlMbps[t * U + comp.units[u]];
    net.serve(demand, capacity, unitServed, siteLoad);
    for (let u = 0; u < n; u++) served[t * U + comp.units[u]] += unitServed[u];
    for (let q = 0; q < sites.length; q++) load[t * K + siteSlot[sites[q]]] += siteLoad[q];
  };
  for (const t of red.kept) {
    runAt(t);
    let all = true;
    for (let u = 0; u < n && all; u++) if (demand[u] - unitServed[u] > 1e-9 * (1 + demand[u])) all = false;
    if (all) {
      fullFlows.set(
        t,
        unitSites.map((list, u) =>
          Float64Array.from(list, (_, q) => (demand[u] > 0 ? net.arcFlow(u, q) / demand[u] : 0)),
        ),
      );
    }
  }
  for (let t = 0; t < inst.stepCount; t++) {
    const by = red.dominatedBy[t];
    if (by < 0 || by === t) continue;
    const shares = fullFlows.get(by);
    if (!shares) {
      runAt(t);
      continue;
    }
    for (let u = 0; u < n; u++) {
      const d = inst.demandDlMbps[t * U + comp.units[u]];
      if (!(d > 0)) continue;
      const share = shares[u];
      const list = unitSites[u];
      let sum = 0;
      for (let q = 0; q < list.length; q++) sum += share[q];
      // Dominating step's demand was positive here (it dominates), so its shares sum to 1.
      for (let q = 0; q < list.length; q++) {
        const f = (share[q] / (sum > 0 ? sum : 1)) * d;
        load[t * K + siteSlot[sites[list[q]]]] += f;
      }
      served[t * U + comp.units[u]] += d;
    }
  }
}
