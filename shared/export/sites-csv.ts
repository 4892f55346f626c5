import type { PlanResult } from '../plan/types';
import type { Scenario } from '../scenario';
import { csvText, fixed, type CsvValue } from './csv';
import { asPlanSummary, type PlanSummary } from './plan-summary';

/** Columns of the site table, in order: the first seven are what RF tools (Atoll, Planet) import. */
export const SITES_CSV_COLUMNS = [
  'name',
  'longitude',
  'latitude',
  'height_m',
  'type',
  'sectors',
  'carriers',
  'route',
  'chainage_km',
  'nearest_pole',
  'range_km',
  'peak_dl_mbps',
  'peak_utilization',
  'peak_at',
  'new',
  'peak_ul_mbps',
  'limited_by',
] as const;

/**
 * The plan's sites as CSV for rollout teams: one row per site (new and existing), WGS84 decimal degrees,
 * chainage in km along the named route, peak DL (and the UL that comes with it) in Mbps at the local time
 * `peak_at`; `peak_utilization` is the busier direction's, named in `limited_by`. Text cells that a
 * spreadsheet would run as formulas are neutralised with a leading `'`.
 */
export function sitesCsv(plan: PlanResult | PlanSummary, scenario: Scenario): string {
  const summary = asPlanSummary(plan);
  const routeNames = new Map(scenario.routes.map((r) => [r.id, r.name]));
  const rows: CsvValue[][] = summary.sites.map((site) => [
    site.name,
    fixed(site.lon, 6),
    fixed(site.lat, 6),
    fixed(site.heightM, 1),
    site.siteTypeId,
    site.sectors,
    site.carriers,
    site.routeId === null ? null : (routeNames.get(site.routeId) ?? site.routeId),
    fixed(site.chainageKm, 3),
    site.nearestPole,
    fixed(site.rangeKm, 3),
    fixed(site.peakServedDlMbps, 1),
    fixed(site.peakUtilization, 3),
    site.peakAt,
    site.isNew,
    fixed(site.peakServedUlMbps, 1),
    site.limitedBy,
  ]);
  return csvText(SITES_CSV_COLUMNS, rows);
}
