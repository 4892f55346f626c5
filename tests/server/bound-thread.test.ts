import { describe, expect, it } from 'vitest';
import { computeBound, prepareInstance, type BoundTask } from '../../shared/placement';
import { boundOnThread } from '../../server/jobs/bound-thread';
import { routeCandidates, routeUnits, syntheticInstance } from '../placement/instances';

function task(): BoundTask {
  const units = routeUnits(60);
  const wave = (centre: number) => units.map((u) => 2 + 60 * Math.exp(-(((u.x - centre) / 6) ** 2)));
  const inst = syntheticInstance({
    units,
    demand: Array.from({ length: 8 }, (_, t) => wave(5 + 7 * t)),
    candidates: [
      ...routeCandidates(60, 1, { rangeKm: 6, usableDlMbps: 100, costUsd: 60_000, typeIndex: 0 }),
      ...routeCandidates(60, 1, { rangeKm: 2, usableDlMbps: 900, costUsd: 180_000, typeIndex: 1 }),
    ],
  });
  const comp = prepareInstance(inst).components[0];
  return {
    inst,
    units: comp.units,
    candidates: comp.candidates,
    maxLpRounds: 6,
    timeLimitSeconds: 60,
    mipRelGap: 1e-4,
  };
}

describe('the bound on a worker thread', () => {
  it('gives exactly the bound computed on this thread', async () => {
    const here = await computeBound(task());
    const there = await boundOnThread(task());
    expect(here.lpBound).toBeGreaterThan(0);
    expect(there).toEqual(here);
  });

  it('ends the thread and rejects when the plan is cancelled', async () => {
    const controller = new AbortController();
    const running = boundOnThread(task(), controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(running).rejects.toThrow('cancelled');
    await expect(boundOnThread(task(), controller.signal)).rejects.toThrow('cancelled');
  });
});
