import { kml as kmlToGeoJson } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import Papa from 'papaparse';
import { readSitesCsv } from '../../server/imports/sites-csv';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  LINK_BUDGET_LINE_NAMES,
  parseScenario,
  siteRangeKm,
  type PlanResult,
  type Scenario,
} from '../../shared';
import {
  csvCell,
  neutraliseCell,
  planGeoJson,
  planKml,
  planReportHtml,
  REPORT_STRINGS,
  sitesCsv,
  summarizePlan,
  SITES_CSV_COLUMNS,
} from '../../shared/export';
import { runPlan } from '../server/fixtures/fake-planner';
import { exampleScenario } from '../server/helpers';

let scenario: Scenario;
let plan: PlanResult;

beforeAll(async () => {
  const doc = exampleScenario();
  // Hostile names: formulas for spreadsheets, markup for KML and HTML.
  doc.name = 'Plan <b>&</b> "quoted"';
  doc.routes[0].name = '=HYPERLINK("http://x","click") </name><script>';
  doc.existingSites = [
    {
      id: 'evil',
      name: '+cmd|calc!A1 <script>alert(1)</script>',
      lon: 44.229,
      lat: 32.548,
      siteType: 'cow-lte',
    },
  ];
  const parsed = parseScenario(doc);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  scenario = parsed.value;
  plan = await runPlan(scenario);
});

function parseXmlStrict(text: string) {
  return new DOMParser({
    onError: (level, msg) => {
      if (level !== 'warning') throw new Error(msg);
    },
  }).parseFromString(text, 'text/xml');
}

describe('CSV cells', () => {
  it('neutralises formula triggers with a leading quote', () => {
    for (const bad of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])
      expect(neutraliseCell(bad)).toBe(`'${bad}`);
    expect(neutraliseCell('Karbala')).toBe('Karbala');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=A1,B1')).toBe(`"'=A1,B1"`);
    expect(csvCell(-44.5)).toBe('-44.5');
    expect(csvCell(null)).toBe('');
  });
});

describe('sitesCsv', () => {
  it('starts with the columns RF tools read, one row per site, formulas neutralised', () => {
    const csv = sitesCsv(plan, scenario);
    expect(csv.split('\r\n')[0]).toBe(SITES_CSV_COLUMNS.join(','));
    expect(SITES_CSV_COLUMNS.slice(0, 7).join(',')).toBe(
      'name,longitude,latitude,height_m,type,sectors,carriers',
    );
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(plan.sites.length);
    for (const row of rows) {
      for (const value of Object.values(row)) {
        if (/^[=+@\t\r]/.test(value)) throw new Error(`formula cell: ${value}`);
        if (/^-/.test(value) && Number.isNaN(Number(value))) throw new Error(`formula cell: ${value}`);
      }
    }
    const evil = rows.find((r) => r.name.includes('cmd'));
    expect(evil?.name.startsWith("'+cmd")).toBe(true);
    expect(evil?.new).toBe('false');
    const onRoute = rows.find((r) => r.chainage_km !== '');
    expect(onRoute?.route.startsWith("'=HYPERLINK")).toBe(true);
    expect(Number(onRoute?.longitude)).toBeCloseTo(plan.sites[0].lon, 6);
    // The UL that comes with the peak DL (25 % uplink share: a third of it), and the busier direction.
    rows.forEach((r, i) => {
      expect(Number(r.peak_ul_mbps)).toBeCloseTo(Number(r.peak_dl_mbps) / 3, 0);
      expect(r.limited_by).toBe(plan.sites[i].limitedBy);
    });
  });

  it('gives the same text from the full result and from the stored summary', () => {
    expect(sitesCsv(summarizePlan(plan), scenario)).toBe(sitesCsv(plan, scenario));
  });

  it('reads back as existing sites (last season’s sites as this season’s): positions, names and types', () => {
    const back = readSitesCsv(sitesCsv(plan, scenario));
    expect(back.problems).toEqual([]);
    expect(back.columns).toMatchObject({ name: 'name', lon: 'longitude', lat: 'latitude', siteType: 'type' });
    expect(back.sites).toHaveLength(plan.sites.length);
    back.sites.forEach((site, i) => {
      expect(site.lon).toBeCloseTo(plan.sites[i].lon, 6);
      expect(site.lat).toBeCloseTo(plan.sites[i].lat, 6);
      expect(site.siteType).toBe(plan.sites[i].siteTypeId);
    });
    // Names as they were, but a neutralised formula keeps its quote, so it cannot run when exported again.
    expect(back.sites.find((s) => s.name.includes('cmd'))?.name.startsWith("'+cmd")).toBe(true);
  });
});

