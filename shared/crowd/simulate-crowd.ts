import type { LonLat, Route, Scenario } from '../scenario';
import { localDateTimeToMinutes, localDateToMinutes, utcOffsetMinutesByZone } from '../time/local-time';
import { snapToRoute } from '../geo/chainage';
import { segmentRoute } from '../geo/segment-route';
import { findSharedStretches } from '../geo/shared-stretches';
import type { RouteSegments } from '../geo/segments';
import { shiftedOverlapIntegral, overlapLength, unitClamp, unitClampIntegral } from './band-integrals';
import { speedClasses } from './speed-classes';
import { stepPieces, walkingClock, walkingHoursAt, type StepPiece, type WalkingClock } from './walking-time';
import type { CrowdResult, HotspotCrowd, RouteCrowd, TimeGrid } from './types';

/** Builds the scenario's time axis. */
export function timeGrid(scenario: Pick<Scenario, 'horizon' | 'stepMinutes' | 'timezone'>): TimeGrid {
  const startMinutes = localDateToMinutes(scenario.horizon.start);
  const endMinutes = localDateToMinutes(scenario.horizon.end);
  return {
    startMinutes,
    stepMinutes: scenario.stepMinutes,
    stepCount: Math.round((endMinutes - startMinutes) / scenario.stepMinutes),
    utcOffsetMinutes: utcOffsetMinutesByZone[scenario.timezone] ?? 180,
  };
}

/**
 * A group of walkers that set out uniformly over walking times [a, b] at one speed from one chainage.
 * Each (join, departure date, speed class) is one cohort.
 */
interface Cohort {
  startKm: number;
  speedKmh: number;
  persons: number;
  a: number;
  b: number;
}

/** Chainage of a join: given, or its point snapped to the route. */
export function joinChainageKm(route: Route, joinIndex: number): number {
  const join = route.joins[joinIndex];
  if (join.atKm !== undefined) return join.atKm;
  return snapToRoute(route.line as LonLat[], join.at as LonLat).atKm;
}

function routeCohorts(route: Route, grid: TimeGrid, clock: WalkingClock, lengthKm: number): Cohort[] {
  const classes = speedClasses(route.speedKmh, route.speedSpreadKmh ?? 0);
  const cohorts: Cohort[] = [];
  route.joins.forEach((join, j) => {
    const startKm = Math.min(lengthKm, joinChainageKm(route, j));
    for (const dep of join.departures) {
      const day = Math.round((localDateToMinutes(dep.date) - grid.startMinutes) / 1440);
      const a = day * clock.hoursPerDay;
      const b = a + clock.hoursPerDay;
      for (const cls of classes) {
        const persons = join.walkers * dep.share * cls.share;
        if (persons > 0) cohorts.push({ startKm, speedKmh: cls.speedKmh, persons, a, b });
      }
    }
  });
  return cohorts;
}

/** Walking-time pieces of every step, and walking time at every step boundary. */
interface RouteClockTable {
  pieces: StepPiece[][];
  boundaryW: Float64Array;
}

function clockTable(clock: WalkingClock, grid: TimeGrid): RouteClockTable {
  const stepHours = grid.stepMinutes / 60;
  const pieces: StepPiece[][] = new Array(grid.stepCount);
  const boundaryW = new Float64Array(grid.stepCount + 1);
  for (let n = 0; n <= grid.stepCount; n++) boundaryW[n] = walkingHoursAt(clock, n * stepHours);
  for (let n = 0; n < grid.stepCount; n++) pieces[n] = stepPieces(clock, n * stepHours, (n + 1) * stepHours);
  return { pieces, boundaryW };
}

