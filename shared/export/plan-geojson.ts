import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { PlanResult } from '../plan/types';
import type { Scenario } from '../scenario';
import { fixed } from './csv';
import { coverageRing } from '../geo/footprint';
import { measureLine, sliceLineKm } from '../geo/segment-route';
import { roundCoord } from './geometry';
import { asPlanSummary, type PlanSummary } from './plan-summary';
import { segmentLengthKm, segmentService } from './segment-service';

type Props = Record<string, string | number | boolean | null>;

/**
 * The plan as GeoJSON (RFC 7946, WGS84): every site as a Point (`kind: "site"`), its coverage footprint
 * as a circle Polygon (`kind: "coverage"`), and every route segment as a LineString (`kind: "segment"`)
 * with peak persons/km, peak DL Mbps/km and how well it is served.
 */
export function planGeoJson(
  plan: PlanResult | PlanSummary,
  scenario: Scenario,
): FeatureCollection<Geometry, Props> {
  const summary = asPlanSummary(plan);
  const routes = new Map(scenario.routes.map((r) => [r.id, r]));
  const features: Feature<Geometry, Props>[] = [];
  summary.sites.forEach((site) => {
    const props: Props = {
      kind: 'site',
      id: site.id,
      name: site.name,
      description: site.description,
      type: site.siteTypeId,
      new: site.isNew,
      height_m: site.heightM,
      sectors: site.sectors,
      carriers: site.carriers,
      route: site.routeId,
      chainage_km: fixed(site.chainageKm, 3),
      nearest_pole: site.nearestPole,
      hotspot: site.hotspotId,
      range_km: fixed(site.rangeKm, 3),
      capex_usd: site.capexUsd,
      peak_dl_mbps: fixed(site.peakServedDlMbps, 1),
      peak_ul_mbps: fixed(site.peakServedUlMbps, 1),
      peak_utilization: fixed(site.peakUtilization, 3),
      limited_by: site.limitedBy,
      peak_at: site.peakAt,
    };
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [roundCoord(site.lon), roundCoord(site.lat)] },
      properties: props,
    });
  });
  summary.sites.forEach((site) => {
    features.push({
      type: 'Feature',
      geometry: {
        type: 'Polygon',
        coordinates: [
          coverageRing(site.lon, site.lat, site.rangeKm).map(([x, y]) => [roundCoord(x), roundCoord(y)]),
        ],
      },
      properties: { kind: 'coverage', site: site.id, new: site.isNew, range_km: fixed(site.rangeKm, 3) },
    });
  });
  for (const profile of summary.routes) {
    const route = routes.get(profile.routeId);
    if (!route) continue;
    const measured = measureLine(route.line);
    for (let i = 0; i < profile.segmentCount; i++) {
      const lengthKm = segmentLengthKm(profile, i);
      const coordinates = sliceLineKm(measured, profile.edgesKm[i], profile.edgesKm[i + 1]).map(([x, y]) => [
        roundCoord(x),
        roundCoord(y),
      ]);
      const covering = profile.coveringSite[i];
      features.push({
        type: 'Feature',
        geometry: { type: 'LineString', coordinates },
        properties: {
          kind: 'segment',
          route: profile.routeId,
          route_name: route.name,
          segment: i,
          from_km: fixed(profile.edgesKm[i], 3),
          to_km: fixed(profile.edgesKm[i + 1], 3),
          nearest_pole: profile.nearestPole ? profile.nearestPole[i] : null,
          peak_persons: fixed(profile.peakPersons[i], 0),
          peak_persons_per_km: fixed(profile.peakPersons[i] / lengthKm, 0),
          peak_dl_mbps: fixed(profile.peakDlMbps[i], 2),
          peak_dl_mbps_per_km: fixed(profile.peakDlMbps[i] / lengthKm, 2),
          unserved_mbps_hours: fixed(profile.unservedMbpsHours[i], 2),
          covering_site: covering >= 0 && covering < summary.sites.length ? summary.sites[covering].id : null,
          service: segmentService(profile, i),
        },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}