describe('planGeoJson', () => {
  it('has sites as Points, coverage circles as Polygons, segments as LineStrings with per-km figures', () => {
    const fc = planGeoJson(plan, scenario);
    const kinds = (k: string) => fc.features.filter((f) => f.properties.kind === k);
    expect(kinds('site')).toHaveLength(plan.sites.length);
    expect(kinds('site').every((f) => f.geometry.type === 'Point')).toBe(true);
    const circles = kinds('coverage');
    expect(circles).toHaveLength(plan.sites.length);
    const ring = (circles[0].geometry as GeoJSON.Polygon).coordinates[0];
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    const segments = kinds('segment');
    expect(segments).toHaveLength(plan.crowd.routes[0].segments.count);
    const p = segments[0].properties;
    expect(p).toMatchObject({ route: 'hillah-karbala', segment: 0, from_km: 0 });
    expect(typeof p.peak_persons_per_km).toBe('number');
    expect(typeof p.peak_dl_mbps_per_km).toBe('number');
    expect(['served', 'partial', 'no-coverage', 'idle']).toContain(p.service);
    // Segments join up into the route: each starts where the previous ended.
    for (let i = 1; i < segments.length; i++) {
      const prev = (segments[i - 1].geometry as GeoJSON.LineString).coordinates.at(-1) as number[];
      const cur = (segments[i].geometry as GeoJSON.LineString).coordinates[0];
      expect(cur[0]).toBeCloseTo(prev[0], 6);
      expect(cur[1]).toBeCloseTo(prev[1], 6);
    }
    const first = (segments[0].geometry as GeoJSON.LineString).coordinates[0];
    expect(first).toEqual(scenario.routes[0].line[0]);
    JSON.parse(JSON.stringify(fc));
  });
});

describe('planKml', () => {
  it('is well-formed XML with escaped text, a folder per route and styled placemarks', () => {
    const text = planKml(plan, scenario);
    const doc = parseXmlStrict(text);
    expect(doc.documentElement?.localName).toBe('kml');
    expect(text).not.toContain('<script>');
    expect(text).toContain('&lt;script&gt;');
    const folders = Array.from(doc.getElementsByTagName('Folder'));
    const topNames = folders
      .filter((f) => f.parentNode?.nodeName === 'Document')
      .map((f) => f.getElementsByTagName('name')[0]?.textContent);
    expect(topNames[0]).toBe(scenario.routes[0].name);
    expect(text).toContain('<styleUrl>#site-new</styleUrl>');
    expect(text).toContain('<styleUrl>#site-existing</styleUrl>');
    expect(text).toContain('<styleUrl>#coverage-new</styleUrl>');
  });

  it('reads back with togeojson: the route line, every site and every coverage circle', () => {
    const fc = kmlToGeoJson(parseXmlStrict(planKml(plan, scenario)));
    const lines = fc.features.filter((f) => f.geometry?.type === 'LineString');
    expect(lines).toHaveLength(1);
    expect(lines[0].properties?.name).toBe(scenario.routes[0].name);
    const coords = (lines[0].geometry as GeoJSON.LineString).coordinates.map(([x, y]) => [x, y]);
    expect(coords).toEqual(scenario.routes[0].line);
    const points = fc.features.filter((f) => f.geometry?.type === 'Point');
    expect(points).toHaveLength(plan.sites.length);
    expect(points.map((p) => p.properties?.name)).toContain('+cmd|calc!A1 <script>alert(1)</script>');
    expect(fc.features.filter((f) => f.geometry?.type === 'Polygon')).toHaveLength(plan.sites.length);
  });
});

