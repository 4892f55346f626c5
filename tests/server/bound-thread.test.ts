import { describe, expect, it } from 'vitest';
import { computeBound, prepareInstance, type BoundTask } from '../../shared/placement';
import { boundOnThread } from '../../server/jobs/bound-thread';
import { twoTypeWaveRoute } from '../placement/instances';

function task(): BoundTask {
  const inst = twoTypeWaveRoute(60, 8, 5);
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
