/**
 * A plan as the workspace shows it: the server's stored plan (sites, KPIs, unserved stretches, per-route
 * profiles and, on request, per segment-step service) laid onto the time model's global segment index,
 * so the map can colour unserved segments per step and the charts can show capacity along a route.
 */
import type { PlanKpis, PlannedSite, UnservedStretch } from '../../shared/index';
import type { PlanResultResponse } from '../../shared/api/schemas';
import type { TimeModel } from './time-model';

export interface PlanView {
  scenarioId: string;
  revision: number;
  createdAt: string;
  sites: PlannedSite[];
  kpis: PlanKpis;
  unserved: UnservedStretch[];
  warnings: string[];
  /** Unserved DL Mbps per global segment per step, or null when the plan's segments do not match the model. */
  unservedBySegment: Float32Array | null;
  /** Served DL Mbps per global segment per step (same availability). */
  servedBySegment: Float32Array | null;
  /** Per global segment: index into `sites` of the site serving it best, or -1. */
  coveringSite: Int32Array;
  /** Usable DL capacity along the roads, Mbps per km, per global segment (see `capacityPerKm`). */
  capacityPerKm: Float32Array;
}

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance, km. */
export function distanceKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * Usable DL capacity along the roads, Mbps per km: each site's usable capacity spread evenly over the
 * road length its range reaches (segments whose midpoint is within range, each physical road counted
 * once), summed over the sites reaching a segment. Comparable with DL demand per km: where demand per
 * km exceeds it, the sites there cannot carry the crowd at that hour.
 */
export function capacityPerKm(model: TimeModel, sites: readonly PlannedSite[]): Float32Array {
  const out = new Float32Array(model.segmentCount);
  for (const site of sites) {
    const reached: number[] = [];
    let km = 0;
    const degLat = site.rangeKm / 111 + 0.01;
    for (const route of model.routes) {
      const { midLonLat, edgesKm, count } = route.segments;
      for (let i = 0; i < count; i++) {
        const lon = midLonLat[2 * i];
        const lat = midLonLat[2 * i + 1];
        if (Math.abs(lat - site.lat) > degLat) continue;
        if (distanceKm(site.lon, site.lat, lon, lat) > site.rangeKm) continue;
        reached.push(route.offset + i);
        if (route.sharedWith[i] < 0) km += edgesKm[i + 1] - edgesKm[i];
      }
    }
    if (km <= 0) continue;
    const density = site.usableDlMbps / km;
    for (const g of reached) out[g] += density;
  }
  return out;
}

/** Lays a stored plan onto the time model. */
export function buildPlanView(plan: PlanResultResponse, model: TimeModel): PlanView {
  const { segmentCount } = model;
  const stepCount = model.grid.stepCount;
  const coveringSite = new Int32Array(segmentCount).fill(-1);
  let served: Float32Array | null = null;
  let unserved: Float32Array | null = null;
  const byId = new Map(model.routes.map((r) => [r.routeId, r]));
  for (const profile of plan.routes) {
    const route = byId.get(profile.routeId);
    if (!route || profile.segmentCount !== route.segments.count) continue;
    profile.coveringSite.forEach((site, i) => (coveringSite[route.offset + i] = site));
  }
  const service = plan.service ?? [];
  const matches =
    plan.grid.stepCount === stepCount &&
    service.length > 0 &&
    service.every((s) => {
      const route = byId.get(s.routeId);
      return (
        route &&
        s.segmentCount === route.segments.count &&
        s.servedDlMbps.length === s.segmentCount * stepCount
      );
    });
  if (matches) {
    served = new Float32Array(stepCount * segmentCount);
    unserved = new Float32Array(stepCount * segmentCount);
    for (const s of service) {
      const route = byId.get(s.routeId)!;
      const width = s.segmentCount;
      for (let n = 0; n < stepCount; n++) {
        const row = n * segmentCount + route.offset;
        for (let i = 0; i < width; i++) {
          served[row + i] = s.servedDlMbps[n * width + i];
          unserved[row + i] = s.unservedDlMbps[n * width + i];
        }
      }
      s.coveringSite.forEach((site, i) => {
        if (i < width) coveringSite[route.offset + i] = site;
      });
    }
  }
  return {
    scenarioId: plan.scenarioId,
    revision: plan.revision,
    createdAt: plan.createdAt,
    sites: plan.sites,
    kpis: plan.kpis,
    unserved: plan.unserved,
    warnings: plan.warnings,
    unservedBySegment: unserved,
    servedBySegment: served,
    coveringSite,
    capacityPerKm: capacityPerKm(model, plan.sites),
  };
}

/**
 * A site's utilisation per step: the served DL demand of the segments it serves best, over its full DL
 * capacity. An approximation (the optimiser may split a segment's demand among overlapping sites, and
 * hotspot demand is not in the per-segment arrays), labelled as such in the chart.
 */
export function siteUtilisationSeries(
  view: PlanView,
  model: TimeModel,
  siteIndex: number,
): Float64Array | null {
  if (!view.servedBySegment) return null;
  const site = view.sites[siteIndex];
  if (!site || !(site.capacityDlMbps > 0)) return null;
  const segments: number[] = [];
  for (const route of model.routes) {
    for (let i = 0; i < route.segments.count; i++) {
      const g = route.offset + i;
      if (view.coveringSite[g] === siteIndex && route.sharedWith[i] < 0) segments.push(g);
    }
  }
  const stepCount = model.grid.stepCount;
  const out = new Float64Array(stepCount);
  for (let n = 0; n < stepCount; n++) {
    const row = n * model.segmentCount;
    let sum = 0;
    for (const g of segments) sum += view.servedBySegment[row + g];
    out[n] = sum / site.capacityDlMbps;
  }
  return out;
}
