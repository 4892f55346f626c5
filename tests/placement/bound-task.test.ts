import { describe, expect, it } from 'vitest';
import {
  componentNetwork,
  computeBound,
  prepareInstance,
  solveHall,
  solveByWindows,
  BOUND_LP_OPTIONS,
  type BoundRunner,
  type BoundTask,
} from '../../shared/placement';
import { twoTypeWaveRoute } from './instances';

/** A 100 km two-type route with a crowd wave over 12 steps, its one component and network. */
function waveComponent() {
  const inst = twoTypeWaveRoute(100, 12, 10);
  const prep = prepareInstance(inst);
  const comp = prep.components[0];
  return { inst, prep, comp, network: componentNetwork(inst, comp) };
}

/** The Hall LP of the bound (its options) over `maxLpRounds` rounds. */
function boundLp(maxLpRounds: number, guidanceAtRound?: number) {
  return solveHall({
    ...waveComponent(),
    ...BOUND_LP_OPTIONS,
    timeLimitSeconds: 60,
    mipRelGap: 1e-4,
    maxLpRounds,
    guidanceAtRound,
  });
}

function boundTask(maxLpRounds: number): BoundTask {
  const { inst, comp } = waveComponent();
  return {
    inst,
    units: comp.units,
    candidates: comp.candidates,
    maxLpRounds,
    timeLimitSeconds: 60,
    mipRelGap: 1e-4,
  };
}

describe('the bound LP apart from the guidance LP', () => {
  it('a run of more rounds keeps the LP point of the guidance round: the same as a run of exactly that many', async () => {
    const short = await boundLp(2);
    const long = await boundLp(8, 2);
    expect(long.lpRounds).toBeGreaterThan(2);
    expect(long.lpBound).toBeGreaterThan(short.lpBound);
    expect(long.guidance?.lpBound).toBe(short.lpBound);
    expect(Array.from(long.guidance?.lpSolution ?? [])).toEqual(Array.from(short.lpSolution ?? []));
    expect(Array.from(long.guidance?.lpReducedCostUsd ?? [])).toEqual(
      Array.from(short.lpReducedCostUsd ?? []),
    );
    // The bound task computes that longer LP.
    const task = await computeBound(boundTask(8));
    expect(task.lpBound).toBe(long.lpBound);
  });

  it('windows plan the same and prove the same bound with the bound run elsewhere, and when that fails', async () => {
    const windows = (boundRunner?: BoundRunner) =>
      solveByWindows({
        ...waveComponent(),
        timeLimitSeconds: 30,
        mipRelGap: 1e-4,
        lpRounds: { guidance: 2, bound: 8 },
        boundRunner,
      });
    const here = await windows();
    const tasks: BoundTask[] = [];
    const away = await windows((task) => {
      tasks.push(task);
      return computeBound(task);
    });
    const failing = await windows(() => Promise.reject(new Error('no thread')));
    expect(tasks.map((t) => t.maxLpRounds)).toEqual([8]);
    expect(here.feasible).toBe(true);
    // The bound is the 8-round LP's, above the 2-round LP that guided the windows.
    const guidanceOnly = await boundLp(2);
    expect(here.lpBound).toBe((await computeBound(tasks[0])).lpBound);
    expect(here.lpBound).toBeGreaterThan(guidanceOnly.lpBound);
    for (const other of [away, failing]) {
      expect(Array.from(other.open)).toEqual(Array.from(here.open));
      expect(other.capexUsd).toBe(here.capexUsd);
      expect(other.bound).toBe(here.bound);
      expect(other.lpBound).toBe(here.lpBound);
    }
  });
});
