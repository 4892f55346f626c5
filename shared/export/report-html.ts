import type { PlanResult } from '../plan/types';
import type { Scenario } from '../scenario';
import { asPlanSummary, type PlanSummary } from './plan-summary';
import { routeProfileSvg } from './profile-chart';
import { escapeXml as esc } from './xml';

const CSS = `
  :root { color-scheme: light; }
  body { font: 13px/1.45 system-ui, "Segoe UI", "Noto Sans", "Noto Sans Arabic", sans-serif; margin: 2rem auto; max-width: 960px; color: #1b1f24; padding: 0 1rem; }
  h1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #ccd; padding-bottom: .2rem; }
  h3 { font-size: 1rem; margin: 1.2rem 0 .3rem; }
  .meta { color: #555; margin: 0 0 1rem; }
  .kpis { display: grid; grid-template-columns: repeat(4, 1fr); gap: .5rem; }
  .kpi { border: 1px solid #ccd; border-radius: 6px; padding: .5rem .7rem; }
  .kpi b { display: block; font-size: 1.25rem; } .kpi span { color: #555; font-size: .85rem; }
  table { border-collapse: collapse; width: 100%; font-size: 12px; }
  th, td { border-bottom: 1px solid #dde; padding: 3px 6px; text-align: start; vertical-align: top; }
  td.n, th.n { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
  tr.new td:first-child { border-inline-start: 3px solid #e01c1c; } tr.existing td:first-child { border-inline-start: 3px solid #1f7ad0; }
  svg.profile { width: 100%; height: auto; font-size: 11px; }
  svg .grid { stroke: #e3e6ea; } svg .axis { stroke: #333; }
  svg .persons { fill: #f5a623; fill-opacity: .35; stroke: #f5a623; }
  svg .dl { fill: none; stroke: #6a3fb5; stroke-width: 1.5; }
  svg .site-new { fill: #e01c1c; } svg .site-existing { fill: #1f7ad0; } svg .unserved { fill: #e01c1c; }
  svg .persons-label { fill: #b06f00; } svg .dl-label { fill: #6a3fb5; }
  .warnings li { color: #8a4b00; }
  .legend { color: #555; font-size: .85rem; }
  @media print {
    body { margin: 0; max-width: none; font-size: 10.5px; }
    h2 { break-after: avoid; } table, svg, .kpis { break-inside: avoid; }
    tr { break-inside: avoid; } thead { display: table-header-group; }
    a { color: inherit; text-decoration: none; }
  }
  @page { size: A4; margin: 14mm; }
`;

