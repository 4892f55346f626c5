import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario, simulateCrowd, type Scenario, type ScenarioInput } from '../../shared';
import { straightRouteScenario } from '../fixtures/straight-route';

type JoinInput = ScenarioInput['routes'][number]['joins'][number];

const date = (day: number) => `2025-08-${String(1 + day).padStart(2, '0')}`;

/** Random valid single-route scenarios: departures within the first 3 of 8 days. */
const scenarioArb = fc
  .record({
    lengthKm: fc.double({ min: 5, max: 150, noNaN: true }),
    speedKmh: fc.double({ min: 1, max: 6, noNaN: true }),
    spread: fc.oneof(fc.constant(0), fc.double({ min: 0.05, max: 0.9, noNaN: true })),
    windows: fc.oneof(
      fc.constant<[number, number][]>([[0, 24]]),
      fc
        .tuple(
          fc.integer({ min: 0, max: 10 }),
          fc.integer({ min: 1, max: 6 }),
          fc.integer({ min: 1, max: 8 }),
        )
        .map(([from, len, gap]): [number, number][] => {
          const first: [number, number] = [from, from + len];
          const secondFrom = from + len + gap;
          return secondFrom + 1 <= 24 ? [first, [secondFrom, Math.min(24, secondFrom + len)]] : [first];
        }),
    ),
    joins: fc.array(
      fc.record({
        atFraction: fc.double({ min: 0, max: 1, noNaN: true }),
        walkers: fc.integer({ min: 1, max: 200_000 }),
        weights: fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 3 }),
        firstDay: fc.integer({ min: 0, max: 1 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  })
  .map((p) => {
    const joins: JoinInput[] = p.joins.map((j) => {
      const total = j.weights.reduce((a, b) => a + b, 0);
      return {
        atKm: Math.min(p.lengthKm * 0.999, p.lengthKm * j.atFraction),
        walkers: j.walkers,
        departures: j.weights.map((w, k) => ({ date: date(j.firstDay + k), share: w / total })),
      };
    });
    return straightRouteScenario({
      lengthKm: p.lengthKm,
      speedKmh: p.speedKmh,
      speedSpreadKmh: p.spread,
      walkingHours: p.windows,
      joins,
      days: 8,
      segmentMeters: 500,
      destination: true,
    });
  });

function parsed(input: ScenarioInput): Scenario {
  const r = parseScenario(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

describe('crowd flow properties', () => {
  it('conserves walkers at every step: not departed + on route + arrived = total, and segments sum to on route', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const crowd = simulateCrowd(parsed(input));
        const r = crowd.routes[0];
        const tol = 1e-9 * r.totalWalkers + 1e-9;
        let worstTotal = 0;
        let worstSegments = 0;
        let lowest = 0;
        for (let n = 0; n < crowd.grid.stepCount; n++) {
          worstTotal = Math.max(
            worstTotal,
            Math.abs(r.notDeparted[n] + r.onRoute[n] + r.arrived[n] - r.totalWalkers),
          );
          let sum = 0;
          for (let i = 0; i < r.segments.count; i++) {
            const v = r.personsBySegmentStep[n * r.segments.count + i];
            lowest = Math.min(lowest, v);
            sum += v;
          }
          worstSegments = Math.max(worstSegments, Math.abs(sum - r.onRoute[n]));
        }
        expect(worstTotal).toBeLessThan(tol);
        expect(worstSegments).toBeLessThan(tol * 10);
        expect(lowest).toBeGreaterThanOrEqual(-tol);
      }),
      { numRuns: 40 },
    );
  });

  it('never lowers occupancy anywhere when walkers are added', () => {
    fc.assert(
      fc.property(scenarioArb, fc.double({ min: 0.01, max: 3, noNaN: true }), (input, extra) => {
        const base = simulateCrowd(parsed(input)).routes[0].personsBySegmentStep;
        const more = structuredClone(input);
        more.routes[0].joins[0].walkers *= 1 + extra;
        const bigger = simulateCrowd(parsed(more)).routes[0].personsBySegmentStep;
        let worstDrop = 0;
        for (let k = 0; k < base.length; k++)
          worstDrop = Math.max(worstDrop, base[k] - bigger[k] - 1e-9 * (1 + base[k]));
        expect(worstDrop).toBeLessThanOrEqual(0);
      }),
      { numRuns: 30 },
    );
  });

  it('shifts the occupancy by one day when every departure shifts by one day', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const base = simulateCrowd(parsed(input));
        const later = structuredClone(input);
        for (const j of later.routes[0].joins) {
          for (const d of j.departures) d.date = date(Number(d.date.slice(8, 10)));
        }
        const shifted = simulateCrowd(parsed(later));
        const width = base.routes[0].segments.count;
        const a = base.routes[0].personsBySegmentStep;
        const b = shifted.routes[0].personsBySegmentStep;
        let worst = 0;
        for (let n = 0; n + 24 < base.grid.stepCount; n++) {
          for (let i = 0; i < width; i++)
            worst = Math.max(worst, Math.abs(b[(n + 24) * width + i] - a[n * width + i]));
          worst = Math.max(worst, Math.abs(shifted.routes[0].arrived[n + 24] - base.routes[0].arrived[n]));
        }
        expect(worst).toBeLessThan(1e-6);
        for (let n = 0; n < 24; n++) expect(shifted.routes[0].onRoute[n]).toBe(0);
      }),
      { numRuns: 25 },
    );
  });
});
