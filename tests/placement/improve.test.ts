import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  componentNetwork,
  greedyPlan,
  prepareInstance,
  reduceSteps,
  solveHall,
  type PlacementInstance,
} from '../../shared/placement';
import { improveByWindows } from '../../shared/placement/improve';
import { bruteForce, maxServed } from './brute-force';
import { routeCandidates, routeUnits, syntheticInstance, twoTypeWaveRoute } from './instances';

const WORK = { maxLpRounds: 30, maxMilpNodes: 500, maxMilpRounds: 8 };

function capexOf(inst: PlacementInstance, open: Uint8Array): number {
  let usd = 0;
  for (let j = 0; j < inst.candidateCount; j++) if (open[j] && !inst.existing[j]) usd += inst.costUsd[j];
  return usd;
}

/** Every step (kept or not) served in full by the open sites (independent dense max flow). */
function servesEveryStep(inst: PlacementInstance, open: Uint8Array): boolean {
  const flags = Array.from(
    { length: inst.candidateCount },
    (_, j) => open[j] === 1 || inst.existing[j] === 1,
  );
  for (let t = 0; t < inst.stepCount; t++) {
    let demand = 0;
    for (let i = 0; i < inst.unitCount; i++) demand += inst.demandDlMbps[t * inst.unitCount + i];
    if (maxServed(inst, flags, t) < demand - 1e-7 * (1 + demand)) return false;
  }
  return true;
}

/** Every candidate of a component open (those outside components serve no demand). */
function allComponentCandidates(inst: PlacementInstance): Uint8Array {
  const open = new Uint8Array(inst.candidateCount);
  for (const comp of prepareInstance(inst).components) for (const j of comp.candidates) open[j] = 1;
  return open;
}

/** Improves `open` (global flags) component by component with the given windows per component. */
async function improve(
  inst: PlacementInstance,
  open: Uint8Array,
  windowsOf: (units: Int32Array) => number[][],
  maxFreeCandidates = 1000,
) {
  const prep = prepareInstance(inst);
  let improvedWindows = 0;
  let solvedWindows = 0;
  for (const comp of prep.components) {
    const out = await improveByWindows({
      inst,
      prep,
      comp,
      network: componentNetwork(inst, comp),
      steps: reduceSteps(inst.demandDlMbps, inst.unitCount, inst.stepCount, comp.units).kept,
      open,
      windows: windowsOf(comp.units),
      work: WORK,
      maxFreeCandidates,
      timeLimitSeconds: 30,
      mipRelGap: 1e-6,
    });
    improvedWindows += out.improvedWindows;
    solvedWindows += out.solvedWindows;
  }
  return { improvedWindows, solvedWindows };
}

/**
 * Random tiny instances that every candidate together serves in full: units every 0.5 km on a line (with
 * sites reaching 1 or 2 units either side, so a one-unit window leaves most sites fixed) or on a grid.
 */
const servableSpec = fc
  .record({
    plane: fc.boolean(),
    unitCount: fc.integer({ min: 2, max: 12 }),
    candidates: fc.array(
      fc.record({
        x: fc.integer({ min: 0, max: 11 }),
        y: fc.integer({ min: 0, max: 2 }),
        big: fc.boolean(),
        existing: fc.integer({ min: 0, max: 99 }),
      }),
      { minLength: 2, maxLength: 11 },
    ),
    steps: fc.array(fc.array(fc.constantFrom(0, 1, 2, 3, 5, 8), { minLength: 12, maxLength: 12 }), {
      minLength: 1,
      maxLength: 4,
    }),
  })
  .map((r) => {
    const units = Array.from({ length: r.unitCount }, (_, i) =>
      r.plane ? { x: (i % 4) * 0.5, y: Math.floor(i / 4) * 0.5 } : { x: i * 0.5, y: 0 },
    );
    return {
      units,
      demand: r.steps.map((row) => units.map((_, i) => row[i])),
      candidates: r.candidates.map((c) => ({
        x: c.x * 0.5,
        y: r.plane ? c.y * 0.5 : 0,
        rangeKm: c.big ? 1.1 : 0.6,
        usableDlMbps: c.big ? 20 : 8,
        costUsd: c.big ? 25_000 : 10_000,
        typeIndex: c.big ? 1 : 0,
        existing: c.existing < 10,
      })),
    };
  })
  .filter((spec) => {
    const inst = syntheticInstance(spec);
    return servesEveryStep(inst, new Uint8Array(inst.candidateCount).fill(1));
  });

