import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  componentNetwork,
  prepareInstance,
  greedyOpen,
  solveCappedPlacement,
  capNeeds,
  servedCeilingMbpsHours,
  servableDemand,
  solveHall,
  solveMilp,
  solvePlacement,
  type PlacementInstance,
  type PlacementSolution,
} from '../../shared/placement';
import { bruteForce, demandMbpsHours, eachPlanWithinCaps, maxServed } from './brute-force';
import { syntheticInstance, type SyntheticSpec } from './instances';

/** Random tiny instances: units on a line or a 2-D grid, one or two site types, capacity and coverage. */
function specArbitrary(opts: { plane: boolean; caps: boolean }): fc.Arbitrary<SyntheticSpec> {
  const type = fc.record({
    rangeKm: fc.constantFrom(0.6, 1.1, 1.6),
    usableDlMbps: fc.constantFrom(6, 10, 20, 40),
    costUsd: fc.constantFrom(10_000, 15_000, 25_000),
  });
  return fc
    .record({
      unitCount: fc.integer({ min: 2, max: opts.plane ? 9 : 8 }),
      types: fc.array(type, { minLength: 1, maxLength: 2 }),
      candidates: fc.array(
        fc.record({
          x: fc.integer({ min: 0, max: 8 }),
          y: fc.integer({ min: 0, max: 2 }),
          type: fc.nat(1),
          existing: fc.integer({ min: 0, max: 99 }),
        }),
        { minLength: 1, maxLength: 11 },
      ),
      steps: fc.array(fc.array(fc.constantFrom(0, 0, 1, 2, 3, 5, 8), { minLength: 9, maxLength: 9 }), {
        minLength: 1,
        maxLength: 4,
      }),
      budget: opts.caps
        ? fc.option(fc.constantFrom(10_000, 25_000, 40_000), { nil: undefined })
        : fc.constant(undefined),
      maxNew: opts.caps
        ? fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined })
        : fc.constant(undefined),
    })
    .map((r) => {
      const units = Array.from({ length: r.unitCount }, (_, i) =>
        opts.plane ? { x: (i % 3) * 0.5 * 2, y: Math.floor(i / 3) * 0.5 } : { x: i * 0.5 },
      );
      const candidates = r.candidates.map((c) => {
        const t = r.types[c.type % r.types.length];
        return {
          x: c.x * 0.5,
          y: opts.plane ? c.y * 0.5 : 0,
          ...t,
          typeIndex: c.type % r.types.length,
          existing: c.existing < 10,
        };
      });
      return {
        units,
        demand: r.steps.map((row) => units.map((_, i) => row[i])),
        candidates,
        ...(r.budget !== undefined ? { budgetUsd: r.budget } : {}),
        ...(r.maxNew !== undefined ? { maxNewSites: r.maxNew } : {}),
      };
    });
}

/** The solver's service must be a real flow: loads within capacity, service within demand and reach. */
function checkServiceConsistency(inst: PlacementInstance, sol: PlacementSolution): void {
  const U = inst.unitCount;
  const K = sol.openSites.length;
  for (let t = 0; t < inst.stepCount; t++) {
    let served = 0;
    let load = 0;
    for (let i = 0; i < U; i++) {
      expect(sol.servedDlMbps[t * U + i]).toBeLessThanOrEqual(inst.demandDlMbps[t * U + i] + 1e-9);
      served += sol.servedDlMbps[t * U + i];
    }
    for (let k = 0; k < K; k++) {
      expect(sol.siteLoadDlMbps[t * K + k]).toBeLessThanOrEqual(
        inst.usableDlMbps[sol.openSites[k]] * (1 + 1e-7) + 1e-9,
      );
      load += sol.siteLoadDlMbps[t * K + k];
    }
    expect(load).toBeCloseTo(served, 6);
    const flags = Array.from({ length: inst.candidateCount }, (_, j) => sol.open[j] === 1);
    expect(served).toBeCloseTo(maxServed(inst, flags, t), 6);
  }
}

