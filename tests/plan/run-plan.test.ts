import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatNote, parseScenario, type Scenario, type ScenarioInput } from '../../shared';
import { runPlan } from '../../shared/plan/run-plan';
import { KM_PER_DEGREE, straightRouteScenario } from '../fixtures/straight-route';

/** A parsed scenario from the straight-route fixture with planning overrides. */
function scenario(mutate: (s: ScenarioInput) => void = () => {}): Scenario {
  const input = straightRouteScenario({ lengthKm: 20, segmentMeters: 500, days: 3 });
  input.siteTypes[0].rangeKm = 2.5;
  input.planning = { candidateSpacingMeters: 500, siteTypes: ['cow'] };
  mutate(input);
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

const lonAtKm = (km: number) => km / KM_PER_DEGREE;
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

describe('runPlan on a straight 20 km route (coverage-bound)', () => {
  it('places 4 sites (40 segments, 10 per site at most) with gap 0 and serves everything', async () => {
    const plan = await runPlan(scenario());
    expect(plan.kpis.newSites).toBe(4);
    expect(plan.kpis.newSitesByType).toEqual({ cow: 4 });
    expect(plan.kpis.capexUsd).toBe(240_000);
    expect(plan.kpis.lowerBoundUsd).toBe(240_000);
    expect(plan.kpis.gap).toBe(0);
    expect(plan.kpis.method).toBe('route-dp');
    expect(plan.kpis.servedShare).toBe(1);
    expect(plan.unserved).toEqual([]);
    for (const site of plan.sites) {
      expect(site.routeId).toBe('straight');
      expect(site.chainageKm).toBeGreaterThanOrEqual(0);
      expect(site.chainageKm).toBeLessThanOrEqual(20);
      expect(site.peakAt).toMatch(LOCAL_TIME);
      expect(site.peakUtilization).toBeLessThanOrEqual(0.7 + 1e-9);
      expect(site.isNew).toBe(true);
    }
    expect(new Set(plan.sites.map((s) => s.id)).size).toBe(4);
  });

  it('reports service per segment and step that adds up to the demand, and a covering site everywhere', async () => {
    const plan = await runPlan(scenario());
    const [svc] = plan.service;
    const dl = plan.demand.routes[0].traffic.dlMbps;
    expect(svc.servedDlMbps.length).toBe(dl.length);
    for (let k = 0; k < dl.length; k++) {
      expect(svc.servedDlMbps[k] + svc.unservedDlMbps[k]).toBeCloseTo(dl[k], 9);
      expect(svc.unservedDlMbps[k]).toBe(0);
    }
    for (const c of svc.coveringSite) expect(c).toBeGreaterThanOrEqual(0);
  });

  it('is deterministic', async () => {
    const a = await runPlan(scenario());
    const b = await runPlan(scenario());
    expect(b.sites).toEqual(a.sites);
    expect({ ...b.kpis, computeMs: 0, stageMs: {} }).toEqual({ ...a.kpis, computeMs: 0, stageMs: {} });
    expect(Array.from(b.service[0].servedDlMbps)).toEqual(Array.from(a.service[0].servedDlMbps));
  });

  it('reports progress per stage, monotone, ending at 1; an aborted signal rejects', async () => {
    const seen: [string, number][] = [];
    await runPlan(scenario(), { onProgress: (stage, f) => seen.push([stage, f]) });
    const stages = [...new Set(seen.map(([s]) => s))];
    expect(stages).toEqual(['crowd flow', 'demand', 'radio', 'placement', 'report']);
    for (let k = 1; k < seen.length; k++) expect(seen[k][1]).toBeGreaterThanOrEqual(seen[k - 1][1]);
    expect(seen[seen.length - 1][1]).toBe(1);
    const controller = new AbortController();
    controller.abort();
    await expect(runPlan(scenario(), { signal: controller.signal })).rejects.toThrow();
  });
});

describe('runPlan: exclusions, existing sites, caps, shared stretches', () => {
  it('respects exclusion zones and reports the stretch no site can reach as no-coverage', async () => {
    const plan = await runPlan(
      scenario((s) => {
        s.planning.exclusionZones = [
          {
            name: 'first 6.2 km',
            area: {
              type: 'Polygon',
              coordinates: [
                [
                  [lonAtKm(-1), -0.01],
                  [lonAtKm(6.2), -0.01],
                  [lonAtKm(6.2), 0.01],
                  [lonAtKm(-1), 0.01],
                  [lonAtKm(-1), -0.01],
                ],
              ],
            },
          },
        ];
      }),
    );
    for (const site of plan.sites) expect(site.chainageKm).toBeGreaterThan(6.2);
    const stretch = plan.unserved.find((u) => u.reason === 'no-coverage');
    expect(stretch).toBeDefined();
    expect(stretch?.routeId).toBe('straight');
    expect(stretch?.fromKm).toBe(0);
    // The first candidate outside the zone is at 6.5 km and reaches 4.0 km: segments up to 4 km are lost.
    expect(stretch?.toKm).toBeCloseTo(4, 9);
    expect(stretch?.from).toMatch(LOCAL_TIME);
    expect(stretch?.to).toMatch(LOCAL_TIME);
    expect(stretch && stretch.from <= stretch.to).toBe(true);
    expect(plan.kpis.servedShare).toBeLessThan(1);
    expect(plan.kpis.capped).toBe(false);
  });

  it('uses an existing site first (free): 3 new sites', async () => {
    const plan = await runPlan(
      scenario((s) => {
        s.existingSites = [{ id: 'old-1', lon: lonAtKm(2.5), lat: 0, siteType: 'cow' }];
      }),
    );
    expect(plan.kpis.newSites).toBe(3);
    expect(plan.kpis.capexUsd).toBe(180_000);
    const old = plan.sites.find((s) => s.id === 'old-1');
    expect(old?.isNew).toBe(false);
    expect(old?.capexUsd).toBe(0);
    expect(old?.peakServedDlMbps).toBeGreaterThan(0);
    expect(old?.chainageKm).toBeCloseTo(2.5, 6);
    expect(plan.kpis.existingSitesUsed).toBe(1);
  });

  it('with a budget for 2 sites: capped, reports where and when demand goes unserved', async () => {
    const plan = await runPlan(
      scenario((s) => {
        s.planning.budgetUsd = 120_000;
      }),
    );
    expect(plan.kpis.newSites).toBe(2);
    expect(plan.kpis.capped).toBe(true);
    expect(plan.kpis.unservedMbpsHours).toBeGreaterThan(0);
    expect(plan.unserved.length).toBeGreaterThan(0);
    const total = plan.unserved.reduce((a, u) => a + u.unservedMbpsHours, 0);
    expect(total).toBeCloseTo(plan.kpis.unservedMbpsHours, 6);
    for (const u of plan.unserved) {
      expect(u.reason).toBe('no-coverage');
      expect(u.fromKm).not.toBeNull();
      expect(u.toKm as number).toBeGreaterThan(u.fromKm as number);
      expect(u.from).toMatch(LOCAL_TIME);
    }
    // No planned site reaches an unserved stretch.
    for (const u of plan.unserved) {
      for (const site of plan.sites) {
        const mid = ((u.fromKm as number) + (u.toKm as number)) / 2;
        if (Math.abs((site.chainageKm as number) - mid) < 0.01)
          throw new Error('site inside an unserved stretch');
      }
    }
  });

  it('a shared stretch carries both routes as one demand and gets no double sites', async () => {
    const plan = await runPlan(
      scenario((s) => {
        const b = structuredClone(s.routes[0]);
        b.id = 'second';
        b.name = 'Second';
        b.line = [
          [lonAtKm(10), 0],
          [lonAtKm(30), 0],
        ];
        s.routes.push(b);
      }),
    );
    expect(plan.crowd.sharedStretches.length).toBeGreaterThan(0);
    // 30 km of road (0–30), 60 segments, at most 10 per site: 6 sites.
    expect(plan.kpis.newSites).toBe(6);
    expect(plan.kpis.servedShare).toBe(1);
    const keys = plan.sites.map((s) => `${s.lon.toFixed(6)},${s.lat.toFixed(6)}`);
    expect(new Set(keys).size).toBe(keys.length);
    // Both routes' service adds up to their own demand on the shared part.
    plan.service.forEach((svc, r) => {
      const dl = plan.demand.routes[r].traffic.dlMbps;
      for (let k = 0; k < dl.length; k++) expect(svc.servedDlMbps[k]).toBeCloseTo(dl[k], 9);
    });
  });

  it('warns when a site type’s propagation model is used outside its validity range', async () => {
    const plan = await runPlan(
      scenario((s) => {
        const t = s.siteTypes[0];
        delete t.rangeKm;
        t.carriers = [
          { tech: 'NR', freqMHz: 3500, bandwidthMHz: 100, spectralEfficiency: 5, dlFraction: 0.74 },
        ];
        t.propagation = 'hata-open';
        t.linkBudget = {
          ueTxPowerDbm: 23,
          bsNoiseFigureDb: 2.5,
          requiredSinrDb: -7,
          bandwidthKHz: 360,
          bsAntennaGainDbi: 17,
          feederLossDb: 0.5,
          bodyLossDb: 3,
          interferenceMarginDb: 1,
          shadowMarginDb: 8.3,
          penetrationLossDb: 0,
        };
      }),
    );
    const warnings = plan.notes.map((n) => formatNote(n));
    expect(warnings.some((w) => w.startsWith('COW (cow)') && w.includes('3500'))).toBe(true);
  });
});

describe('runPlan on Najaf–Karbala of the default scenario, lightly loaded, default site types', () => {
  /** The default scenario's Najaf–Karbala route alone (no hotspots, existing sites or exclusions). */
  function najafKarbala(siteTypes?: string[]): Scenario {
    const input = JSON.parse(
      readFileSync(new URL('../../data/scenarios/arbaeen-2025.json', import.meta.url), 'utf8'),
    ) as ScenarioInput & { routes: { id: string; destination?: string }[] };
    input.routes = input.routes.filter((r) => r.id === 'najaf-karbala');
    for (const r of input.routes) delete r.destination;
    input.hotspots = [];
    input.existingSites = [];
    input.demand.phoneShare = 0.01;
    input.planning = { ...input.planning, exclusionZones: [], ...(siteTypes ? { siteTypes } : {}) };
    const parsed = parseScenario(input);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    return parsed.value;
  }

  it('plans as cheap as the exact one-type DP and proves it (gap 0): coverage binds, macros do not pay', async () => {
    const cowsOnly = await runPlan(najafKarbala(['cow-lte']));
    expect(cowsOnly.kpis.method).toBe('route-dp');
    expect(cowsOnly.kpis.gap).toBe(0);
    const plan = await runPlan(najafKarbala());
    // Windows, each deciding its own stretch, planned one cell on wheels more here (gap 9 %).
    expect(plan.kpis.capexUsd).toBe(cowsOnly.kpis.capexUsd);
    expect(plan.kpis.gap).toBe(0);
    expect(plan.kpis.servedShare).toBe(1);
  });
});

describe('runPlan: the uplink caps a site’s load too', () => {
  /** 20 km at 5,000 MB per device a day: ~35 Mbps DL per km, so capacity binds, not coverage (4 sites). */
  const loaded = (carriers: ScenarioInput['siteTypes'][number]['carriers']) =>
    scenario((s) => {
      s.demand.dailyMB = 5000;
      s.siteTypes[0].sectors = 1;
      s.siteTypes[0].carriers = carriers;
    });
  // TDD with 10 % UL time: DL 450, UL 50 Mbps. At a 25 % uplink share each DL Mbps brings 1/3 Mbps UL,
  // so the UL reaches 70 % at 105 Mbps DL, long before the DL (315).
  const tddUl10 = loaded([
    { tech: 'NR', freqMHz: 3500, bandwidthMHz: 100, spectralEfficiency: 5, dlFraction: 0.9 },
  ]);
  // FDD with DL 150 and UL 75 Mbps: the DL binds at 105 Mbps, the same load limit.
  const fdd150 = loaded([
    { tech: 'LTE', freqMHz: 1800, bandwidthMHz: 30, spectralEfficiency: 5, dlFraction: 1 },
  ]);
  // FDD with DL 450 Mbps: what the TDD type would carry if its uplink were ignored.
  const fdd450 = loaded([
    { tech: 'LTE', freqMHz: 1800, bandwidthMHz: 90, spectralEfficiency: 5, dlFraction: 1 },
  ]);

  it('plans a UL-limited type exactly like a DL-limited one of the same load limit, and never overloads its UL', async () => {
    const [ul, twin, dlOnly] = await Promise.all([runPlan(tddUl10), runPlan(fdd150), runPlan(fdd450)]);
    expect(ul.kpis.servedShare).toBe(1);
    expect(ul.kpis.newSites).toBe(twin.kpis.newSites);
    expect(ul.kpis.capexUsd).toBe(twin.kpis.capexUsd);
    expect(ul.kpis.lowerBoundUsd).toBeCloseTo(twin.kpis.lowerBoundUsd, 6);
    // Ignoring the uplink would plan for coverage alone.
    expect(dlOnly.kpis.newSites).toBe(4);
    expect(ul.kpis.newSites).toBeGreaterThan(6);
    for (const site of ul.sites) {
      expect(site.limitedBy).toBe('UL');
      expect(site.capacityDlMbps).toBeCloseTo(450, 9);
      expect(site.capacityUlMbps).toBeCloseTo(50, 9);
      expect(site.usableDlMbps).toBeCloseTo(105, 9);
      expect(site.peakServedUlMbps).toBeCloseTo(site.peakServedDlMbps / 3, 9);
      expect(site.peakServedUlMbps).toBeLessThanOrEqual(0.7 * 50 + 1e-6);
      expect(site.peakUtilization).toBeCloseTo(site.peakServedUlMbps / 50, 9);
      expect(site.peakUtilization).toBeLessThanOrEqual(0.7 + 1e-9);
    }
    expect(twin.sites.every((s) => s.limitedBy === 'DL')).toBe(true);
    expect(ul.notes).toContainEqual({
      key: 'siteType',
      params: {
        name: 'COW',
        id: 'cow',
        note: {
          key: 'uplinkLimitsLoad',
          params: { usableMbps: 105, uplinkPercent: 25, dlOnlyMbps: 315 },
        },
      },
    });
    expect(ul.notes.map((n) => formatNote(n, 'en'))).toContain(
      'COW (cow): the uplink limits its load to 105 Mbps DL at an uplink share of 25 % (the downlink alone would allow 315)',
    );
    expect(twin.notes.some((n) => JSON.stringify(n).includes('uplinkLimitsLoad'))).toBe(false);
  });
});
