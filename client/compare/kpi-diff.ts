/**
 * The key-figure difference between two scenarios (or two revisions of one): pilgrims, peak DL demand,
 * new sites (in total and by type), capex, unserved demand and the optimality gap. Pure: the compare view
 * formats the rows; the tests check the arithmetic.
 */
import type { PlanKpis } from '../../shared/index';

/** What the pilgrim count needs of a scenario document. */
export interface PilgrimSource {
  routes: readonly { joins: readonly { walkers: number }[] }[];
  hotspots?: readonly { arrivalsByVehicle?: readonly { persons: number }[] }[];
  siteTypes?: readonly { id: string; name: string }[];
}

/** One side of a comparison: its scenario document and the KPIs of its stored plan (null: not planned). */
export interface CompareSide {
  doc: PilgrimSource;
  kpis: PlanKpis | null;
}

export type KpiRowKind = 'pilgrims' | 'peakDl' | 'newSites' | 'newSitesOfType' | 'capex' | 'unserved' | 'gap';

/** How a value is shown. */
export type KpiUnit = 'persons' | 'mbps' | 'sites' | 'usd' | 'mbpsHours' | 'ratio';

export interface KpiDiffRow {
  kind: KpiRowKind;
  /** For `newSitesOfType`: the site type's id and its name (from B, else A). */
  siteTypeId?: string;
  siteTypeName?: string;
  unit: KpiUnit;
  a: number | null;
  b: number | null;
  /** b − a, or null when either is unknown. */
  delta: number | null;
  /** (b − a) / |a|, or null when a is 0 or unknown. */
  relative: number | null;
  /** Whether B is better, worse or the same as A where that has a direction (cost, unserved, gap). */
  verdict: 'better' | 'worse' | 'same' | null;
}

/** Pilgrims of a scenario: every walker entering a route plus every person arriving by vehicle. */
export function pilgrimCount(doc: PilgrimSource): number {
  let total = 0;
  for (const r of doc.routes) for (const j of r.joins) total += j.walkers;
  for (const h of doc.hotspots ?? []) for (const a of h.arrivalsByVehicle ?? []) total += a.persons;
  return total;
}

/** Relative tolerance under which two values count as the same (rounding in stored plans). */
const SAME = 1e-9;

function row(
  kind: KpiRowKind,
  unit: KpiUnit,
  a: number | null,
  b: number | null,
  lowerIsBetter: boolean | null,
  extra: Partial<KpiDiffRow> = {},
): KpiDiffRow {
  const delta = a === null || b === null ? null : b - a;
  const relative = delta === null || a === null || a === 0 ? null : delta / Math.abs(a);
  let verdict: KpiDiffRow['verdict'] = null;
  if (delta !== null && lowerIsBetter !== null) {
    const scale = Math.max(Math.abs(a ?? 0), Math.abs(b ?? 0), 1);
    if (Math.abs(delta) <= SAME * scale) verdict = 'same';
    else verdict = delta < 0 === lowerIsBetter ? 'better' : 'worse';
  }
  return { kind, unit, a, b, delta, relative, verdict, ...extra };
}

/**
 * The difference table of two sides, in a fixed order: pilgrims, peak DL demand, new sites, new sites of
 * each type (the union of both plans' types, in the order the scenarios list them), capex, unserved
 * demand, optimality gap. Figures of an unplanned side are null.
 */
export function kpiDiff(a: CompareSide, b: CompareSide): KpiDiffRow[] {
  const ka = a.kpis;
  const kb = b.kpis;
  const rows: KpiDiffRow[] = [
    row('pilgrims', 'persons', pilgrimCount(a.doc), pilgrimCount(b.doc), null),
    row('peakDl', 'mbps', ka?.peakDlMbps ?? null, kb?.peakDlMbps ?? null, null),
    row('newSites', 'sites', ka?.newSites ?? null, kb?.newSites ?? null, null),
  ];
  const names = new Map<string, string>();
  for (const t of [...(a.doc.siteTypes ?? []), ...(b.doc.siteTypes ?? [])]) names.set(t.id, t.name);
  for (const t of b.doc.siteTypes ?? []) names.set(t.id, t.name);
  const typeOrder = [...names.keys()];
  const used = new Set([...Object.keys(ka?.newSitesByType ?? {}), ...Object.keys(kb?.newSitesByType ?? {})]);
  const types = [...typeOrder.filter((id) => used.has(id)), ...[...used].filter((id) => !names.has(id))];
  for (const id of types) {
    rows.push(
      row(
        'newSitesOfType',
        'sites',
        ka ? (ka.newSitesByType[id] ?? 0) : null,
        kb ? (kb.newSitesByType[id] ?? 0) : null,
        null,
        {
          siteTypeId: id,
          siteTypeName: names.get(id) ?? id,
        },
      ),
    );
  }
  rows.push(
    row('capex', 'usd', ka?.capexUsd ?? null, kb?.capexUsd ?? null, true),
    row('unserved', 'mbpsHours', ka?.unservedMbpsHours ?? null, kb?.unservedMbpsHours ?? null, true),
    row('gap', 'ratio', ka?.gap ?? null, kb?.gap ?? null, true),
  );
  return rows;
}
