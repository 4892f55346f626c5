import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { estimateDemand, parseScenario, simulateCrowd, type Scenario } from '../../../shared/index';
import { buildTimeModel, locateSegment, transferablesOf } from '../../../client/state/time-model';
import type { ScenarioDoc } from '../../../client/state/scenario-edits';

const fixture: ScenarioDoc = JSON.parse(
  readFileSync(new URL('../fixtures/small-scenario.json', import.meta.url), 'utf8'),
);

function scenarioOf(doc: ScenarioDoc): Scenario {
  const r = parseScenario(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

/** The fixture plus a second route whose second half runs on the first route's road. */
function twoRoutes(): Scenario {
  const first = fixture.routes[0];
  const second = {
    ...first,
    id: 'musayyib-karbala',
    name: 'Musayyib → Hindiyah → Karbala',
    line: [[44.29005, 32.77872], ...first.line.slice(1)],
    joins: [{ atKm: 0, walkers: 40_000, departures: [{ date: '2025-08-12', share: 1 }] }],
  };
  return scenarioOf({ ...fixture, routes: [first, second] } as ScenarioDoc);
}

describe('time model', () => {
  it('packs one route: persons per km × segment length sums to the persons on the route', () => {
    const scenario = scenarioOf(fixture);
    const crowd = simulateCrowd(scenario);
    const model = buildTimeModel(scenario, crowd, estimateDemand(scenario, crowd));
    const route = model.routes[0];
    expect(model.segmentCount).toBe(route.segments.count);
    for (const step of [0, 30, 60, 90]) {
      let persons = 0;
      for (let i = 0; i < route.segments.count; i++) {
        const km = route.segments.edgesKm[i + 1] - route.segments.edgesKm[i];
        persons += model.personsPerKm[step * model.segmentCount + i] * km;
      }
      expect(persons).toBeCloseTo(crowd.routes[0].onRoute[step], 0);
    }
    expect(model.totalWalkers).toBe(150_000);
  });

  it('sums routes that share a road, and shows the sum on both routes’ segments', () => {
    const scenario = twoRoutes();
    const crowd = simulateCrowd(scenario);
    const model = buildTimeModel(scenario, crowd, estimateDemand(scenario, crowd));
    const [a, b] = model.routes;
    expect(b.offset).toBe(a.segments.count);
    const shared = Array.from(b.sharedWith).findIndex((g) => g >= 0);
    expect(shared).toBeGreaterThan(0);
    const canonical = b.sharedWith[shared];
    let compared = 0;
    for (let step = 0; step < model.grid.stepCount; step++) {
      const row = step * model.segmentCount;
      expect(model.personsPerKm[row + b.offset + shared]).toBeCloseTo(model.personsPerKm[row + canonical], 6);
      const ownA = crowd.routes[0].personsBySegmentStep[step * a.segments.count + (canonical - a.offset)];
      const ownB = crowd.routes[1].personsBySegmentStep[step * b.segments.count + shared];
      if (ownA > 1 && ownB > 1) compared++;
      const kmA = a.segments.edgesKm[canonical + 1] - a.segments.edgesKm[canonical];
      expect(model.personsPerKm[row + canonical] * kmA).toBeCloseTo(ownA + ownB, 1);
    }
    expect(compared).toBeGreaterThan(0);
  });

  it('totals DL demand over routes (each walker once) and hotspots', () => {
    const scenario = twoRoutes();
    const crowd = simulateCrowd(scenario);
    const demand = estimateDemand(scenario, crowd);
    const model = buildTimeModel(scenario, crowd, demand);
    const step = 60;
    let expected = demand.hotspots.reduce((acc, h) => acc + h.traffic.dlMbps[step], 0);
    for (const r of demand.routes) {
      for (let i = 0; i < r.segments.count; i++) expected += r.traffic.dlMbps[step * r.segments.count + i];
    }
    expect(model.totalDlMbps[step]).toBeCloseTo(expected, 6);
    expect(model.hotspotIds).toEqual(['karbala-centre']);
  });

  it('records the step of each segment’s peak demand and locates global segments', () => {
    const scenario = twoRoutes();
    const crowd = simulateCrowd(scenario);
    const model = buildTimeModel(scenario, crowd, estimateDemand(scenario, crowd));
    const g = model.routes[1].offset + 3;
    expect(locateSegment(model, g)).toEqual({ route: model.routes[1], index: 3 });
    expect(locateSegment(model, model.segmentCount)).toBeNull();
    const peak = model.peakStep[g];
    for (let n = 0; n < model.grid.stepCount; n++) {
      expect(model.dlMbpsPerKm[n * model.segmentCount + g]).toBeLessThanOrEqual(
        model.dlMbpsPerKm[peak * model.segmentCount + g],
      );
    }
    expect(transferablesOf(model).length).toBeGreaterThanOrEqual(5);
  });
});
