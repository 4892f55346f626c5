import type { Demand, Scenario } from '../scenario';
import type { CrowdResult, TimeGrid } from '../crowd/types';
import type { DemandResult, TrafficSeries } from './types';

/** Seconds per hour and bits per byte: MB per hour → Mbps is × 8 / 3600. */
const MBPS_PER_MB_PER_HOUR = 8 / 3600;

/**
 * Share of a device's daily volume per hour during each step (the hourly profile, averaged over the
 * hours a step covers), so that Mbps = devices × dailyMB × share × 8 / 3600.
 */
export function hourlyShareByStep(grid: TimeGrid, profile: readonly number[]): Float64Array {
  const out = new Float64Array(grid.stepCount);
  for (let n = 0; n < grid.stepCount; n++) {
    const startMinute = (grid.startMinutes + n * grid.stepMinutes) % 1440;
    let sum = 0;
    const minutes = grid.stepMinutes;
    // Average the hourly profile over the minutes of the step (minute resolution covers any step).
    for (let m = 0; m < minutes; m += Math.min(60, minutes)) {
      sum += profile[Math.floor(((startMinute + m) % 1440) / 60)] * Math.min(60, minutes);
    }
    out[n] = sum / minutes;
  }
  return out;
}

/** Devices per person on the planned operator. */
export function devicesPerPerson(demand: Demand): number {
  return demand.phoneShare * demand.operatorShare;
}

/**
 * Traffic of persons laid out as [step * width + place]: devices = persons × phoneShare × operatorShare;
 * Mbps = devices × dailyMB × hourly share × 8 / 3600, split DL/UL by uplinkShare; Erlangs = devices × mErl / 1000.
 */
export function trafficFromPersons(
  persons: Float64Array,
  width: number,
  hourShare: Float64Array,
  demand: Demand,
): TrafficSeries {
  const n = persons.length;
  const devices = new Float64Array(n);
  const dlMbps = new Float64Array(n);
  const ulMbps = new Float64Array(n);
  const erlangs = new Float64Array(n);
  const perPerson = devicesPerPerson(demand);
  const erlPerDevice = demand.voiceMilliErlang / 1000;
  for (let k = 0; k < n; k++) {
    const step = Math.floor(k / width);
    const d = persons[k] * perPerson;
    const mbps = d * demand.dailyMB * hourShare[step] * MBPS_PER_MB_PER_HOUR;
    devices[k] = d;
    dlMbps[k] = mbps * (1 - demand.uplinkShare);
    ulMbps[k] = mbps * demand.uplinkShare;
    erlangs[k] = d * erlPerDevice;
  }
  return { devices, dlMbps, ulMbps, erlangs };
}

/**
 * Demand: devices, DL and UL Mbps and voice Erlangs per route segment per step and per hotspot per step,
 * from the crowd's step-average persons.
 */
export function estimateDemand(scenario: Pick<Scenario, 'demand'>, crowd: CrowdResult): DemandResult {
  const hourShare = hourlyShareByStep(crowd.grid, scenario.demand.hourlyProfile);
  return {
    grid: crowd.grid,
    routes: crowd.routes.map((r) => ({
      routeId: r.routeId,
      segments: r.segments,
      traffic: trafficFromPersons(r.personsBySegmentStep, r.segments.count, hourShare, scenario.demand),
    })),
    hotspots: crowd.hotspots.map((h) => ({
      hotspotId: h.hotspotId,
      traffic: trafficFromPersons(h.persons, 1, hourShare, scenario.demand),
    })),
  };
}
