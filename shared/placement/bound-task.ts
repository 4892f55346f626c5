/**
 * The lower bound of a large component as a task apart from its plan. The windows (decompose.ts) need the
 * Hall LP of a few rounds as guidance; the bound gains from more rounds (default scenario: US$ 60.4 M after
 * 4 rounds, 61.3 M after 12). A `BoundRunner` computes the longer LP elsewhere — on another thread while
 * this one plans the windows (server/jobs/bound-thread.ts) — and gives the same value as computing it
 * here: the task is plain data and the LP is deterministic.
 */
import { solveHall } from './hall';
import { prepareInstance, type Component } from './prepare';
import { componentNetwork } from './servable';
import type { PlacementInstance } from './types';

/** Everything the bound of one component needs (structured-clonable: typed arrays and numbers). */
export interface BoundTask {
  /** The instance with the component's demand reduced to what is servable. */
  inst: PlacementInstance;
  units: Int32Array;
  candidates: Int32Array;
  /** LP rounds of Hall-cut (and rounding-cut) generation: the work limit. */
  maxLpRounds: number;
  /** A guard only. */
  timeLimitSeconds: number;
  mipRelGap: number;
}

/** The Hall LP value after the task's rounds (NaN when the LP did not solve). */
export interface BoundResult {
  lpBound: number;
  lpRounds: number;
}

/** Computes a `BoundTask` somewhere (another thread); rejects when it cannot. */
export type BoundRunner = (task: BoundTask, signal?: AbortSignal) => Promise<BoundResult>;

/** Options of the Hall LP shared by the bound task and the guidance LP of the windows. */
export const BOUND_LP_OPTIONS = { lpOnly: true, pool: 'light', roundingCuts: true } as const;

/** Computes the bound task on this thread (what every `BoundRunner` runs). */
export async function computeBound(task: BoundTask): Promise<BoundResult> {
  const comp: Component = { units: task.units, candidates: task.candidates };
  const lp = await solveHall({
    ...BOUND_LP_OPTIONS,
    inst: task.inst,
    prep: prepareInstance(task.inst),
    comp,
    network: componentNetwork(task.inst, comp),
    timeLimitSeconds: task.timeLimitSeconds,
    mipRelGap: task.mipRelGap,
    maxLpRounds: task.maxLpRounds,
  });
  return { lpBound: lp.lpBound, lpRounds: lp.lpRounds };
}
