import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrateScenario, parseScenario, scenarioJsonSchema, type FieldError } from '../../shared';

const example = JSON.parse(readFileSync(new URL('../fixtures/hillah-karbala.json', import.meta.url), 'utf8'));

function errorsOf(mutate: (doc: typeof example) => void): FieldError[] {
  const doc = structuredClone(example);
  mutate(doc);
  const result = parseScenario(doc);
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('parseScenario', () => {
  it('reads the published example and applies defaults', () => {
    const result = parseScenario(example);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.routes[0].joins).toHaveLength(2);
      expect(result.value.siteTypes[0].maxUtilization).toBe(0.7);
    }
  });

  it('reads JSON text and reports broken JSON without throwing', () => {
    expect(parseScenario(JSON.stringify(example)).ok).toBe(true);
    const broken = parseScenario('{"format": ');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.errors[0].message).toMatch(/not valid JSON/);
  });

  it.each([
    [
      'shares that do not sum to 1',
      (d: typeof example) => (d.routes[0].joins[0].departures[0].share = 0.05),
      'routes[0].joins[0].departures',
      /shares sum to 0\.8, expected 1/,
    ],
    [
      'a route of one point',
      (d: typeof example) => (d.routes[0].line = [[44, 32]]),
      'routes[0].line',
      /at least 2 points/,
    ],
    [
      'a join beyond the route end',
      (d: typeof example) => {
        d.routes[0].joins[1] = { atKm: 400, walkers: 10, departures: [{ date: '2025-08-12', share: 1 }] };
      },
      'routes[0].joins[1].atKm',
      /beyond the route's end/,
    ],
    [
      'a join point far from the route',
      (d: typeof example) => (d.routes[0].joins[1].at = [45.5, 33.5]),
      'routes[0].joins[1].at',
      /km from the route/,
    ],
    [
      'a walking window outside 0–24',
      (d: typeof example) => (d.routes[0].walkingHours = [[17, 25]]),
      'routes[0].walkingHours[0][1]',
      /24/,
    ],
    [
      'a reversed walking window',
      (d: typeof example) => (d.routes[0].walkingHours = [[10, 5]]),
      'routes[0].walkingHours[0]',
      /from < to/,
    ],
    [
      'overlapping walking windows',
      (d: typeof example) =>
        (d.routes[0].walkingHours = [
          [5, 12],
          [10, 20],
        ]),
      'routes[0].walkingHours',
      /overlap/,
    ],
    [
      'an unknown site type id',
      (d: typeof example) => (d.existingSites[0].siteType = 'tower-9000'),
      'existingSites[0].siteType',
      /unknown site type id "tower-9000"/,
    ],
    [
      'an unknown planning site type',
      (d: typeof example) => (d.planning.siteTypes = ['cow-lte', 'nope']),
      'planning.siteTypes[1]',
      /unknown site type/,
    ],
    ['NaN', (d: typeof example) => (d.demand.dailyMB = NaN), 'demand.dailyMB', /NaN/],
    ['Infinity', (d: typeof example) => (d.routes[0].speedKmh = Infinity), 'routes[0].speedKmh', /.+/],
    [
      'a departure date outside the horizon',
      (d: typeof example) => (d.routes[0].joins[0].departures[0].date = '2025-09-01'),
      'routes[0].joins[0].departures[0].date',
      /outside the horizon/,
    ],
    [
      'an Arbaeen day outside the horizon',
      (d: typeof example) => (d.arbaeenDay = '2025-01-01'),
      'arbaeenDay',
      /outside the horizon/,
    ],
    [
      'a date that does not exist',
      (d: typeof example) => (d.horizon.start = '2025-02-30'),
      'horizon.start',
      /calendar/,
    ],
    [
      'an unknown destination hotspot',
      (d: typeof example) => (d.routes[0].destination = 'mecca'),
      'routes[0].destination',
      /unknown hotspot/,
    ],
    [
      'a hourly profile that does not sum to 1',
      (d: typeof example) => (d.demand.hourlyProfile[0] = 0.5),
      'demand.hourlyProfile',
      /sum to/,
    ],
    [
      'an uplink share of 1 (no downlink left to dimension sites by)',
      (d: typeof example) => (d.demand.uplinkShare = 1),
      'demand.uplinkShare',
      /below 1/,
    ],
    [
      'repeated ids',
      (d: typeof example) => d.siteTypes.push(structuredClone(d.siteTypes[0])),
      'siteTypes[2].id',
      /repeated/,
    ],
    [
      'an open polygon ring',
      (d: typeof example) => d.hotspots[0].area.coordinates[0].pop(),
      'hotspots[0].area.coordinates[0]',
      /closed/,
    ],
    [
      'a site type with neither range nor budget',
      (d: typeof example) => delete d.siteTypes[1].rangeKm,
      'siteTypes[1]',
      /linkBudget or a rangeKm/,
    ],
  ])('names the field for %s', (_label, mutate, path, message) => {
    const errors = errorsOf(mutate);
    const hit = errors.find((e) => e.path === path);
    expect(hit, JSON.stringify(errors)).toBeDefined();
    expect(hit!.message).toMatch(message);
  });

  it('gives a broken bound or type as a rule an app can word in its language', () => {
    const rule = (mutate: (d: typeof example) => void, path: string) =>
      errorsOf(mutate).find((e) => e.path === path)?.rule;
    expect(rule((d) => (d.demand.phoneShare = 1.5), 'demand.phoneShare')).toEqual({
      kind: 'atMost',
      limit: 1,
    });
    expect(rule((d) => (d.demand.uplinkShare = 1), 'demand.uplinkShare')).toEqual({
      kind: 'below',
      limit: 1,
    });
    expect(rule((d) => (d.routes[0].speedKmh = 0), 'routes[0].speedKmh')).toMatchObject({ kind: 'above' });
    expect(rule((d) => (d.planning.maxNewSites = 2.5), 'planning.maxNewSites')).toEqual({
      kind: 'wholeNumber',
    });
    // Reasons of their own (a sum, a reference) have no rule: the message says it.
    expect(rule((d) => (d.demand.hourlyProfile[0] = 0.5), 'demand.hourlyProfile')).toBeUndefined();
  });

  it('refuses other formats and future versions', () => {
    expect(errorsOf((d) => (d.format = 'something/else'))[0].path).toBe('format');
    expect(errorsOf((d) => (d.version = 2))[0]).toEqual({
      path: 'version',
      message: 'version 2 is newer than this planner reads (1)',
    });
  });
});

