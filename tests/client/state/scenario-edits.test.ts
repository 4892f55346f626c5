import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, type LonLat } from '../../../shared/index';
import {
  addExistingSites,
  addJoin,
  addRoute,
  addWalkingWindow,
  defaultDepartures,
  horizonDates,
  newRoute,
  normaliseDepartures,
  patchRoute,
  placeJoin,
  removeJoin,
  removeExistingSites,
  removeRoute,
  setDepartureShare,
  setJoinWalkers,
  setRouteLine,
  setWalkingWindow,
  sharesSummingToOne,
  uniqueRouteId,
  type ScenarioDoc,
} from '../../../client/state/scenario-edits';

const fixture: ScenarioDoc = JSON.parse(
  readFileSync(new URL('../fixtures/small-scenario.json', import.meta.url), 'utf8'),
);

function valid(doc: ScenarioDoc) {
  const r = parseScenario(doc);
  return r.ok ? [] : r.errors;
}

describe('scenario edits', () => {
  it('start from a valid fixture', () => {
    expect(valid(fixture)).toEqual([]);
  });

  it('share untouched parts and never mutate the input', () => {
    const before = JSON.stringify(fixture);
    const next = patchRoute(fixture, 'hillah-karbala', { speedKmh: 4.2 });
    expect(JSON.stringify(fixture)).toBe(before);
    expect(next.routes[0].speedKmh).toBe(4.2);
    expect(next.hotspots).toBe(fixture.hotspots);
    expect(next.routes[0].joins).toBe(fixture.routes[0].joins);
  });

  it('return the same document for an unknown route', () => {
    expect(patchRoute(fixture, 'nope', { speedKmh: 1 })).toBe(fixture);
    expect(removeRoute(fixture, 'nope')).toBe(fixture);
  });

  it('remove optional fields given as undefined', () => {
    const next = patchRoute(fixture, 'hillah-karbala', { speedSpreadKmh: undefined });
    expect('speedSpreadKmh' in next.routes[0]).toBe(false);
    expect(valid(next)).toEqual([]);
  });

  it('report a too large speed spread with its field path', () => {
    const next = patchRoute(fixture, 'hillah-karbala', { speedSpreadKmh: 9 });
    expect(valid(next).map((e) => e.path)).toContain('routes[0].speedSpreadKmh');
  });

  it('edit walking windows and report overlaps', () => {
    let next = addWalkingWindow(fixture, 'hillah-karbala');
    expect(next.routes[0].walkingHours).toHaveLength(3);
    next = setWalkingWindow(next, 'hillah-karbala', 2, [8, 12]);
    expect(valid(next).some((e) => e.path === 'routes[0].walkingHours' && /overlap/.test(e.message))).toBe(
      true,
    );
  });

  it('add a join with the default departures, valid as is', () => {
    const next = addJoin(fixture, 'hillah-karbala', 12.5, 7000);
    const join = next.routes[0].joins.at(-1)!;
    expect(join.atKm).toBe(12.5);
    expect(join.walkers).toBe(7000);
    expect(join.departures.reduce((a, d) => a + d.share, 0)).toBeCloseTo(1, 9);
    expect(valid(next)).toEqual([]);
    expect(removeJoin(next, 'hillah-karbala', next.routes[0].joins.length - 1).routes[0].joins).toHaveLength(
      fixture.routes[0].joins.length,
    );
  });

  it('set departure shares by date: add, change, remove at zero; sum errors name the path', () => {
    let next = setDepartureShare(fixture, 'hillah-karbala', 0, '2025-08-11', 0.5);
    const deps = next.routes[0].joins[0].departures;
    expect(deps.map((d) => d.date)).toEqual([...deps.map((d) => d.date)].sort());
    expect(deps.find((d) => d.date === '2025-08-11')?.share).toBe(0.5);
    const errors = valid(next);
    expect(errors.find((e) => e.path === 'routes[0].joins[0].departures')?.message).toMatch(
      /sum to .*expected 1/,
    );
    next = normaliseDepartures(next, 'hillah-karbala', 0);
    expect(valid(next)).toEqual([]);
    next = setDepartureShare(next, 'hillah-karbala', 0, '2025-08-11', 0);
    expect(next.routes[0].joins[0].departures.some((d) => d.date === '2025-08-11')).toBe(false);
  });

  it('report a departure date outside the horizon', () => {
    const next = setDepartureShare(fixture, 'hillah-karbala', 0, '2025-09-01', 0.1);
    expect(valid(next).map((e) => e.path)).toContain('routes[0].joins[0].departures[3].date');
  });

  it('set walkers and the route line', () => {
    const line: LonLat[] = [
      [44.4, 32.46],
      [44.2, 32.55],
      [44.03, 32.61],
    ];
    const next = setRouteLine(setJoinWalkers(fixture, 'hillah-karbala', 0, 1234), 'hillah-karbala', line);
    expect(next.routes[0].joins[0].walkers).toBe(1234);
    expect(next.routes[0].line).toEqual(line);
    expect(valid(next)).toEqual([]);
  });

  it('make new routes with unique ids that validate', () => {
    const line: LonLat[] = [
      [44.1, 32.3],
      [44.2, 32.35],
    ];
    const a = newRoute(fixture, line, 'New route 2');
    const withA = addRoute(fixture, a);
    const b = newRoute(withA, line, 'New route 2');
    expect(a.id).toBe('new-route-2');
    expect(b.id).toBe('new-route-2-2');
    expect(valid(addRoute(withA, b))).toEqual([]);
    expect(uniqueRouteId(fixture, '  ')).toBe('route');
  });

  it('place joins only near the route, at the snapped chainage', () => {
    const line = fixture.routes[0].line as LonLat[];
    const on = placeJoin(line, [44.22765, 32.54671], 2);
    expect(on.ok).toBe(true);
    if (on.ok) expect(on.atKm).toBeGreaterThan(15);
    expect(placeJoin(line, [45.5, 33.5], 2).ok).toBe(false);
  });

  it('spread default departures over the three days before Arbaeen', () => {
    expect(defaultDepartures(fixture).map((d) => d.date)).toEqual(['2025-08-11', '2025-08-12', '2025-08-13']);
    expect(horizonDates(fixture)).toEqual([
      '2025-08-11',
      '2025-08-12',
      '2025-08-13',
      '2025-08-14',
      '2025-08-15',
    ]);
  });

  it('normalise weights to shares summing to exactly 1', () => {
    for (const w of [[1, 1, 1], [0.2, 0.3], [5], [0, 0], [1, 2, 3, 4, 5, 6, 7]]) {
      const s = sharesSummingToOne(w);
      expect(Math.abs(s.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-9);
    }
  });
});

describe('existing sites', () => {
  it('appends sites with ids made unique against the scenario’s, and removes them all', () => {
    const site = (id: string) => ({ id, name: id, lon: 44.3, lat: 32.0, siteType: fixture.siteTypes[0].id });
    const one = addExistingSites(fixture, [site('t1')]);
    const two = addExistingSites(one, [site('t1'), site('t1'), site('t2')]);
    expect(two.existingSites!.map((s) => s.id).slice(-4)).toEqual(['t1', 't1-2', 't1-3', 't2']);
    expect(valid(two)).toEqual([]);
    expect(two.existingSites!.length).toBe((fixture.existingSites ?? []).length + 4);
    expect(addExistingSites(fixture, [])).toBe(fixture);
    expect(removeExistingSites(two).existingSites).toEqual([]);
    const none = removeExistingSites(two);
    expect(removeExistingSites(none)).toBe(none);
  });
});
