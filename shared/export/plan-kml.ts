import type { PlannedSite, PlanResult } from '../plan/types';
import type { LonLat, Scenario } from '../scenario';
import { fixed } from './csv';
import { coverageRing } from '../geo/footprint';
import { asPlanSummary, type PlanSummary } from './plan-summary';
import { escapeXml } from './xml';

/** KML colours are aabbggrr. */
const STYLES = `
    <Style id="site-new"><IconStyle><color>ff1c1ce0</color><scale>1.1</scale></IconStyle><LabelStyle><scale>0.8</scale></LabelStyle></Style>
    <Style id="site-existing"><IconStyle><color>ffd07a1f</color><scale>0.9</scale></IconStyle><LabelStyle><scale>0.7</scale></LabelStyle></Style>
    <Style id="coverage-new"><LineStyle><color>cc1c1ce0</color><width>1</width></LineStyle><PolyStyle><color>331c1ce0</color></PolyStyle></Style>
    <Style id="coverage-existing"><LineStyle><color>ccd07a1f</color><width>1</width></LineStyle><PolyStyle><color>33d07a1f</color></PolyStyle></Style>
    <Style id="route"><LineStyle><color>ff00a5ff</color><width>4</width></LineStyle></Style>`;

function coords(points: readonly LonLat[]): string {
  return points.map(([lon, lat]) => `${fixed(lon, 7)},${fixed(lat, 7)},0`).join(' ');
}

function extendedData(fields: Record<string, string | number | boolean | null>): string {
  const items = Object.entries(fields)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `<Data name="${escapeXml(k)}"><value>${escapeXml(String(v))}</value></Data>`);
  return `<ExtendedData>${items.join('')}</ExtendedData>`;
}

function sitePlacemark(site: PlannedSite): string {
  const style = site.isNew ? 'site-new' : 'site-existing';
  const description = `${site.description}. ${site.isNew ? 'New' : 'Existing'} ${site.siteTypeId}: ${site.sectors} sectors, ${site.carriers}; range ${fixed(site.rangeKm, 2)} km; peak ${fixed(site.peakServedDlMbps, 1)} Mbps DL, ${fixed(site.peakServedUlMbps, 1)} Mbps UL (${fixed(site.peakUtilization * 100, 0)} % of the ${site.limitedBy}) at ${site.peakAt}`;
  return `<Placemark><name>${escapeXml(site.name)}</name><description>${escapeXml(description)}</description><styleUrl>#${style}</styleUrl>${extendedData(
    {
      id: site.id,
      type: site.siteTypeId,
      new: site.isNew,
      height_m: site.heightM,
      sectors: site.sectors,
      carriers: site.carriers,
      chainage_km: fixed(site.chainageKm, 3),
      nearest_pole: site.nearestPole,
      range_km: fixed(site.rangeKm, 3),
      peak_dl_mbps: fixed(site.peakServedDlMbps, 1),
      peak_ul_mbps: fixed(site.peakServedUlMbps, 1),
      peak_utilization: fixed(site.peakUtilization, 3),
      limited_by: site.limitedBy,
      peak_at: site.peakAt,
    },
  )}<Point><coordinates>${coords([[site.lon, site.lat]])}</coordinates></Point></Placemark>`;
}

function coveragePlacemark(site: PlannedSite): string {
  const style = site.isNew ? 'coverage-new' : 'coverage-existing';
  return `<Placemark><name>${escapeXml(`${site.name} coverage`)}</name><styleUrl>#${style}</styleUrl><Polygon><tessellate>1</tessellate><outerBoundaryIs><LinearRing><coordinates>${coords(
    coverageRing(site.lon, site.lat, site.rangeKm),
  )}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>`;
}

function folder(name: string, body: string[], open = false): string {
  return `<Folder><name>${escapeXml(name)}</name>${open ? '<open>1</open>' : ''}${body.join('')}</Folder>`;
}

/**
 * The plan as KML 2.2 for Google Earth: a Folder per route holding the route line, its sites (new and
 * existing styled apart) and their coverage circles; sites off the routes (hotspots, existing) in a last
 * folder. All text is XML-escaped; coordinates WGS84 with 7 decimals.
 */
export function planKml(plan: PlanResult | PlanSummary, scenario: Scenario): string {
  const summary = asPlanSummary(plan);
  const routeIds = new Set(scenario.routes.map((r) => r.id));
  const folders = scenario.routes.map((route) => {
    const sites = summary.sites.filter((s) => s.routeId === route.id);
    const line = `<Placemark><name>${escapeXml(route.name)}</name><styleUrl>#route</styleUrl>${extendedData({
      route_id: route.id,
    })}<LineString><tessellate>1</tessellate><coordinates>${coords(route.line)}</coordinates></LineString></Placemark>`;
    return folder(
      route.name,
      [
        line,
        folder('Sites', sites.map(sitePlacemark)),
        ...(sites.length > 0 ? [folder('Coverage', sites.map(coveragePlacemark))] : []),
      ],
      true,
    );
  });
  const others = summary.sites.filter((s) => s.routeId === null || !routeIds.has(s.routeId));
  if (others.length > 0) {
    folders.push(
      folder('Hotspots and other sites', [
        folder('Sites', others.map(sitePlacemark)),
        folder('Coverage', others.map(coveragePlacemark)),
      ]),
    );
  }
  const k = summary.kpis;
  const description = `${k.newSites} new sites, ${k.existingSitesUsed} existing used, capex ${Math.round(k.capexUsd)} USD (lower bound ${Math.round(k.lowerBoundUsd)} USD, gap ${fixed(k.gap * 100, 2)} %), served ${fixed(k.servedShare * 100, 2)} %`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2">
  <Document>
    <name>${escapeXml(summary.scenarioName)}</name>
    <description>${escapeXml(description)}</description>${STYLES}
    ${folders.join('\n    ')}
  </Document>
</kml>
`;
}