/** First index n with values[n] > x (values ascending). */
function firstAbove(values: Float64Array, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Step average of the fraction of a cohort that has passed walking-time offset `offset` (departed: 0; arrived: T). */
function averagePassed(pieces: StepPiece[], c: Cohort, offset: number, stepHours: number): number {
  const span = c.b - c.a;
  let sum = 0;
  for (const p of pieces) {
    if (p.w1 > p.w0)
      sum += span * unitClampIntegral((p.w0 - c.a - offset) / span, (p.w1 - c.a - offset) / span);
    else sum += unitClamp((p.w0 - c.a - offset) / span) * p.hours;
  }
  return sum / stepHours;
}

/** Adds one cohort's step-average occupancy to the route's segment × step array, and its totals. */
function addCohort(out: RouteCrowd, c: Cohort, table: RouteClockTable, grid: TimeGrid, segKm: number): void {
  const { segments } = out;
  const { edgesKm, count } = segments;
  const L = segments.lengthKm;
  const stepHours = grid.stepMinutes / 60;
  const v = c.speedKmh;
  const travelW = (L - c.startKm) / v;
  const span = c.b - c.a;
  const density = c.persons / (v * span); // persons per km inside the band
  const lo0 = c.startKm - v * c.b;
  const hi0 = c.startKm - v * c.a;
  const { boundaryW, pieces } = table;
  // Steps touched: from the first whose end is past the first departure to the first whose start is past the last arrival.
  const first = Math.max(0, firstAbove(boundaryW, c.a) - 1);
  const last = Math.min(grid.stepCount - 1, firstAbove(boundaryW, c.b + travelW) - 1);
  for (let n = 0; n < grid.stepCount; n++) {
    if (n < first) {
      out.notDeparted[n] += c.persons;
      continue;
    }
    if (n > last) {
      out.arrived[n] += c.persons;
      continue;
    }
    const departed = averagePassed(pieces[n], c, 0, stepHours);
    const arrived = travelW > 0 ? averagePassed(pieces[n], c, travelW, stepHours) : departed;
    out.notDeparted[n] += c.persons * (1 - departed);
    out.arrived[n] += c.persons * arrived;
    out.onRoute[n] += c.persons * (departed - arrived);
    const g0 = unitClamp((boundaryW[n] - c.a - travelW) / span);
    const g1 = unitClamp((boundaryW[n + 1] - c.a - travelW) / span);
    out.arrivalsPerStep[n] += c.persons * (g1 - g0);
    if (travelW <= 0) continue;
    const base = n * count;
    for (const p of pieces[n]) {
      const moving = p.w1 > p.w0;
      const lo = Math.max(c.startKm, lo0 + v * p.w0);
      const hi = Math.min(L, hi0 + v * p.w1);
      if (!(hi > lo)) continue;
      const iFirst = Math.min(count - 1, Math.floor(lo / segKm));
      const iLast = Math.min(count - 1, Math.floor(hi / segKm));
      for (let i = iFirst; i <= iLast; i++) {
        const cc = Math.max(edgesKm[i], c.startKm);
        const dd = Math.min(edgesKm[i + 1], L);
        if (!(dd > cc)) continue;
        const personKmHours = moving
          ? shiftedOverlapIntegral(lo0, hi0, cc, dd, v * p.w0, v * p.w1) / v
          : overlapLength(lo0 + v * p.w0, hi0 + v * p.w0, cc, dd) * p.hours;
        out.personsBySegmentStep[base + i] += (density * personKmHours) / stepHours;
      }
    }
  }
}

/** ∫ (arrived persons of one route) dt over real hours [from, to], person-hours. */
function arrivedPersonHours(
  cohorts: Cohort[],
  lengthKm: number,
  clock: WalkingClock,
  from: number,
  to: number,
): number {
  if (!(to > from)) return 0;
  const pieces = stepPieces(clock, from, to);
  let sum = 0;
  for (const c of cohorts)
    sum += c.persons * averagePassed(pieces, c, (lengthKm - c.startKm) / c.speedKmh, 1);
  return sum;
}

/**
 * Step average of a route's arrivals present in its destination hotspot: a walker arriving at τ is there
 * during [τ, min(τ + dwellHours, dwellUntil)). Present(t) = A(t) − A(t − dwellHours) before dwellUntil.
 */
function routePresenceInHotspot(
  crowd: RouteCrowd,
  cohorts: Cohort[],
  clock: WalkingClock,
  grid: TimeGrid,
  untilHours: number,
  dwellHours: number,
): Float64Array {
  const stepHours = grid.stepMinutes / 60;
  const present = new Float64Array(grid.stepCount);
  const L = crowd.segments.lengthKm;
  for (let n = 0; n < grid.stepCount; n++) {
    const t0 = n * stepHours;
    const end = Math.min(t0 + stepHours, untilHours);
    if (end <= t0) continue;
    const arrived =
      end === t0 + stepHours ? crowd.arrived[n] * stepHours : arrivedPersonHours(cohorts, L, clock, t0, end);
    const left = Number.isFinite(dwellHours)
      ? arrivedPersonHours(cohorts, L, clock, t0 - dwellHours, end - dwellHours)
      : 0;
    present[n] = (arrived - left) / stepHours;
  }
  return present;
}

/** ∫ clamp((t − dayStart) / 24, 0, 1) dt over [from, to]: person-hours per person arriving uniformly over a day. */
function dayArrivalHours(dayStart: number, from: number, to: number): number {
  return to > from ? 24 * unitClampIntegral((from - dayStart) / 24, (to - dayStart) / 24) : 0;
}

/**
 * Crowd flow: persons per route segment per time step (step averages) and persons present in each
 * hotspot per step, by the semantics of PRODUCT.md: joins at chainages with their own departure
 * profiles; departures uniform over the walking hours of their date; walking only inside the walking
 * windows at `speedKmh` (or a normal spread of speeds); walkers leave the route at its end and stay in
 * the destination hotspot for `dwellHours` (if given) and never past its `dwellUntil`. Conservation holds exactly at every step.
 */
export function simulateCrowd(scenario: Scenario): CrowdResult {
  const grid = timeGrid(scenario);
  const stepHours = grid.stepMinutes / 60;
  const segKm = scenario.segmentMeters / 1000;
  const segmentsByRoute: RouteSegments[] = scenario.routes.map((r) =>
    segmentRoute(r, scenario.segmentMeters),
  );
  const cohortsByRoute: Cohort[][] = [];
  const clocks: WalkingClock[] = [];
  const routes: RouteCrowd[] = scenario.routes.map((route, r) => {
    const segments = segmentsByRoute[r];
    const clock = walkingClock(route.walkingHours);
    const table = clockTable(clock, grid);
    const cohorts = routeCohorts(route, grid, clock, segments.lengthKm);
    const crowd: RouteCrowd = {
      routeId: route.id,
      segments,
      totalWalkers: route.joins.reduce((acc, j) => acc + j.walkers, 0),
      personsBySegmentStep: new Float64Array(grid.stepCount * segments.count),
      notDeparted: new Float64Array(grid.stepCount),
      onRoute: new Float64Array(grid.stepCount),
      arrived: new Float64Array(grid.stepCount),
      arrivalsPerStep: new Float64Array(grid.stepCount),
    };
    for (const c of cohorts) addCohort(crowd, c, table, grid, segKm);
    cohortsByRoute.push(cohorts);
    clocks.push(clock);
    return crowd;
  });

  const hotspots: HotspotCrowd[] = scenario.hotspots.map((h) => {
    const untilHours = (localDateTimeToMinutes(h.dwellUntil) - grid.startMinutes) / 60;
    const dwellHours = h.dwellHours ?? Infinity;
    const fromRoutes = new Float64Array(grid.stepCount);
    const fromVehicles = new Float64Array(grid.stepCount);
    const entriesPerStep = new Float64Array(grid.stepCount);
    scenario.routes.forEach((route, r) => {
      if (route.destination !== h.id) return;
      const present = routePresenceInHotspot(
        routes[r],
        cohortsByRoute[r],
        clocks[r],
        grid,
        untilHours,
        dwellHours,
      );
      for (let n = 0; n < grid.stepCount; n++) {
        fromRoutes[n] += present[n];
        entriesPerStep[n] += routes[r].arrivalsPerStep[n];
      }
    });
    for (const arrival of h.arrivalsByVehicle ?? []) {
      const dayStart = (localDateToMinutes(arrival.date) - grid.startMinutes) / 60;
      for (let n = 0; n < grid.stepCount; n++) {
        const t0 = n * stepHours;
        const t1 = t0 + stepHours;
        entriesPerStep[n] +=
          arrival.persons * (unitClamp((t1 - dayStart) / 24) - unitClamp((t0 - dayStart) / 24));
        const end = Math.min(t1, untilHours);
        if (end <= t0) continue;
        const left = Number.isFinite(dwellHours)
          ? dayArrivalHours(dayStart, t0 - dwellHours, end - dwellHours)
          : 0;
        fromVehicles[n] += (arrival.persons * (dayArrivalHours(dayStart, t0, end) - left)) / stepHours;
      }
    }
    const residents = h.residents ?? 0;
    const persons = new Float64Array(grid.stepCount);
    for (let n = 0; n < grid.stepCount; n++) persons[n] = residents + fromRoutes[n] + fromVehicles[n];
    return { hotspotId: h.id, persons, fromRoutes, fromVehicles, residents, entriesPerStep };
  });

  const { owners, stretches } = findSharedStretches(
    scenario.routes.map((r) => r.line as LonLat[]),
    segmentsByRoute,
  );
  return { grid, routes, hotspots, sharedStretches: stretches, segmentOwners: owners };
}
