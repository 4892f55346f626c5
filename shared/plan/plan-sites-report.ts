/**
 * The plan's site table: every open site (new and existing) with its position on a route (chainage,
 * nearest pole) or in a hotspot, its radio figures and its busiest step.
 */
import { snapToRoute } from '../geo/chainage';
import { poleNearKm } from '../geo/segment-route';
import type { PlacementResult } from '../placement';
import type { LonLat, Scenario, SiteType } from '../scenario';
import { minutesToLocalDateTime } from '../time/local-time';
import type { TimeGrid } from '../crowd/types';
import type { PlannedSite } from './types';

/** An existing site this close to a route, km, is reported on it (chainage, nearest pole). */
export const EXISTING_SITE_SNAP_KM = 1;

/** "LTE 800 MHz 10 MHz; NR 3500 MHz 100 MHz". */
export function carriersText(type: SiteType): string {
  return type.carriers.map((c) => `${c.tech} ${c.freqMHz} MHz ${c.bandwidthMHz} MHz`).join('; ');
}

/** Local time text of a step's start. */
export function stepLocalTime(grid: TimeGrid, step: number): string {
  return minutesToLocalDateTime(grid.startMinutes + step * grid.stepMinutes);
}

/** Builds `PlannedSite` rows for the open sites, in `solution.openSites` order. */
export function plannedSites(scenario: Scenario, placement: PlacementResult, grid: TimeGrid): PlannedSite[] {
  const { solution, candidates, radio } = placement;
  const types = new Map(scenario.siteTypes.map((t) => [t.id, t]));
  const K = solution.openSites.length;
  const T = grid.stepCount;
  const seen = new Map<string, number>();
  const existingNames = new Map(scenario.existingSites.map((e) => [e.id, e.name ?? e.id]));
  return Array.from(solution.openSites, (j, k) => {
    const c = candidates[j];
    const type = types.get(c.siteTypeId) as SiteType;
    const r = radio[c.siteTypeId];
    let routeIndex = c.routeIndex;
    let chainageKm: number | null = Number.isFinite(c.chainageKm) ? c.chainageKm : null;
    if (c.existingId !== null) {
      let best = Infinity;
      scenario.routes.forEach((route, ri) => {
        const snap = snapToRoute(route.line as LonLat[], [c.lon, c.lat]);
        if (snap.offsetKm <= EXISTING_SITE_SNAP_KM && snap.offsetKm < best) {
          best = snap.offsetKm;
          routeIndex = ri;
          chainageKm = snap.atKm;
        }
      });
    }
    const route = routeIndex >= 0 ? scenario.routes[routeIndex] : null;
    const lengthKm = route ? (placement.routeLengthKm[routeIndex] ?? 0) : 0;
    const nearestPole =
      route?.poles && chainageKm !== null ? poleNearKm(route.poles, lengthKm, chainageKm) : null;
    let peak = 0;
    let peakStep = 0;
    for (let t = 0; t < T; t++) {
      const load = solution.siteLoadDlMbps[t * K + k];
      if (load > peak + 1e-12) {
        peak = load;
        peakStep = t;
      }
    }
    const hotspot = c.hotspotIndex >= 0 ? scenario.hotspots[c.hotspotIndex] : null;
    const where = route
      ? `${route.name} km ${(chainageKm ?? 0).toFixed(1)}${nearestPole !== null ? ` (pole ${nearestPole})` : ''}`
      : hotspot
        ? hotspot.name
        : `${c.lat.toFixed(5)}, ${c.lon.toFixed(5)}`;
    let id: string;
    if (c.existingId !== null) id = c.existingId;
    else {
      const base = route
        ? `${route.id}-km${(chainageKm ?? 0).toFixed(1)}-${c.siteTypeId}`
        : hotspot
          ? `${hotspot.id}-${c.siteTypeId}`
          : `site-${c.siteTypeId}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      id = route && n === 1 ? base : `${base}-${n}`;
    }
    return {
      id,
      // Short and unique, as site tables (Atoll, Planet) and Google Earth labels want; `where` goes to the description.
      name: c.existingId !== null ? (existingNames.get(c.existingId) ?? c.existingId) : id,
      description: `${type.name}${c.existingId !== null ? ' (existing)' : ''} at ${where}`,
      lon: c.lon,
      lat: c.lat,
      siteTypeId: c.siteTypeId,
      isNew: c.existingId === null,
      heightM: type.heightM,
      sectors: type.sectors,
      carriers: carriersText(type),
      capexUsd: c.existingId === null ? type.capexUsd : 0,
      routeId: route ? route.id : null,
      chainageKm,
      nearestPole,
      hotspotId: hotspot ? hotspot.id : null,
      rangeKm: r?.rangeKm ?? 0,
      usableDlMbps: r?.usableDlMbps ?? 0,
      capacityDlMbps: r?.capacityDlMbps ?? 0,
      capacityUlMbps: r?.capacityUlMbps ?? 0,
      peakServedDlMbps: peak,
      peakServedUlMbps: r ? peak * r.ulPerDlMbps : 0,
      // Finite: a type without capacity in a direction the demand uses serves nothing (peak 0).
      peakUtilization: r && peak > 0 ? peak * r.utilizationPerDlMbps : 0,
      limitedBy: r?.limitedBy ?? 'DL',
      peakStep,
      peakAt: stepLocalTime(grid, peakStep),
    };
  });
}