describe('fix-and-optimise (improve.ts)', () => {
  it('from every candidate open, one-unit windows keep every step served, never cost more, never beat the optimum', async () => {
    await fc.assert(
      fc.asyncProperty(servableSpec, async (spec) => {
        const inst = syntheticInstance(spec);
        const open = allComponentCandidates(inst);
        const before = capexOf(inst, open);
        await improve(inst, open, (units) => Array.from(units, (u) => [u]));
        expect(servesEveryStep(inst, open)).toBe(true);
        expect(capexOf(inst, open)).toBeLessThanOrEqual(before);
        expect(capexOf(inst, open)).toBeGreaterThanOrEqual(bruteForce(inst).capexUsd - 1e-6);
      }),
      { numRuns: 60, seed: 3001 },
    );
  });

  it('one window over the whole component is the whole problem: it finds the optimum', async () => {
    await fc.assert(
      fc.asyncProperty(servableSpec, async (spec) => {
        const inst = syntheticInstance(spec);
        const open = allComponentCandidates(inst);
        await improve(inst, open, (units) => [Array.from(units)]);
        expect(servesEveryStep(inst, open)).toBe(true);
        expect(capexOf(inst, open)).toBeCloseTo(bruteForce(inst).capexUsd, 6);
      }),
      { numRuns: 40, seed: 3002 },
    );
  });

  it('a two-type route: greedy’s plan gets cheaper window by window and still serves every step', async () => {
    const inst = twoTypeWaveRoute(40, 24, 5);
    const prep = prepareInstance(inst);
    const open = Uint8Array.from(greedyPlan(inst, prep, prep.components).open);
    expect(servesEveryStep(inst, open)).toBe(true);
    const before = capexOf(inst, open);
    const byChainage = (units: Int32Array) => {
      const sorted = Array.from(units).sort((a, b) => inst.unitChainageKm[a] - inst.unitChainageKm[b]);
      const out: number[][] = [];
      for (let k = 0; k < sorted.length; k += 10) out.push(sorted.slice(k, k + 10));
      return out;
    };
    const result = await improve(inst, open, byChainage);
    expect(result.improvedWindows).toBeGreaterThan(0);
    expect(capexOf(inst, open)).toBeLessThan(before);
    expect(servesEveryStep(inst, open)).toBe(true);
  });

  it('skips windows with more free candidates than allowed and leaves the plan as it was', async () => {
    const inst = twoTypeWaveRoute(20, 12, 5);
    const prep = prepareInstance(inst);
    const open = Uint8Array.from(greedyPlan(inst, prep, prep.components).open);
    const before = Uint8Array.from(open);
    const result = await improve(inst, open, (units) => [Array.from(units)], 3);
    expect(result.solvedWindows).toBe(0);
    expect(Array.from(open)).toEqual(Array.from(before));
  });

  it('the Hall MILP takes the given start; one the LP proves optimal ends the solve without a MILP', async () => {
    // Coverage-bound, one site type: the interval LP is integral, so its bound is the optimum.
    const units = routeUnits(20);
    const inst = syntheticInstance({
      units,
      demand: [units.map(() => 1), units.map((u) => 1 + u.x / 10)],
      candidates: routeCandidates(20, 1, { rangeKm: 2.5, usableDlMbps: 1000, costUsd: 60_000, typeIndex: 0 }),
      line: false,
    });
    const prep = prepareInstance(inst);
    const comp = prep.components[0];
    const request = {
      inst,
      prep,
      comp,
      network: componentNetwork(inst, comp),
      timeLimitSeconds: 30,
      mipRelGap: 1e-6,
      pool: 'light' as const,
      ...WORK,
    };
    const plain = await solveHall(request);
    expect(plain.optimal).toBe(true);
    // Every candidate open: feasible but dear, so the MILP runs and finds the optimum again.
    const fromAll = await solveHall({ ...request, start: allComponentCandidates(inst) });
    expect(fromAll.milpRounds).toBeGreaterThan(0);
    expect(fromAll.capexUsd).toBeCloseTo(plain.capexUsd, 6);
    // The optimum itself: the LP rounds prove it (rounded up to the cost grain), no MILP.
    const fromBest = await solveHall({ ...request, start: plain.open });
    expect(fromBest.milpRounds).toBe(0);
    expect(fromBest.optimal).toBe(true);
    expect(fromBest.capexUsd).toBeCloseTo(plain.capexUsd, 6);
    expect(Array.from(fromBest.open)).toEqual(Array.from(plain.open));
  });
});