async function compareWithBruteForce(spec: SyntheticSpec, method: 'auto' | 'milp'): Promise<void> {
  const inst = syntheticInstance(spec);
  const best = bruteForce(inst);
  const sol = await solvePlacement(inst, { method, timeLimitSeconds: 30 });
  const tol = 1e-6 * (1 + best.demandMbpsHours);
  expect(sol.servedMbpsHours).toBeGreaterThan(best.servedMbpsHours - tol);
  expect(sol.servedMbpsHours).toBeLessThan(best.servedMbpsHours + tol);
  expect(sol.capexUsd).toBeCloseTo(best.capexUsd, 6);
  expect(sol.lowerBoundUsd).toBeLessThanOrEqual(best.capexUsd + 1e-6);
  checkServiceConsistency(inst, sol);
}

describe('placement against brute force (objective values, random tiny instances)', () => {
  it('line instances, uncapped: DP/MILP optimum equals exhaustive search', async () => {
    await fc.assert(
      fc.asyncProperty(specArbitrary({ plane: false, caps: false }), (spec) =>
        compareWithBruteForce(spec, 'auto'),
      ),
      { numRuns: 120, seed: 20250814 },
    );
  });

  it('line instances, uncapped, MILP everywhere: same optimum', async () => {
    await fc.assert(
      fc.asyncProperty(specArbitrary({ plane: false, caps: false }), (spec) =>
        compareWithBruteForce(spec, 'milp'),
      ),
      { numRuns: 60, seed: 7 },
    );
  });

  it('planar (hotspot-like) instances with budget and site caps: max served, then min capex', async () => {
    await fc.assert(
      fc.asyncProperty(specArbitrary({ plane: true, caps: true }), (spec) =>
        compareWithBruteForce(spec, 'auto'),
      ),
      { numRuns: 120, seed: 1446 },
    );
  });

  it('window decomposition with local search: feasible, never below the optimum, bound at most it', async () => {
    await fc.assert(
      fc.asyncProperty(specArbitrary({ plane: true, caps: false }), async (spec) => {
        const inst = syntheticInstance(spec);
        const best = bruteForce(inst);
        const sol = await solvePlacement(inst, { timeLimitSeconds: 30, decomposeAboveUnits: 0 });
        const tol = 1e-6 * (1 + best.demandMbpsHours);
        expect(sol.servedMbpsHours).toBeGreaterThan(best.servedMbpsHours - tol);
        expect(sol.capexUsd).toBeGreaterThanOrEqual(best.capexUsd - 1e-6);
        expect(sol.lowerBoundUsd).toBeLessThanOrEqual(best.capexUsd + 1e-6);
        expect(sol.lpRelaxationUsd || 0).toBeLessThanOrEqual(best.capexUsd + 1e-6);
        checkServiceConsistency(inst, sol);
      }),
      { numRuns: 80, seed: 2025 },
    );
  });

  it('line instances with caps', async () => {
    await fc.assert(
      fc.asyncProperty(specArbitrary({ plane: false, caps: true }), (spec) =>
        compareWithBruteForce(spec, 'auto'),
      ),
      { numRuns: 80, seed: 99 },
    );
  });
});

/** Least capex over every subset within the caps that leaves at most `unserved` Mbps·h unserved. */
function leastCapexServing(inst: PlacementInstance, unserved: number): number {
  const demand = demandMbpsHours(inst);
  let best = Infinity;
  eachPlanWithinCaps(inst, (_flags, cost, _count, served) => {
    if (cost < best && demand - served() <= unserved + 1e-7 * (1 + demand)) best = cost;
  });
  return best;
}