describe('migrations', () => {
  it('upgrades older documents step by step through the hook', () => {
    const v0 = structuredClone(example) as Record<string, unknown>;
    v0.version = 0;
    const routes = v0.routes as Record<string, unknown>[];
    routes[0].walkingWindows = routes[0].walkingHours;
    delete routes[0].walkingHours;
    const rename = (doc: Record<string, unknown>) => {
      for (const r of doc.routes as Record<string, unknown>[]) {
        r.walkingHours = r.walkingWindows;
        delete r.walkingWindows;
      }
      return doc;
    };
    expect(parseScenario(v0).ok).toBe(false);
    const result = parseScenario(v0, { 0: rename });
    expect(result.ok).toBe(true);
    expect(v0.version).toBe(0); // the caller's document is not changed
  });

  it('refuses a version no migration reaches', () => {
    expect(migrateScenario({ version: 0 }, {}, 1)).toEqual({
      ok: false,
      message: 'no migration from version 0',
    });
    expect(migrateScenario([], {}, 1).ok).toBe(false);
  });
});

describe('published JSON Schema', () => {
  it('matches the zod schemas (regenerate with npm run schema)', () => {
    const published = JSON.parse(
      readFileSync(new URL('../../data/scenario.schema.json', import.meta.url), 'utf8'),
    );
    expect(published).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
    expect(published.properties.routes.items.required).toContain('joins');
  });
});
