import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PlanResultResponse } from '../../../shared/api/index';
import { estimateDemand, parseScenario, simulateCrowd, type PlannedSite } from '../../../shared/index';
import {
  buildPlanView,
  distanceKm,
  reachOf,
  siteUtilisationSeries,
  utilisationPerDlMbps,
} from '../../../client/state/plan-view';
import { buildTimeModel, type TimeModel } from '../../../client/state/time-model';
import type { ScenarioDoc } from '../../../client/state/scenario-edits';

const fixture: ScenarioDoc = JSON.parse(
  readFileSync(new URL('../fixtures/small-scenario.json', import.meta.url), 'utf8'),
);

function model(): TimeModel {
  const r = parseScenario(fixture);
  if (!r.ok) throw new Error('fixture invalid');
  const crowd = simulateCrowd(r.value);
  return buildTimeModel(r.value, crowd, estimateDemand(r.value, crowd));
}

function site(
  id: string,
  lon: number,
  lat: number,
  rangeKm: number,
  usable: number,
  peakServed: number,
): PlannedSite {
  return {
    id,
    name: id,
    description: `site ${id}`,
    lon,
    lat,
    siteTypeId: 'cow-lte',
    isNew: true,
    heightM: 30,
    sectors: 3,
    carriers: 'LTE',
    capexUsd: 60000,
    routeId: null,
    chainageKm: null,
    nearestPole: null,
    hotspotId: null,
    rangeKm,
    usableDlMbps: usable,
    capacityDlMbps: usable / 0.7,
    capacityUlMbps: usable / 1.4,
    peakServedDlMbps: peakServed,
    peakServedUlMbps: peakServed / 3,
    peakUtilization: peakServed / (usable / 0.7),
    limitedBy: 'DL',
    peakStep: 0,
    peakAt: '2025-08-12T20:00',
  };
}

/** A plan response where every segment is served in full by its demand (from the model). */
function response(m: TimeModel, sites: PlannedSite[], withService = true): PlanResultResponse {
  const route = m.routes[0];
  const count = route.segments.count;
  const steps = m.grid.stepCount;
  const served: number[] = [];
  for (let n = 0; n < steps; n++) {
    for (let i = 0; i < count; i++) {
      const km = route.segments.edgesKm[i + 1] - route.segments.edgesKm[i];
      served.push(m.dlMbpsPerKm[n * m.segmentCount + i] * km);
    }
  }
  return {
    scenarioId: 's',
    revision: 2,
    createdAt: '2025-01-01T00:00:00.000Z',
    scenarioName: 'x',
    grid: m.grid,
    sites,
    kpis: {} as PlanResultResponse['kpis'],
    unserved: [],
    warnings: [],
    notes: [],
    routes: [
      {
        routeId: route.routeId,
        lengthKm: route.segments.lengthKm,
        segmentCount: count,
        edgesKm: Array.from(route.segments.edgesKm),
        nearestPole: null,
        peakPersons: [],
        peakDlMbps: [],
        unservedMbpsHours: [],
        coveringSite: new Array(count).fill(0),
        personsByStep: [],
        dlMbpsByStep: [],
        unservedDlMbpsByStep: [],
      },
    ],
    hotspots: [],
    service: withService
      ? [
          {
            routeId: route.routeId,
            segmentCount: count,
            stepCount: steps,
            servedDlMbps: served,
            unservedDlMbps: new Array(served.length).fill(0),
            coveringSite: new Array(count).fill(0),
          },
        ]
      : undefined,
  };
}

describe('plan view', () => {
  const m = model();
  const mid = (i: number) =>
    [m.routes[0].segments.midLonLat[2 * i], m.routes[0].segments.midLonLat[2 * i + 1]] as const;

  it('finds the segments within each site’s range and spreads capacity over the road reached', () => {
    const [lon, lat] = mid(20);
    const reach = reachOf(m, [site('a', lon, lat, 2, 300, 100)]);
    const segments = Array.from(reach.siteSegments[0]);
    expect(segments.length).toBeGreaterThanOrEqual(7);
    for (const g of segments) {
      const [x, y] = mid(g);
      expect(distanceKm(lon, lat, x, y)).toBeLessThanOrEqual(2);
    }
    const km = segments.length * 0.5;
    expect(reach.capacityPerKm[20]).toBeCloseTo(300 / km, 3);
    expect(reach.capacityPerKm[0]).toBe(0);
  });

  it('lays the service arrays onto the global segment index', () => {
    const [lon, lat] = mid(10);
    const view = buildPlanView(response(m, [site('a', lon, lat, 3, 300, 120)]), m);
    expect(view.servedBySegment).not.toBeNull();
    expect(view.coveringSite[5]).toBe(0);
    expect(buildPlanView(response(m, [], false), m).servedBySegment).toBeNull();
  });

  it('estimates a site’s utilisation over time, peaking at the plan’s reported peak', () => {
    const [lon1, lat1] = mid(20);
    const [lon2, lat2] = mid(22);
    const sites = [site('a', lon1, lat1, 2, 300, 150), site('b', lon2, lat2, 2, 100, 40)];
    const view = buildPlanView(response(m, sites), m);
    const a = siteUtilisationSeries(view, m, 0)!;
    const peak = Math.max(...a);
    expect(peak).toBeCloseTo(sites[0].peakUtilization, 6);
    const busiest = a.indexOf(peak);
    expect(a.filter((v) => v === 0).length).toBeGreaterThan(10);
    expect(busiest).toBeGreaterThan(0);
    expect(siteUtilisationSeries(view, m, 5)).toBeNull();
  });

  it('follows the busier direction: a site whose uplink binds peaks at its UL utilisation', () => {
    const [lon, lat] = mid(20);
    // 150 Mbps DL bring 50 UL; with 60 Mbps of UL capacity that is 83 %, against 35 % of the DL.
    const ul: PlannedSite = {
      ...site('a', lon, lat, 2, 300, 150),
      capacityUlMbps: 60,
      peakServedUlMbps: 50,
      peakUtilization: 50 / 60,
      limitedBy: 'UL',
    };
    const series = siteUtilisationSeries(buildPlanView(response(m, [ul]), m), m, 0)!;
    expect(Math.max(...series)).toBeCloseTo(50 / 60, 9);
    expect(utilisationPerDlMbps(ul)).toBeCloseTo(50 / 60 / 150, 12);
  });
});