describe('the capped solver without its MILP (LP diving and closing sites, as on large models)', () => {
  it('stays within the caps, never beats the optimum, and both proven bounds hold', async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(specArbitrary({ plane: true, caps: true }), async (spec) => {
        const inst = syntheticInstance(spec);
        if (inst.budgetUsd === undefined && inst.maxNewSites === undefined) return;
        const best = bruteForce(inst);
        const prep = prepareInstance(inst);
        const caps = { budgetUsd: inst.budgetUsd, maxNewSites: inst.maxNewSites };
        const out = await solveCappedPlacement({
          inst,
          prep,
          components: prep.components,
          networks: prep.components.map((c) => componentNetwork(inst, c)),
          ...caps,
          warm: greedyOpen(inst, prep, prep.components, caps),
          timeLimitSeconds: 30,
          mipRelGap: 1e-4,
          milpMaxColumns: 0,
        });
        // Units no candidate reaches lie outside the components, unserved whatever the plan.
        let outside = 0;
        for (let t = 0; t < inst.stepCount; t++)
          for (let i = 0; i < inst.unitCount; i++)
            if (prep.unreachable[i]) outside += inst.demandDlMbps[t * inst.unitCount + i] * inst.stepHours;
        const tol = 1e-6 * (1 + best.demandMbpsHours);
        const optimumUnserved = best.demandMbpsHours - best.servedMbpsHours;
        expect(out.unservedMbpsHours + outside).toBeGreaterThan(optimumUnserved - tol);
        expect(out.unservedBoundMbpsHours + outside).toBeLessThan(optimumUnserved + tol);
        // The LP values themselves, not only the bounds clipped to the plan.
        if (Number.isFinite(out.unservedLpMbpsHours))
          expect(out.unservedLpMbpsHours + outside).toBeLessThan(optimumUnserved + tol);
        let count = 0;
        let capex = 0;
        for (let j = 0; j < inst.candidateCount; j++)
          if (out.open[j] && !inst.existing[j]) {
            count++;
            capex += inst.costUsd[j];
          }
        if (inst.maxNewSites !== undefined) expect(count).toBeLessThanOrEqual(inst.maxNewSites);
        if (inst.budgetUsd !== undefined) expect(capex).toBeLessThanOrEqual(inst.budgetUsd + 1e-6);
        expect(out.capexUsd).toBeCloseTo(capex, 6);
        const leastCapex = leastCapexServing(inst, out.unservedMbpsHours + outside);
        expect(out.capexBoundUsd).toBeLessThanOrEqual(leastCapex + 1e-6);
        if (Number.isFinite(out.capexLpUsd)) expect(out.capexLpUsd).toBeLessThanOrEqual(leastCapex + 1e-6);
        checked++;
      }),
      { numRuns: 80, seed: 512 },
    );
    expect(checked).toBeGreaterThan(20);
  });
});

describe('the capped solver, aborted', () => {
  it('rejects with the abort reason instead of returning a plan', async () => {
    const inst = syntheticInstance({
      units: [0, 1, 2, 3].map((i) => ({ x: i * 0.5 })),
      demand: [[5, 5, 5, 5]],
      candidates: [0, 1].map((x) => ({ x, rangeKm: 1.1, usableDlMbps: 10, costUsd: 10_000 })),
      maxNewSites: 1,
    });
    const prep = prepareInstance(inst);
    const controller = new AbortController();
    controller.abort(new Error('cancelled by the planner'));
    await expect(
      solveCappedPlacement({
        inst,
        prep,
        components: prep.components,
        networks: prep.components.map((c) => componentNetwork(inst, c)),
        maxNewSites: 1,
        warm: greedyOpen(inst, prep, prep.components, { maxNewSites: 1 }),
        timeLimitSeconds: 10,
        mipRelGap: 1e-4,
        signal: controller.signal,
      }),
    ).rejects.toThrow('cancelled by the planner');
  });
});