function num(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function kpi(label: string, value: string): string {
  return `<div class="kpi"><b>${esc(value)}</b><span>${esc(label)}</span></div>`;
}

function table(
  head: string[],
  rows: string[][],
  numeric: boolean[],
  rowClass?: (i: number) => string,
): string {
  const th = head.map((h, i) => `<th${numeric[i] ? ' class="n"' : ''}>${esc(h)}</th>`).join('');
  const body = rows
    .map((r, i) => {
      const cls = rowClass ? ` class="${rowClass(i)}"` : '';
      return `<tr${cls}>${r.map((c, j) => `<td${numeric[j] ? ' class="n"' : ''}>${esc(c)}</td>`).join('')}</tr>`;
    })
    .join('\n');
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/**
 * A printable, self-contained HTML report of a plan: KPIs, per-route profile charts (inline SVG), the
 * site table, unserved demand, hotspots, the assumptions (demand, site types, planning limits) and the
 * model-validity warnings. No scripts, no external resources; print CSS for A4.
 */
export function planReportHtml(plan: PlanResult | PlanSummary, scenario: Scenario): string {
  const s = asPlanSummary(plan);
  const k = s.kpis;
  const routeName = new Map(scenario.routes.map((r) => [r.id, r.name]));
  const hotspotName = new Map(scenario.hotspots.map((h) => [h.id, h.name]));
  const kpis = [
    kpi('new sites', num(k.newSites)),
    kpi('existing sites used', num(k.existingSitesUsed)),
    kpi('capex, USD', num(k.capexUsd)),
    kpi('lower bound, USD', num(k.lowerBoundUsd)),
    kpi('optimality gap', `${num(k.gap * 100, 2)} %`),
    kpi('demand served', `${num(k.servedShare * 100, 2)} %`),
    kpi('unserved, Mbps·h', num(k.unservedMbpsHours, 1)),
    kpi('peak DL, Mbps', num(k.peakDlMbps, 1)),
  ].join('');
  const byType = Object.entries(k.newSitesByType)
    .map(([t, c]) => `${c} × ${t}`)
    .join(', ');

  const charts = s.routes
    .map((r) => {
      const name = routeName.get(r.routeId) ?? r.routeId;
      const sites = s.sites.filter((x) => x.routeId === r.routeId);
      const peakPersons = Math.max(0, ...r.personsByStep);
      return `<h3>${esc(name)} — ${num(r.lengthKm, 1)} km, ${sites.length} sites, up to ${num(peakPersons)} persons on the route</h3>
${routeProfileSvg(r, sites, `${name}: peak persons and DL demand per km along the route`)}`;
    })
    .join('\n');

  const siteRows = s.sites.map((x) => [
    x.name,
    x.isNew ? 'new' : 'existing',
    x.siteTypeId,
    num(x.lon, 5),
    num(x.lat, 5),
    x.routeId
      ? (routeName.get(x.routeId) ?? x.routeId)
      : x.hotspotId
        ? (hotspotName.get(x.hotspotId) ?? x.hotspotId)
        : '',
    num(x.chainageKm, 2),
    x.nearestPole === null ? '' : String(x.nearestPole),
    num(x.rangeKm, 2),
    num(x.peakServedDlMbps, 1),
    `${num(x.peakUtilization * 100, 0)} %`,
    x.peakAt.replace('T', ' '),
  ]);
  const siteTable = table(
    [
      'name',
      'status',
      'type',
      'lon',
      'lat',
      'route / hotspot',
      'km',
      'pole',
      'range km',
      'peak DL Mbps',
      'peak util.',
      'peak at',
    ],
    siteRows,
    [false, false, false, true, true, false, true, true, true, true, true, true],
    (i) => (s.sites[i].isNew ? 'new' : 'existing'),
  );

  const unservedTable =
    s.unserved.length === 0
      ? '<p>All demand is served at every step.</p>'
      : table(
          ['where', 'km', 'poles', 'from', 'to', 'peak unserved Mbps', 'Mbps·h', 'reason'],
          s.unserved.map((u) => [
            u.routeId
              ? (routeName.get(u.routeId) ?? u.routeId)
              : u.hotspotId
                ? (hotspotName.get(u.hotspotId) ?? u.hotspotId)
                : '',
            u.fromKm === null ? '' : `${num(u.fromKm, 1)}–${num(u.toKm, 1)}`,
            u.fromPole === null ? '' : `${u.fromPole}–${u.toPole ?? ''}`,
            u.from,
            u.to,
            num(u.peakUnservedDlMbps, 1),
            num(u.unservedMbpsHours, 1),
            u.reason,
          ]),
          [false, true, true, false, false, true, true, false],
        );

  const hotspotTable =
    s.hotspots.length === 0
      ? ''
      : `<h2>Hotspots</h2>${table(
          ['hotspot', 'peak persons', 'peak DL Mbps', 'peak at', 'peak unserved Mbps', 'unserved Mbps·h'],
          s.hotspots.map((h) => [
            hotspotName.get(h.hotspotId) ?? h.hotspotId,
            num(h.peakPersons),
            num(h.peakDlMbps, 1),
            h.peakAt.replace('T', ' '),
            num(h.peakUnservedDlMbps, 1),
            num(h.unservedMbpsHours, 1),
          ]),
          [false, true, true, true, true, true],
        )}`;

  const d = scenario.demand;
  const assumptions = table(
    ['assumption', 'value'],
    [
      [
        'horizon (local, end exclusive)',
        `${scenario.horizon.start} to ${scenario.horizon.end}, ${scenario.timezone}`,
      ],
      ['Arbaeen day', scenario.arbaeenDay],
      ['time step / segment', `${scenario.stepMinutes} min / ${scenario.segmentMeters} m`],
      ['phone share × operator share', `${d.phoneShare} × ${d.operatorShare}`],
      ['data per device per day', `${d.dailyMB} MB, uplink share ${d.uplinkShare}`],
      ['voice', `${d.voiceMilliErlang} mErl per device, blocking ${d.voiceBlocking}`],
      ['candidate spacing', `${scenario.planning.candidateSpacingMeters} m`],
      ['site types the planner may place', scenario.planning.siteTypes.join(', ')],
      [
        'budget',
        scenario.planning.budgetUsd === undefined ? 'none' : `${num(scenario.planning.budgetUsd)} USD`,
      ],
      [
        'maximum new sites',
        scenario.planning.maxNewSites === undefined ? 'none' : String(scenario.planning.maxNewSites),
      ],
      ['method', k.method],
      ['compute time', `${num(k.computeMs)} ms`],
    ],
    [false, false],
  );
  const siteTypes = table(
    ['site type', 'sectors', 'height m', 'capex USD', 'max util.', 'propagation', 'range', 'carriers'],
    scenario.siteTypes.map((t) => [
      `${t.name} (${t.id})`,
      String(t.sectors),
      num(t.heightM, 0),
      num(t.capexUsd),
      num(t.maxUtilization, 2),
      t.propagation,
      t.rangeKm !== undefined ? `${t.rangeKm} km (given)` : 'link budget',
      t.carriers
        .map((c) => `${c.tech} ${c.freqMHz} MHz ${c.bandwidthMHz} MHz × ${c.spectralEfficiency} b/s/Hz`)
        .join('; '),
    ]),
    [false, true, true, true, true, false, false, false],
  );
  const warnings =
    s.warnings.length === 0
      ? '<p>None: every model ran inside its validity range.</p>'
      : `<ul class="warnings">${s.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>`;

  return `<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`Site plan — ${s.scenarioName}`)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${esc(`Site plan — ${s.scenarioName}`)}</h1>
<p class="meta">${esc(`${scenario.routes.length} routes, ${scenario.hotspots.length} hotspots; horizon ${scenario.horizon.start} to ${scenario.horizon.end} (${scenario.timezone}); method ${k.method}${k.capped ? '; capped by budget or site count' : ''}`)}</p>
</header>
<section><h2>Key figures</h2><div class="kpis">${kpis}</div>
${byType ? `<p>New sites by type: ${esc(byType)}.</p>` : ''}</section>
<section><h2>Route profiles</h2>
<p class="legend">Orange area: peak persons per km over the horizon; purple line: peak DL demand per km; ▲ red: new site; ● blue: existing site; red band: stretches with unserved demand.</p>
${charts}</section>
<section><h2>Sites</h2>${siteTable}</section>
<section><h2>Unserved demand</h2>${unservedTable}</section>
${hotspotTable}
<section><h2>Assumptions</h2>${assumptions}<h3>Site types</h3>${siteTypes}</section>
<section><h2>Model validity and warnings</h2>${warnings}</section>
</body>
</html>
`;
}
