import { describe, expect, it } from 'vitest';
import {
  dataVolumeTB,
  estimateDemand,
  hourlyShareByStep,
  parseScenario,
  simulateCrowd,
  summarizeDemand,
  trafficFromPersons,
  type Scenario,
} from '../../shared';
import { straightRouteScenario } from '../fixtures/straight-route';

function parsed(input: unknown): Scenario {
  const r = parseScenario(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

const demand = {
  phoneShare: 0.8,
  operatorShare: 0.5,
  dailyMB: 240,
  hourlyProfile: [...Array(23).fill(0.5 / 23), 0.5],
  uplinkShare: 0.25,
  voiceMilliErlang: 25,
  voiceBlocking: 0.02,
};

describe('trafficFromPersons', () => {
  it('turns persons into devices, Mbps and Erlangs by hand', () => {
    // 1,000 persons → 1000 × 0.8 × 0.5 = 400 devices. In hour 23 each device moves 240 MB × 0.5 = 120 MB:
    // 400 × 120 MB × 8 / 3600 s = 106.67 Mbps, 75 % DL = 80 Mbps, 25 % UL = 26.67 Mbps; 400 × 0.025 = 10 E.
    const share = Float64Array.of(0.5);
    const t = trafficFromPersons(Float64Array.of(1000), 1, share, demand);
    expect(t.devices[0]).toBeCloseTo(400, 9);
    expect(t.dlMbps[0]).toBeCloseTo(80, 9);
    expect(t.ulMbps[0]).toBeCloseTo(80 / 3, 9);
    expect(t.erlangs[0]).toBeCloseTo(10, 9);
  });

  it('averages the hourly profile over steps longer than an hour', () => {
    const grid = { startMinutes: 0, stepMinutes: 120, stepCount: 12, utcOffsetMinutes: 180 };
    const shares = hourlyShareByStep(grid, demand.hourlyProfile);
    expect(shares[11]).toBeCloseTo((0.5 / 23 + 0.5) / 2, 12);
    expect(shares[0]).toBeCloseTo(0.5 / 23, 12);
  });
});

describe('estimateDemand and volumes', () => {
  const scenario = parsed({ ...straightRouteScenario({ destination: true }), demand });
  const crowd = simulateCrowd(scenario);
  const result = estimateDemand(scenario, crowd);

  it('keeps the persons layout, one value per segment per step', () => {
    expect(result.routes[0].traffic.dlMbps.length).toBe(crowd.routes[0].personsBySegmentStep.length);
    expect(result.hotspots[0].traffic.devices[60]).toBeCloseTo(crowd.hotspots[0].persons[60] * 0.4, 9);
  });

  it('totals the data volume in TB over a date range', () => {
    // Route: person-hours on the route × 0.4 devices × 240 MB/day × hourly share. Check against a direct sum.
    let mb = 0;
    const r = crowd.routes[0];
    for (let n = 0; n < crowd.grid.stepCount; n++) {
      let persons = 0;
      for (let i = 0; i < r.segments.count; i++) persons += r.personsBySegmentStep[n * r.segments.count + i];
      mb += persons * 0.4 * 240 * demand.hourlyProfile[n % 24];
    }
    const v = dataVolumeTB(scenario, result, {
      fromDate: '2025-08-01',
      toDate: '2025-08-05',
      routeId: 'straight',
    });
    expect(v.routesTB).toBeCloseTo(mb / 1e6, 9);
    expect(v.hotspotsTB).toBe(0);
    const oneDay = dataVolumeTB(scenario, result, { fromDate: '2025-08-02', toDate: '2025-08-02' });
    expect(oneDay.totalTB).toBeLessThan(
      dataVolumeTB(scenario, result, { fromDate: '2025-08-01', toDate: '2025-08-05' }).totalTB,
    );
  });

  it('summarises peaks with where and when', () => {
    const s = summarizeDemand(scenario, crowd, result);
    const route = s.routes[0];
    // Peak on route: all 24,000 between hours 24 and 25 (departures done, the head reaches 100 km at 25 h).
    expect(route.peakPersons).toBeCloseTo(24_000, 6);
    expect(route.peakPersonsAt).toBe('2025-08-02T00:00');
    expect(route.peakPersonsPerKm.value).toBeCloseTo(250, 6);
    expect(s.hotspots[0].entries).toBeCloseTo(24_000, 6);
    expect(route.totalTB).toBeGreaterThan(0);
  });
});