describe('the Hall relaxation', () => {
  it('with strengthened rows, converged, is at least the flow LP with strong linking and at most the optimum; rounding cuts lift it and stay below the optimum', async () => {
    let compared = 0;
    let lifted = 0;
    await fc.assert(
      fc.asyncProperty(specArbitrary({ plane: true, caps: false }), async (spec) => {
        const inst = syntheticInstance(spec);
        const best = bruteForce(inst);
        if (best.servedMbpsHours < best.demandMbpsHours * (1 - 1e-9)) return;
        const prep = prepareInstance(inst);
        let lpSum = 0;
        let roundedSum = 0;
        for (const comp of prep.components) {
          const lp = (roundingCuts: boolean) =>
            solveHall({
              inst,
              prep,
              comp,
              network: componentNetwork(inst, comp),
              timeLimitSeconds: 30,
              mipRelGap: 1e-4,
              lpOnly: true,
              pool: 'light',
              roundingCuts,
            });
          const hall = await lp(false);
          lpSum += hall.lpBound;
          const rounded = await lp(true);
          roundedSum += rounded.lpBound;
          if (!hall.lpConverged) continue;
          if (rounded.lpConverged) {
            // Over every Hall row and more: never below the plain converged LP.
            expect(rounded.lpBound).toBeGreaterThanOrEqual(hall.lpBound - 1e-6 * (1 + hall.lpBound));
            if (rounded.lpBound > hall.lpBound * (1 + 1e-6)) lifted++;
          }
          const flow = await solveMilp({
            inst,
            prep,
            components: [comp],
            objective: 'cost',
            allowUnserved: false,
            relax: true,
            timeLimitSeconds: 30,
            mipRelGap: 1e-4,
          });
          expect(flow.status).toBe('optimal');
          expect(hall.lpBound).toBeGreaterThanOrEqual(flow.objective - 1e-6 * (1 + flow.objective));
          compared++;
        }
        // Every round's LP relaxes the problem: never above the optimum, converged or not.
        expect(lpSum).toBeLessThanOrEqual(best.capexUsd + 1e-6);
        // Rounding cuts are valid for every integer plan: still a relaxation.
        expect(roundedSum).toBeLessThanOrEqual(best.capexUsd + 1e-6);
      }),
      { numRuns: 80, seed: 31 },
    );
    expect(compared).toBeGreaterThan(20);
    expect(lifted).toBeGreaterThan(0);
  });
});

describe('what a full-service plan needs at least (capNeeds, the check that skips the uncapped solve)', () => {
  it('never exceeds the least capex nor the fewest new sites of any plan serving all the servable demand', async () => {
    let binding = 0;
    await fc.assert(
      fc.asyncProperty(specArbitrary({ plane: true, caps: false }), async (spec) => {
        const inst = syntheticInstance(spec);
        const prep = prepareInstance(inst);
        const needs = capNeeds(inst, prep, servableDemand(inst, prep.components));
        const everything = Array.from({ length: inst.candidateCount }, () => true);
        let servable = 0;
        for (let t = 0; t < inst.stepCount; t++) servable += maxServed(inst, everything, t) * inst.stepHours;
        let leastCapex = Infinity;
        let fewestSites = Infinity;
        eachPlanWithinCaps(inst, (_flags, cost, count, served) => {
          if (cost >= leastCapex && count >= fewestSites) return;
          if (served() < servable - 1e-7 * (1 + servable)) return;
          leastCapex = Math.min(leastCapex, cost);
          fewestSites = Math.min(fewestSites, count);
        });
        expect(needs.capexUsd).toBeLessThanOrEqual(leastCapex + 1e-6);
        expect(needs.newSites).toBeLessThanOrEqual(fewestSites);
        if (needs.newSites > 0 && needs.capexUsd > 0) binding++;
      }),
      { numRuns: 150, seed: 606 },
    );
    // Not vacuous: most instances need new sites, and the bounds say so.
    expect(binding).toBeGreaterThan(50);
  });
});

describe('the service ceiling within a cap (capacity per dollar; the bound of the capped greedy fallback)', () => {
  it('is at least what the best plan within the caps serves, and at most the demand candidates reach', async () => {
    let below = 0;
    await fc.assert(
      fc.asyncProperty(specArbitrary({ plane: true, caps: true }), async (spec) => {
        const inst = syntheticInstance(spec);
        const prep = prepareInstance(inst);
        const caps = { budgetUsd: inst.budgetUsd, maxNewSites: inst.maxNewSites };
        const { ceilingMbpsHours, reachableMbpsHours } = servedCeilingMbpsHours(
          inst,
          prep,
          servableDemand(inst, prep.components),
          caps,
        );
        let best = 0;
        eachPlanWithinCaps(inst, (_flags, _cost, _count, served) => {
          best = Math.max(best, served());
        });
        const tol = 1e-7 * (1 + reachableMbpsHours);
        expect(ceilingMbpsHours).toBeGreaterThanOrEqual(best - tol);
        expect(ceilingMbpsHours).toBeLessThanOrEqual(reachableMbpsHours + tol);
        if (ceilingMbpsHours < reachableMbpsHours - tol) below++;
      }),
      { numRuns: 150, seed: 808 },
    );
    // Not vacuous: often the caps alone show that not everything can be served.
    expect(below).toBeGreaterThan(10);
  });
});