describe('planReportHtml', () => {
  it('is a printable page with KPIs, a profile chart per route, the site table, assumptions and warnings', () => {
    const html = planReportHtml(plan, scenario);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('@media print');
    expect(html).toContain('<svg');
    expect(html).toContain('Key figures');
    expect(html).toContain('Assumptions');
    expect(html).toContain('fake planner: numbers are synthetic');
    expect((html.match(/<tr class="(new|existing)">/g) ?? []).length).toBe(plan.sites.length);
    expect(html).not.toContain('<script');
    expect(html).not.toMatch(/(src|href)=["']?https?:/i);
    expect(html).toContain('Plan &lt;b&gt;&amp;&lt;/b&gt; &quot;quoted&quot;');
    // The SVG is well-formed XML on its own.
    const svg = /<svg[\s\S]*?<\/svg>/.exec(html)?.[0] as string;
    expect(parseXmlStrict(svg).documentElement?.localName).toBe('svg');
  });

  it.each([
    ['ar', 'ar-IQ', 'المؤشرات الرئيسية', 'الافتراضات'],
    ['fa', 'fa-IR', 'شاخص‌های کلیدی', 'فرض‌ها'],
  ] as const)(
    'in %s: right to left, its own headings and digits, the same tables',
    (lang, tag, keyFigures, assumptions) => {
      const html = planReportHtml(plan, scenario, { language: lang });
      expect(html).toContain(`<html lang="${lang}" dir="rtl">`);
      expect(html).toContain(`<h2>${keyFigures}</h2>`);
      expect(html).toContain(`<h2>${assumptions}</h2>`);
      for (const english of [
        'Key figures',
        'Route profiles',
        'Unserved demand',
        'Assumptions',
        'peak persons/km',
      ])
        expect(html).not.toContain(english);
      // Numbers in the language's digits (capex, and the site count in each route heading).
      expect(html).toContain(`<b>${plan.kpis.capexUsd.toLocaleString(tag)}</b>`);
      expect((html.match(/<tr class="(new|existing)">/g) ?? []).length).toBe(plan.sites.length);
      // The chart keeps its left-to-right layout, and stays well-formed with the translated labels.
      expect(html).toContain('direction: ltr');
      const svg = /<svg[\s\S]*?<\/svg>/.exec(html)?.[0] as string;
      expect(parseXmlStrict(svg).documentElement?.localName).toBe('svg');
      expect(svg).toContain(REPORT_STRINGS[lang].chart.chainage);
    },
  );

  it('names what sets each range and itemises each site type’s link budget, in the report’s language', () => {
    const cow = scenario.siteTypes.find((t) => t.id === 'cow-lte')!;
    // The example's cell on wheels reaches the PRACH limit of LTE's preamble format 0.
    expect(planReportHtml(plan, scenario)).toContain('<td><bdi>14.50 km (PRACH limit)</bdi></td>');
    // 15 dB of building penetration: the uplink path loss sets the range.
    const indoor = { ...cow, linkBudget: { ...cow.linkBudget!, penetrationLossDb: 15 } };
    const withIndoor = { ...scenario, siteTypes: scenario.siteTypes.map((t) => (t === cow ? indoor : t)) };
    const range = siteRangeKm(indoor);
    const budget = range.linkBudget!;
    expect([range.boundBy, budget.limiting]).toEqual(['path-loss', 'uplink']);
    const html = planReportHtml(plan, withIndoor);
    expect(html).toContain(
      `<td><bdi>${range.rangeKm.toFixed(2)} km (uplink path loss, MAPL ${budget.maplDb.toFixed(1)} dB)</bdi></td>`,
    );
    expect(html).toContain('<h3>Link budgets (lowest carrier of each type)</h3>');
    expect(html).toContain('the uplink limits the range');
    for (const term of [...budget.uplink.terms, ...budget.downlink.terms])
      expect(html).toContain(`<td><bdi>${term.name}</bdi></td>`);
    expect(html).toContain(`<td class="n"><bdi>15.0 dB</bdi></td>`);
    expect(html).toContain(`<td class="n"><bdi>${budget.uplink.maplDb.toFixed(1)} dB</bdi></td>`);
    expect(html).toContain(`<td class="n"><bdi>${budget.downlink.maplDb.toFixed(1)} dB</bdi></td>`);
    const ar = planReportHtml(plan, withIndoor, { language: 'ar' });
    for (const term of budget.uplink.terms) expect(ar).not.toContain(`<bdi>${term.name}</bdi>`);
    expect(ar).toContain(`<td><bdi>${LINK_BUDGET_LINE_NAMES.ar.thermalNoise}</bdi></td>`);
    expect(ar).toContain('فقد المسار في الاتجاه الصاعد');
    // The type's (Latin) name is isolated inside the Arabic heading, not the whole heading.
    expect(ar).toContain(`<h4><bdi>${cow.name} (cow-lte)</bdi>: الاتجاه الصاعد يحدّ المدى</h4>`);
  });

  it('isolates left-to-right text inside a right-to-left report (notes, carriers, site types)', () => {
    const lost = { key: 'lostDemand', params: { mbpsHours: 27596 } } as const;
    const newSitesByType = { 'cow-lte': 45, 'nr-small': 14 };
    const html = planReportHtml(
      { ...plan, notes: [lost], kpis: { ...plan.kpis, newSitesByType } },
      scenario,
      { language: 'ar' },
    );
    // The solver's note in Arabic, isolated: without that, a note's leading number or Latin term (MILP,
    // model names) shows at the far end of the RTL line.
    expect(html).toContain(`<li><bdi>٢٧٬٥٩٦ ميغابت/ث·ساعة تتجاوز ما تستطيع المواقع المرشحة كلها معاً`);
    expect(html).not.toContain('exceed what every candidate');
    // Carriers ("LTE 800 MHz 10 MHz × 1.4 b/s/Hz" in Arabic-Indic digits) keep their own order.
    expect(html).toMatch(/<td><bdi>LTE [٠-٩]+ MHz [٠-٩]+ MHz × [٠-٩٫]+ b\/s\/Hz/);
    // Each "count × type" of the new sites is isolated on its own, joined by the Arabic comma.
    expect(html).toContain('المواقع الجديدة حسب النوع: <bdi>٤٥ × cow-lte</bdi>، <bdi>١٤ × nr-small</bdi>.');
  });

  it('has every label translated: no Arabic or Persian text left equal to the English one', () => {
    const leaves = (value: unknown): string[] =>
      typeof value === 'string'
        ? [value]
        : Array.isArray(value) || (value && typeof value === 'object')
          ? Object.values(value as object).flatMap(leaves)
          : [];
    // Every string of the table (the templates are functions and left out; their output is checked above).
    const texts = (lang: 'en' | 'ar' | 'fa') => leaves(REPORT_STRINGS[lang]);
    const en = texts('en');
    for (const lang of ['ar', 'fa'] as const) {
      const other = texts(lang);
      expect(other).toHaveLength(en.length);
      const same = en.filter((text, i) => other[i] === text);
      expect(same).toEqual([]);
    }
  });
});
