import type { PlanResult } from '../plan/types';
import type { Scenario, SiteType } from '../scenario';
import { LINK_BUDGET_LINE_NAMES, siteRangeKm, type LinkDirectionBudget } from '../radio';
import { asPlanSummary, type PlanSummary } from './plan-summary';
import { routeProfileSvg } from './profile-chart';
import { REPORT_STRINGS, type ReportLanguage } from './report-strings';
import { formatNote } from '../notes';
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
  svg.profile { width: 100%; height: auto; font-size: 11px; direction: ltr; }
  svg .grid { stroke: #e3e6ea; } svg .axis { stroke: #333; }
  svg .persons { fill: #f5a623; fill-opacity: .35; stroke: #f5a623; }
  svg .dl { fill: none; stroke: #6a3fb5; stroke-width: 1.5; }
  svg .site-new { fill: #e01c1c; } svg .site-existing { fill: #1f7ad0; } svg .unserved { fill: #e01c1c; }
  svg .persons-label { fill: #b06f00; } svg .dl-label { fill: #6a3fb5; }
  .warnings li { color: #8a4b00; }
  .budgets { display: flex; gap: 1rem; align-items: flex-start; break-inside: avoid; }
  .budgets table { flex: 1; } h4 { margin: .8rem 0 .3rem; font-size: .95rem; }
  tr.subtotal td, tr.total td { font-weight: 600; } tr.total td { border-top: 1px solid #99a; }
  .legend { color: #555; font-size: .85rem; }
  @media print {
    body { margin: 0; max-width: none; font-size: 10.5px; }
    h2 { break-after: avoid; } table, svg, .kpis { break-inside: avoid; }
    tr { break-inside: avoid; } thead { display: table-header-group; }
    a { color: inherit; text-decoration: none; }
  }
  @page { size: A4; margin: 14mm; }
`;

function kpi(label: string, value: string): string {
  return `<div class="kpi"><b>${esc(value)}</b><span>${esc(label)}</span></div>`;
}

/**
 * Bidirectional isolation for text of either direction inside the page (names, carriers, solver notes in
 * an Arabic or Persian report): without it, a note starting with a number shows the number at the wrong
 * end of an RTL line, and "LTE 800 MHz" with Arabic-Indic digits comes out scrambled.
 */
function bdi(text: string): string {
  return `<bdi>${esc(text)}</bdi>`;
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
      return `<tr${cls}>${r.map((c, j) => (numeric[j] ? `<td class="n">${esc(c)}</td>` : `<td>${bdi(c)}</td>`)).join('')}</tr>`;
    })
    .join('\n');
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/**
 * A printable, self-contained HTML report of a plan: KPIs, per-route profile charts (inline SVG), the
 * site table, unserved demand, hotspots, the assumptions (demand, site types, planning limits) and the
 * model-validity warnings. No scripts, no external resources; print CSS for A4.
 */
export function planReportHtml(
  plan: PlanResult | PlanSummary,
  scenario: Scenario,
  options: { language?: ReportLanguage } = {},
): string {
  const L = REPORT_STRINGS[options.language ?? 'en'];
  /** A number in the language's digits ('–' when there is none). */
  const format = (value: number | null | undefined, options: Intl.NumberFormatOptions): string =>
    value === null || value === undefined || !Number.isFinite(value)
      ? '–'
      : value.toLocaleString(L.numberTag, options);
  const num = (value: number | null | undefined, digits = 0) =>
    format(value, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  /** As written in the scenario (up to six decimals). */
  const plain = (value: number) => format(value, { maximumFractionDigits: 6 });
  /** A share as a percentage in the language's own way (5.12%, ٥٫١٢٪, ۵٫۱۲٪). */
  const pct = (share: number, digits: number) =>
    format(share, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits });
  const s = asPlanSummary(plan);
  const k = s.kpis;
  const routeName = new Map(scenario.routes.map((r) => [r.id, r.name]));
  const hotspotName = new Map(scenario.hotspots.map((h) => [h.id, h.name]));
  const kpis = [
    kpi(L.kpi.newSites, num(k.newSites)),
    kpi(L.kpi.existingUsed, num(k.existingSitesUsed)),
    kpi(L.kpi.capexUsd, num(k.capexUsd)),
    kpi(L.kpi.lowerBoundUsd, num(k.lowerBoundUsd)),
    kpi(L.kpi.gap, pct(k.gap, 2)),
    kpi(L.kpi.served, pct(k.servedShare, 2)),
    kpi(L.kpi.unservedMbpsHours, num(k.unservedMbpsHours, 1)),
    kpi(L.kpi.peakDlMbps, num(k.peakDlMbps, 1)),
  ].join('');
  // Each "count × type" isolated, in the language's list order.
  const byType = Object.entries(k.newSitesByType)
    .map(([t, c]) => bdi(`${num(c)} × ${t}`))
    .join(esc(L.listSeparator));
  const [byTypeBefore, byTypeAfter = ''] = L.newSitesByType('{list}').split('{list}');

  const charts = s.routes
    .map((r) => {
      const name = routeName.get(r.routeId) ?? r.routeId;
      const sites = s.sites.filter((x) => x.routeId === r.routeId);
      const peakPersons = Math.max(0, ...r.personsByStep);
      const heading = L.routeHeading({
        name,
        lengthKm: num(r.lengthKm, 1),
        sites: num(sites.length),
        peakPersons: num(peakPersons),
      });
      return `<h3>${esc(heading)}</h3>
${routeProfileSvg(r, sites, L.chartTitle(name), L.chart)}`;
    })
    .join('\n');

  const siteRows = s.sites.map((x) => [
    x.name,
    x.isNew ? L.status.new : L.status.existing,
    x.siteTypeId,
    num(x.lon, 5),
    num(x.lat, 5),
    x.routeId
      ? (routeName.get(x.routeId) ?? x.routeId)
      : x.hotspotId
        ? (hotspotName.get(x.hotspotId) ?? x.hotspotId)
        : '',
    num(x.chainageKm, 2),
    x.nearestPole === null ? '' : num(x.nearestPole),
    num(x.rangeKm, 2),
    num(x.peakServedDlMbps, 1),
    x.limitedBy === 'UL' ? `${pct(x.peakUtilization, 0)} ${L.uplinkMark}` : pct(x.peakUtilization, 0),
    x.peakAt.replace('T', ' '),
  ]);
  const siteTable = table(
    L.siteHead,
    siteRows,
    [false, false, false, true, true, false, true, true, true, true, true, true],
    (i) => (s.sites[i].isNew ? 'new' : 'existing'),
  );

  const unservedTable =
    s.unserved.length === 0
      ? `<p>${esc(L.allServed)}</p>`
      : table(
          L.unservedHead,
          s.unserved.map((u) => [
            u.routeId
              ? (routeName.get(u.routeId) ?? u.routeId)
              : u.hotspotId
                ? (hotspotName.get(u.hotspotId) ?? u.hotspotId)
                : '',
            u.fromKm === null ? '' : `${num(u.fromKm, 1)}–${num(u.toKm, 1)}`,
            u.fromPole === null ? '' : `${num(u.fromPole)}–${u.toPole === null ? '' : num(u.toPole)}`,
            u.from,
            u.to,
            num(u.peakUnservedDlMbps, 1),
            num(u.unservedMbpsHours, 1),
            L.reason[u.reason],
          ]),
          [false, true, true, false, false, true, true, false],
        );

  const hotspotTable =
    s.hotspots.length === 0
      ? ''
      : `<h2>${esc(L.sections.hotspots)}</h2>${table(
          L.hotspotHead,
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
  const A = L.assumption;
  const assumptions = table(
    L.assumptionHead,
    [
      [A.horizon, A.horizonValue(scenario.horizon.start, scenario.horizon.end, scenario.timezone)],
      [A.arbaeenDay, scenario.arbaeenDay],
      [A.stepSegment, `${num(scenario.stepMinutes)} min / ${num(scenario.segmentMeters)} m`],
      [A.shares, `${plain(d.phoneShare)} × ${plain(d.operatorShare)}`],
      [A.dataPerDevice, A.dataPerDeviceValue(plain(d.dailyMB), plain(d.uplinkShare))],
      [A.voice, A.voiceValue(plain(d.voiceMilliErlang), plain(d.voiceBlocking))],
      [A.spacing, `${num(scenario.planning.candidateSpacingMeters)} m`],
      [A.siteTypes, scenario.planning.siteTypes.join(L.listSeparator)],
      [
        A.budget,
        scenario.planning.budgetUsd === undefined ? A.none : `${num(scenario.planning.budgetUsd)} USD`,
      ],
      [
        A.maxNewSites,
        scenario.planning.maxNewSites === undefined ? A.none : num(scenario.planning.maxNewSites),
      ],
      [A.method, k.method],
      [A.computeTime, `${num(k.computeMs)} ms`],
    ],
    [false, false],
  );
  /** Each site type's range (and link budget) as the planner computes it, once per type. */
  const ranges = new Map(scenario.siteTypes.map((t) => [t.id, siteRangeKm(t)]));
  /** The range the planner uses, with what sets it. */
  const rangeText = (t: SiteType): string => {
    const r = ranges.get(t.id)!;
    if (r.boundBy === 'override') return L.rangeGiven(plain(r.rangeKm));
    return L.rangeComputed({
      km: num(r.rangeKm, 2),
      bound: r.boundBy,
      link: r.limiting ?? 'uplink',
      mapl: num(r.maplDb, 1),
    });
  };
  /** One direction's itemised budget: each line's own value, subtotals in bold, then the MAPL. */
  const budgetTable = (heading: string, d: LinkDirectionBudget): string =>
    `<table class="budget"><thead><tr><th>${esc(heading)}</th><th class="n"></th></tr></thead><tbody>${d.terms
      .map(
        (term) =>
          `<tr${term.sign === 0 ? ' class="subtotal"' : ''}><td>${bdi(LINK_BUDGET_LINE_NAMES[L.lang][term.key])}</td><td class="n">${bdi(`${num(term.valueDb + 0, 1)} ${term.unit}`)}</td></tr>`,
      )
      .join(
        '',
      )}<tr class="total"><td>${bdi(L.linkBudget.mapl)}</td><td class="n">${bdi(`${num(d.maplDb, 1)} dB`)}</td></tr></tbody></table>`;
  const linkBudgets = scenario.siteTypes
    .map((t) => {
      const b = ranges.get(t.id)!.linkBudget;
      if (!b) return '';
      // The type's name isolated inside the language's sentence (as the new sites' "count × type").
      const [before, after = ''] = L.linkBudget.heading('{type}', b.limiting).split('{type}');
      return `<h4>${esc(before)}${bdi(`${t.name} (${t.id})`)}${esc(after)}</h4><div class="budgets">${budgetTable(L.linkBudget.uplink, b.uplink)}${budgetTable(L.linkBudget.downlink, b.downlink)}</div>`;
    })
    .filter(Boolean)
    .join('\n');
  const siteTypes = table(
    L.siteTypeHead,
    scenario.siteTypes.map((t) => [
      `${t.name} (${t.id})`,
      num(t.sectors),
      num(t.heightM, 0),
      num(t.capexUsd),
      num(t.maxUtilization, 2),
      t.propagation,
      rangeText(t),
      t.carriers
        .map(
          (c) =>
            `${c.tech} ${plain(c.freqMHz)} MHz ${plain(c.bandwidthMHz)} MHz × ${plain(c.spectralEfficiency)} b/s/Hz` +
            (c.ulSpectralEfficiency !== undefined ? ` (UL ${plain(c.ulSpectralEfficiency)})` : ''),
        )
        .join('; '),
    ]),
    [false, true, true, true, true, false, false, false],
  );
  const warnings =
    s.notes.length === 0
      ? `<p>${esc(L.noWarnings)}</p>`
      : `<ul class="warnings">${s.notes.map((n) => `<li>${bdi(formatNote(n, L.lang))}</li>`).join('')}</ul>`;

  const meta = L.meta({
    routes: num(scenario.routes.length),
    hotspots: num(scenario.hotspots.length),
    start: scenario.horizon.start,
    end: scenario.horizon.end,
    timezone: scenario.timezone,
    method: k.method,
    capped: k.capped,
  });
  const h = L.sections;
  return `<!doctype html>
<html lang="${L.lang}" dir="${L.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(L.title(s.scenarioName))}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${esc(L.title(s.scenarioName))}</h1>
<p class="meta">${esc(meta)}</p>
</header>
<section><h2>${esc(h.keyFigures)}</h2><div class="kpis">${kpis}</div>
${byType ? `<p>${esc(byTypeBefore)}${byType}${esc(byTypeAfter)}</p>` : ''}</section>
<section><h2>${esc(h.profiles)}</h2>
<p class="legend">${esc(L.legend)}</p>
${charts}</section>
<section><h2>${esc(h.sites)}</h2>${siteTable}</section>
<section><h2>${esc(h.unserved)}</h2>${unservedTable}</section>
${hotspotTable}
<section><h2>${esc(h.assumptions)}</h2>${assumptions}<h3>${esc(h.siteTypes)}</h3>${siteTypes}${linkBudgets ? `<h3>${esc(h.linkBudgets)}</h3>${linkBudgets}` : ''}</section>
<section><h2>${esc(h.warnings)}</h2>${warnings}</section>
</body>
</html>
`;
}
