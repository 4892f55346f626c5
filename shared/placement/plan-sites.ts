/**
 * `planSites`: the placement stage of the pipeline — build the instance from the scenario and the
 * crowd/demand results, then solve it. Async because the MILP solver (HiGHS, WebAssembly) loads
 * asynchronously.
 */
import { buildPlacementInstance, type BuiltInstance, type PlacementProblem } from './instance';
import { solvePlacement } from './solve';
import type { PlacementOptions, PlacementSolution } from './types';

/** Output of `planSites`: the instance (with its map back onto the scenario) and the solution. */
export interface PlacementResult extends BuiltInstance {
  solution: PlacementSolution;
}

/**
 * Cheapest set of new sites (with the existing ones, used first) serving every route segment and hotspot
 * cell at every time step within each site's usable DL capacity; when a budget or site cap binds, the
 * most served Mbps·h, then the least capex. Time limit from `options`, else
 * `scenario.planning.timeLimitSeconds`, else 20 s per MILP solve.
 */
export async function planSites(
  problem: PlacementProblem,
  options: PlacementOptions = {},
): Promise<PlacementResult> {
  const built = buildPlacementInstance(problem);
  const solution = await solvePlacement(built.instance, {
    ...options,
    timeLimitSeconds: options.timeLimitSeconds ?? problem.scenario.planning.timeLimitSeconds,
  });
  return { ...built, solution };
}
