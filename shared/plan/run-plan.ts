/**
 * `runPlan`: the pipeline end to end — crowd flow → demand → radio (range, capacity, model validity per
 * site type) → placement → the plan (sites, service per segment and step, unserved stretches, KPIs).
 * Pure: no I/O. Async because the MILP solver loads asynchronously.
 */
import { simulateCrowd } from '../crowd';
import { estimateDemand } from '../demand';
import { planSites, radioBySiteType, type PlacementOptions } from '../placement';
import { note, uniqueNotes, type Note } from '../notes';
import { siteLoadLimit, siteRangeKm } from '../radio';
import type { Scenario } from '../scenario';
import { planKpis } from './kpis';
import { plannedSites } from './plan-sites-report';
import { hotspotService, routeService, unservedStretches } from './service';
import type { PlanResult } from './types';

/** Options of `runPlan`. */
export interface RunPlanOptions {
  /**
   * Progress: the current stage ('crowd flow', 'demand', 'radio', 'placement', 'report') and the fraction
   * of the whole run done, 0..1 (monotone).
   */
  onProgress?: (stage: string, fraction: number) => void;
  /** Cancels between stages and between placement components (rejects with the signal's reason). */
  signal?: AbortSignal;
  /** Solver settings (time limit, method); defaults from the scenario's planning section. */
  placement?: Omit<PlacementOptions, 'signal' | 'onProgress'>;
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/**
 * Radio notes on the site types the plan may use (planned types and existing sites' types): inputs outside
 * the propagation model's validity range, and types whose uplink caps their load below the downlink's.
 */
export function radioWarnings(scenario: Scenario): Note[] {
  const used = new Set([...scenario.planning.siteTypes, ...scenario.existingSites.map((s) => s.siteType)]);
  const out: Note[] = [];
  for (const t of scenario.siteTypes) {
    if (!used.has(t.id)) continue;
    const range = siteRangeKm(t);
    for (const n of range.validity.notes) out.push(note('siteType', { name: t.name, id: t.id, note: n }));
    const load = siteLoadLimit({ siteType: t, uplinkShare: scenario.demand.uplinkShare });
    if (load.limitedBy === 'UL') {
      const limit = note('uplinkLimitsLoad', {
        usableMbps: Math.round(load.usableDlMbps),
        uplinkPercent: Math.round(scenario.demand.uplinkShare * 100),
        dlOnlyMbps: Math.round(load.capacityDlMbps * t.maxUtilization),
      });
      out.push(note('siteType', { name: t.name, id: t.id, note: limit }));
    }
  }
  return out;
}

/** Runs the whole pipeline on a parsed scenario; see the file comment. */
export async function runPlan(scenario: Scenario, options: RunPlanOptions = {}): Promise<PlanResult> {
  const { onProgress, signal } = options;
  const started = now();
  const stageMs: Record<string, number> = {};
  let mark = now();
  const stage = (name: string, fraction: number) => {
    signal?.throwIfAborted();
    onProgress?.(name, fraction);
  };
  const done = (name: string) => {
    const t = now();
    stageMs[name] = t - mark;
    mark = t;
  };

  stage('crowd flow', 0);
  const crowd = simulateCrowd(scenario);
  done('crowd');
  stage('demand', 0.15);
  const demand = estimateDemand(scenario, crowd);
  done('demand');
  stage('radio', 0.2);
  const radio = radioBySiteType(scenario.siteTypes, scenario.demand.uplinkShare);
  const notes = radioWarnings(scenario);
  done('radio');
  stage('placement', 0.22);
  const placement = await planSites(
    { scenario, crowd, demand, radio },
    {
      ...options.placement,
      signal,
      onProgress: (f) => onProgress?.('placement', 0.22 + 0.7 * Math.min(1, Math.max(0, f))),
    },
  );
  done('placement');
  stage('report', 0.93);
  const grid = demand.grid;
  const sites = plannedSites(scenario, placement, grid);
  const service = routeService(crowd, demand, placement);
  const unserved = unservedStretches(scenario, crowd, grid, placement);
  done('report');
  const kpis = planKpis(placement, sites, unserved, now() - started, stageMs);
  notes.push(...placement.solution.notes);
  onProgress?.('report', 1);
  return {
    scenarioName: scenario.name,
    grid,
    crowd,
    demand,
    sites,
    service,
    unserved,
    kpis,
    notes: uniqueNotes(notes),
    hotspotService: hotspotService(scenario, placement),
  };
}
