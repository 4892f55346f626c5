/**
 * A plan as the workspace shows it: the server's stored plan (sites, KPIs, unserved stretches, per-route
 * profiles and, on request, per segment-step service) laid onto the time model's global segment index,
 * so the map can colour unserved segments per step and the charts can show capacity along a route.
 */
import type { Note, PlanKpis, PlannedSite, UnservedStretch } from '../../shared/index';
import type { PlanResultResponse } from '../../shared/api/schemas';
import type { TimeModel } from './time-model';

export interface PlanView {
  scenarioId: string;
  revision: number;
  createdAt: string;
  sites: PlannedSite[];
  kpis: PlanKpis;
  unserved: UnservedStretch[];
  /** Model-validity warnings and solver notes, written in the reader's language by the KPI panel. */
  notes: Note[];
  /** Unserved DL Mbps per global segment per step, or null when the plan's segments do not match the model. */
  unservedBySegment: Float32Array | null;
  /** Served DL Mbps per global segment per step (same availability). */
  servedBySegment: Float32Array | null;
  /** Per global segment: index into `sites` of the site serving it best, or -1. */
  coveringSite: Int32Array;
  /** Usable DL capacity along the roads, Mbps per km, per global segment (see `reachOf`). */
  capacityPerKm: Float32Array;
  /** Which segments each site reaches and the capacity reaching each segment. */
  reach: Reach;
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

/** Which segments each site reaches, and how much usable capacity reaches each segment. */
export interface Reach {
  /** Per site: global indices of the segments whose midpoint lies within its range. */
  siteSegments: Int32Array[];
  /** Per global segment: Σ usable DL capacity of the sites reaching it, Mbps. */
  capacityReaching: Float32Array;
  /** Usable DL capacity along the roads, Mbps per km (see `reachOf`). */
  capacityPerKm: Float32Array;
}

/**
 * Each site's reach along the roads. Capacity per km: a site's usable capacity spread evenly over the
 * road length its range reaches (each physical road counted once), summed over the sites reaching a
 * segment — comparable with DL demand per km: where demand per km exceeds it, the sites there cannot
 * carry the crowd at that hour.
 */
export function reachOf(model: TimeModel, sites: readonly PlannedSite[]): Reach {
  const capacityPerKm = new Float32Array(model.segmentCount);
  const capacityReaching = new Float32Array(model.segmentCount);
  const siteSegments: Int32Array[] = [];
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
    siteSegments.push(Int32Array.from(reached));
    for (const g of reached) capacityReaching[g] += site.usableDlMbps;
    if (km <= 0) continue;
    const density = site.usableDlMbps / km;
    for (const g of reached) capacityPerKm[g] += density;
  }
  return { siteSegments, capacityReaching, capacityPerKm };
}

/** Usable DL capacity along the roads, Mbps per km, per global segment. */
export function capacityPerKm(model: TimeModel, sites: readonly PlannedSite[]): Float32Array {
  return reachOf(model, sites).capacityPerKm;
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
  const reach = reachOf(model, plan.sites);
  return {
    scenarioId: plan.scenarioId,
    revision: plan.revision,
    createdAt: plan.createdAt,
    sites: plan.sites,
    kpis: plan.kpis,
    unserved: plan.unserved,
    notes: plan.notes,
    unservedBySegment: unserved,
    servedBySegment: served,
    coveringSite,
    capacityPerKm: reach.capacityPerKm,
    reach,
  };
}

/**
 * Utilisation of a site's busier direction per DL Mbps it serves: the UL comes with the DL at the
 * scenario's uplink share, so both utilisations are proportional to the DL load (read from the plan's
 * peak; the DL's alone for a site that serves nothing).
 */
export function utilisationPerDlMbps(site: PlannedSite): number {
  return site.peakServedDlMbps > 0
    ? site.peakUtilization / site.peakServedDlMbps
    : 1 / Math.max(1e-9, site.capacityDlMbps);
}

/**
 * A site's utilisation per step, estimated: the served DL demand of the segments in its range, each
 * segment's demand shared among the sites reaching it in proportion to their usable capacity, then
 * scaled so that its peak equals the plan's reported peak utilisation for the site (of the busier
 * direction, DL or UL). The plan reports each site's peak but not its per-step load, so the shape is an
 * estimate and the chart says so; hotspot demand is not in the per-segment arrays. Null without service arrays or when nothing in range is served.
 */
export function siteUtilisationSeries(
  view: PlanView,
  model: TimeModel,
  siteIndex: number,
): Float64Array | null {
  const served = view.servedBySegment;
  const site = view.sites[siteIndex];
  const segments = view.reach.siteSegments[siteIndex];
  if (!served || !site || !segments || !(site.capacityDlMbps > 0)) return null;
  const weights = Float64Array.from(
    segments,
    (g) => site.usableDlMbps / Math.max(1e-9, view.reach.capacityReaching[g]),
  );
  const stepCount = model.grid.stepCount;
  const raw = new Float64Array(stepCount);
  let peak = 0;
  for (let n = 0; n < stepCount; n++) {
    const row = n * model.segmentCount;
    let sum = 0;
    for (let k = 0; k < segments.length; k++) sum += served[row + segments[k]] * weights[k];
    raw[n] = sum;
    if (sum > peak) peak = sum;
  }
  if (!(peak > 0)) return null;
  const scale = site.peakServedDlMbps > 0 ? site.peakServedDlMbps / peak : 1;
  const perDl = utilisationPerDlMbps(site);
  for (let n = 0; n < stepCount; n++) raw[n] *= scale * perDl;
  return raw;
}
