import { describe, expect, it } from 'vitest';
import { parseScenario, simulateCrowd, type CrowdResult, type Scenario } from '../../shared';
import { straightRouteScenario } from '../fixtures/straight-route';

function parsed(input: unknown): Scenario {
  const r = parseScenario(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

/** Step-average persons on segment `segment` (1 km bins here) during step `step`. */
function persons(crowd: CrowdResult, step: number, segment: number, route = 0): number {
  const r = crowd.routes[route];
  return r.personsBySegmentStep[step * r.segments.count + segment];
}

describe('a pulse of departures on a straight route (24 h walking, 4 km/h, 24,000 walkers on day 1)', () => {
  // Departures: 1,000 per hour over day 1. Band density = 24,000 / (4 km/h × 24 h) = 250 persons/km.
  const crowd = simulateCrowd(parsed(straightRouteScenario({})));

  it('fills the first kilometre as walkers set out (step 0)', () => {
    // Segment [0,1] km during hour 0–1: band [0, 4t] → overlap min(4t, 1); mean over the hour 0.875 km.
    expect(persons(crowd, 0, 0)).toBeCloseTo(250 * 0.875, 6);
    // Segment [3,4]: reached at t = 0.75 h; mean overlap ∫(4t − 3)dt over [0.75, 1] = 0.125 km.
    expect(persons(crowd, 0, 3)).toBeCloseTo(250 * 0.125, 6);
    expect(persons(crowd, 0, 4)).toBeCloseTo(0, 9);
  });

  it('has a band from 4(t − 24) to 4t km at density 250/km on day 2', () => {
    // Hour 24–25: the band covers [4τ, 96 + 4τ]; km 50–51 fully inside; the tail leaves km 0–1 by τ = 0.25.
    expect(persons(crowd, 24, 50)).toBeCloseTo(250, 6);
    expect(persons(crowd, 24, 0)).toBeCloseTo(250 * 0.125, 6);
    // The head passes 99 km at τ = 0.75 h.
    expect(persons(crowd, 24, 99)).toBeCloseTo(250 * 0.125, 6);
  });

  it('delivers everyone to the end between 25 h and 49 h', () => {
    const r = crowd.routes[0];
    expect(r.arrived[24]).toBeCloseTo(0, 9);
    // Arrived fraction (t − 25)/24 averaged over hour 48–49 = 23.5/24.
    expect(r.arrived[48]).toBeCloseTo((24_000 * 23.5) / 24, 6);
    expect(r.arrived[49]).toBeCloseTo(24_000, 6);
    expect(r.arrivalsPerStep.reduce((a, b) => a + b, 0)).toBeCloseTo(24_000, 6);
  });
});

describe('walking windows stop and restart the band', () => {
  // Window 06:00–12:00 only: 6,000 walkers set out at 1,000/h between 06:00 and 12:00 on day 1.
  // At 12:00 the band is [0, 24] km at 6,000 / (4 × 6) = 250/km and rests until 06:00 next day.
  const crowd = simulateCrowd(
    parsed(
      straightRouteScenario({
        walkingHours: [[6, 12]],
        joins: [{ atKm: 0, walkers: 6000, departures: [{ date: '2025-08-01', share: 1 }] }],
      }),
    ),
  );

  it('rests in place outside the window', () => {
    for (const step of [14, 20, 29]) {
      expect(persons(crowd, step, 10)).toBeCloseTo(250, 6);
      expect(persons(crowd, step, 23)).toBeCloseTo(250, 6);
      expect(persons(crowd, step, 24)).toBeCloseTo(0, 9);
    }
  });

  it('moves on when the window reopens', () => {
    // 06:00–07:00 on day 2: head from 24 to 28 km; km 26–27 mean overlap 0.375 km.
    expect(persons(crowd, 30, 26)).toBeCloseTo(250 * 0.375, 6);
    // The tail leaves km 0–1 within the first quarter hour: mean overlap 0.125 km.
    expect(persons(crowd, 30, 0)).toBeCloseTo(250 * 0.125, 6);
  });

  it('departs nobody before 06:00', () => {
    expect(crowd.routes[0].notDeparted[5]).toBeCloseTo(6000, 9);
    expect(crowd.routes[0].notDeparted[6]).toBeCloseTo(5500, 6);
  });
});

describe('two joins on one route', () => {
  // A: 24,000 at km 0 (250/km); B: 12,000 at km 50 (125/km); both set out over day 1.
  const crowd = simulateCrowd(
    parsed(
      straightRouteScenario({
        joins: [
          { atKm: 0, walkers: 24_000, departures: [{ date: '2025-08-01', share: 1 }] },
          { atKm: 50, walkers: 12_000, departures: [{ date: '2025-08-01', share: 1 }] },
        ],
      }),
    ),
  );

  it('starts the second band at its own join', () => {
    expect(persons(crowd, 0, 50)).toBeCloseTo(125 * 0.875, 6);
    expect(persons(crowd, 0, 49)).toBeCloseTo(0, 9);
  });

  it('adds the bands where they overlap and lets the second leave first', () => {
    expect(persons(crowd, 24, 60)).toBeCloseTo(250 + 125, 6);
    // km 99–100 in hour 24–25: A's head arrives (0.125 km mean overlap), B covers it fully.
    expect(persons(crowd, 24, 99)).toBeCloseTo(250 * 0.125 + 125, 6);
  });
});

describe('hotspot presence', () => {
  const crowd = simulateCrowd(parsed(straightRouteScenario({ destination: true })));
  it('holds arrivals until dwellUntil, plus residents', () => {
    const h = crowd.hotspots[0];
    expect(h.persons[60]).toBeCloseTo(24_000 + 100, 6);
    // dwellUntil 2025-08-04T12:00 = hour 84 from the horizon start: arrivals have left.
    expect(h.persons[84]).toBeCloseTo(100, 9);
    expect(h.entriesPerStep.reduce((a, b) => a + b, 0)).toBeCloseTo(24_000, 6);
  });
});

describe('speed spread', () => {
  it('keeps walkers conserved and spreads the band', () => {
    const crowd = simulateCrowd(parsed(straightRouteScenario({ speedSpreadKmh: 0.8 })));
    const r = crowd.routes[0];
    for (let n = 0; n < crowd.grid.stepCount; n++) {
      expect(r.notDeparted[n] + r.onRoute[n] + r.arrived[n]).toBeCloseTo(24_000, 6);
    }
    // Faster walkers reach the end before the 25th hour, slower ones after the 49th.
    expect(r.arrived[23]).toBeGreaterThan(0);
    expect(r.arrived[49]).toBeLessThan(24_000);
  });
});

describe('hotspot stay duration', () => {
  // Walkers arrive at 1,000/h between 25 h and 49 h; 2,400 more come by vehicle over day 2 (100/h).
  // Each stays 6 h, so from 31 h on there are 6 × 1,000 walkers and 6 × 100 vehicle arrivals present.
  const input = straightRouteScenario({ destination: true });
  input.hotspots![0].dwellHours = 6;
  input.hotspots![0].arrivalsByVehicle = [{ date: '2025-08-02', persons: 2400 }];
  const crowd = simulateCrowd(parsed(input));
  const h = crowd.hotspots[0];

  it('keeps each arrival for dwellHours only', () => {
    expect(h.fromRoutes[40]).toBeCloseTo(6000, 6);
    expect(h.fromVehicles[40]).toBeCloseTo(600, 6);
    expect(h.persons[40]).toBeCloseTo(6700, 6);
    // Hour 27–28: walkers arrived since 25 h, mean (2.5 h × 1,000/h); vehicles since 24 h, mean 3.5 h × 100/h.
    expect(h.fromRoutes[27]).toBeCloseTo(2500, 6);
    expect(h.fromVehicles[27]).toBeCloseTo(350, 6);
  });

  it('empties 6 h after the last arrival', () => {
    // The last walker arrives at 49 h and leaves at 55 h; hour 52–53 holds the arrivals of 46.5–49 h on average.
    expect(h.fromRoutes[52]).toBeCloseTo(2500, 6);
    expect(h.fromRoutes[56]).toBeCloseTo(0, 9);
    expect(h.persons[56]).toBeCloseTo(100, 9);
  });
});
