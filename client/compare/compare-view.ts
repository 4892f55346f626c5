/**
 * Comparing two scenarios, or two revisions of one, side by side: pick A (the baseline) and B (the
 * variant); the view loads each side's scenario and, when it is planned, its stored plan
 * (GET …/plan?revision=…; an unplanned side gets a "Plan it" button with live progress), then shows the
 * key-figure difference table, a map of the sites added, removed and kept (same type within 50 m), and
 * both route profiles on one chart.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type uPlot from 'uplot';
import type {
  PlanResultResponse,
  RevisionDocument,
  RevisionSummary,
  ScenarioSummary,
} from '../../shared/api/index';
import { followPlanJob, startPlan } from '../api';
import {
  formatInstant,
  formatNumber,
  formatPercent,
  formatSigned,
  formatSignedPercent,
  locale,
  t,
  type MessageKey,
} from '../i18n/index';
import { createMap } from '../map/create-map';
import { h, replaceChildren } from '../panels/dom';
import { configuredStyleUrl } from '../panels/settings';
import { openDialog } from '../scenarios/dialog';
import { getPlanSummary, getRevision, listRevisions, listScenariosFiltered } from '../scenarios/scenario-api';
import type { SideRef } from '../scenarios/scenario-manager';
import { describeError } from '../scenarios/workspace-actions';
import {
  CHANGE_COLOURS,
  installCompareLayers,
  routeLineFeatures,
  showComparison,
  siteChangeFeatures,
} from './compare-map';
import { mountCompareProfile } from './compare-chart';
import { inputDiffTable } from './input-table';
import { kpiDiff, type KpiDiffRow, type KpiUnit } from './kpi-diff';
import { DEFAULT_MATCH_TOLERANCE_M, diffCounts, matchSites } from './site-match';
import './compare.css';

type SideKey = 'a' | 'b';

interface SideState {
  id: string;
  /** null: the latest revision. */
  revision: number | null;
  revisions: RevisionSummary[];
  doc: RevisionDocument | null;
  plan: PlanResultResponse | null;
  loading: boolean;
  error: string | null;
  planning: { fraction: number; stage: string } | null;
  /** Increments with every load, so an answer to an earlier pick is dropped. */
  seq: number;
}

const KPI_LABELS: Record<Exclude<KpiDiffRow['kind'], 'newSitesOfType'>, MessageKey> = {
  pilgrims: 'compare.kpi.pilgrims',
  peakDl: 'compare.kpi.peakDl',
  newSites: 'compare.kpi.newSites',
  capex: 'compare.kpi.capex',
  unserved: 'compare.kpi.unserved',
  gap: 'compare.kpi.gap',
};

function formatValue(unit: KpiUnit, v: number | null): string {
  if (v === null) return '—';
  switch (unit) {
    case 'persons':
    case 'sites':
      return formatNumber(v);
    case 'mbps':
      return t('units.mbps', { v: formatNumber(v, 1) });
    case 'usd':
      return t('units.usd', { v: formatNumber(v) });
    case 'mbpsHours':
      return t('units.mbpsH', { v: formatNumber(v, 1) });
    case 'ratio':
      return formatPercent(v, 2);
  }
}

function formatDelta(unit: KpiUnit, d: number | null): string {
  if (d === null) return '—';
  switch (unit) {
    case 'persons':
    case 'sites':
      return formatSigned(d);
    case 'mbps':
      return t('units.mbps', { v: formatSigned(d, 1) });
    case 'usd':
      return t('units.usd', { v: formatSigned(d) });
    case 'mbpsHours':
      return t('units.mbpsH', { v: formatSigned(d, 1) });
    case 'ratio':
      return t('compare.percentPoints', { v: formatSigned(d * 100, 2) });
  }
}

/** Opens the comparison; `preset` picks the sides (A: the open scenario, B: the next one by default). */
export function openCompare(preset: { a?: SideRef; b?: SideRef }, current: SideRef | null): void {
  let map: MapLibreMap | null = null;
  /** Set once the map's style has loaded and the comparison's layers are on it. */
  let mapReady = false;
  let plot: uPlot | null = null;
  let routeChoice: string | null = null;
  let closed = false;
  const d = openDialog({
    title: t('compare.title'),
    testId: 'compare-dialog',
    className: 'full compare',
    onClose: () => {
      closed = true;
      plot?.destroy();
      map?.remove();
      delete (window as unknown as { __compareMap?: MapLibreMap }).__compareMap;
    },
  });

  const sides: Record<SideKey, SideState> = {
    a: blank(preset.a),
    b: blank(preset.b),
  };
  function blank(ref: SideRef | undefined): SideState {
    return {
      id: ref?.id ?? '',
      revision: ref?.revision ?? null,
      revisions: [],
      doc: null,
      plan: null,
      loading: false,
      error: null,
      planning: null,
      seq: 0,
    };
  }
  let scenarios: ScenarioSummary[] = [];

  const pickers = h('div', { class: 'cmp-pickers' });
  const statusBox = h('div', { class: 'cmp-status' });
  const tableBox = h('section', { class: 'cmp-table', 'aria-labelledby': 'cmp-kpi-h' });
  const mapHost = h('div', { class: 'cmp-map', 'data-testid': 'compare-map' });
  const legend = h('div', { class: 'cmp-legend', 'data-testid': 'compare-legend' });
  const routeSelect = h('select', {
    id: 'cmp-route',
    'data-testid': 'compare-route',
    onchange: () => {
      routeChoice = routeSelect.value;
      renderChart();
    },
  });
  const chartHolder = h('div', { class: 'cmp-chart', 'data-testid': 'compare-chart', dir: 'ltr' });
  d.body.append(
    pickers,
    statusBox,
    h(
      'div',
      { class: 'cmp-grid' },
      tableBox,
      h(
        'section',
        { class: 'cmp-map-box', 'aria-label': t('compare.mapTitle') },
        h('h3', {}, t('compare.mapTitle')),
        mapHost,
        legend,
      ),
      h(
        'section',
        { class: 'cmp-chart-box', 'aria-labelledby': 'cmp-chart-h' },
        h(
          'div',
          { class: 'cmp-chart-head' },
          h('h3', { id: 'cmp-chart-h' }, t('compare.chartTitle')),
          h('label', { for: 'cmp-route', class: 'field-label' }, t('charts.profileRoute')),
          routeSelect,
        ),
        chartHolder,
      ),
    ),
  );
  d.footer.remove();

  const sideName = (key: SideKey) => {
    const s = sides[key];
    return s.doc ? s.doc.name : (scenarios.find((x) => x.id === s.id)?.name ?? s.id);
  };
  const sideLabel = (key: SideKey) => (key === 'a' ? t('compare.sideA') : t('compare.sideB'));

  const renderPickers = () => {
    const picker = (key: SideKey) => {
      const s = sides[key];
      const scenarioId = `cmp-${key}-scenario`;
      const revisionId = `cmp-${key}-revision`;
      const latest = s.revisions[0]?.revision;
      return h(
        'fieldset',
        { class: `cmp-side side-${key}` },
        h('legend', {}, key === 'a' ? t('compare.baseline') : t('compare.variant')),
        h('label', { for: scenarioId, class: 'field-label' }, t('compare.scenario')),
        h(
          'select',
          {
            id: scenarioId,
            'data-testid': `compare-${key}-scenario`,
            onchange: (e: Event) => {
              s.id = (e.target as HTMLSelectElement).value;
              s.revision = null;
              void loadSide(key);
            },
          },
          ...scenarios.map((x) => h('option', { value: x.id, selected: x.id === s.id }, x.name)),
        ),
        h('label', { for: revisionId, class: 'field-label' }, t('compare.revision')),
        h(
          'select',
          {
            id: revisionId,
            'data-testid': `compare-${key}-revision`,
            onchange: (e: Event) => {
              const v = (e.target as HTMLSelectElement).value;
              s.revision = v ? Number(v) : null;
              void loadSide(key);
            },
          },
          h(
            'option',
            { value: '', selected: s.revision === null },
            latest ? t('compare.latestRevision', { revision: String(latest) }) : t('compare.latest'),
          ),
          ...s.revisions.map((r) =>
            h(
              'option',
              { value: String(r.revision), selected: s.revision === r.revision },
              `${t('scenario.revision', { revision: String(r.revision) })} · ${formatInstant(r.createdAt)}${r.planned ? ` · ${t('history.planned')}` : ''}`,
            ),
          ),
        ),
      );
    };
    replaceChildren(
      pickers,
      picker('a'),
      h(
        'button',
        {
          type: 'button',
          class: 'btn cmp-swap',
          'data-testid': 'compare-swap',
          'aria-label': t('compare.swap'),
          title: t('compare.swap'),
          onclick: () => {
            [sides.a, sides.b] = [sides.b, sides.a];
            renderAll();
          },
        },
        '⇄',
      ),
      picker('b'),
    );
  };

  const renderStatus = () => {
    const line = (key: SideKey) => {
      const s = sides[key];
      const rev = s.doc?.revision ?? s.revision;
      let state: (HTMLElement | string)[];
      if (s.error) state = [h('span', { class: 'error-text' }, s.error)];
      else if (s.loading || !s.doc) state = [h('span', { class: 'muted' }, t('manager.loading'))];
      else if (s.planning) {
        const pct = Math.round(s.planning.fraction * 100);
        state = [
          h('span', {}, t('plan.running', { percent: `${formatNumber(pct)} %` })),
          h(
            'span',
            {
              class: 'progress',
              role: 'progressbar',
              'aria-valuenow': pct,
              'aria-valuemin': 0,
              'aria-valuemax': 100,
            },
            h('span', { class: 'progress-fill', style: `width:${pct}%` }),
          ),
        ];
      } else if (!s.plan)
        state = [
          h('span', { class: 'warn-text' }, t('compare.notPlanned')),
          h(
            'button',
            {
              type: 'button',
              class: 'btn small primary',
              'data-testid': `compare-plan-${key}`,
              onclick: () => void planSide(key),
            },
            t('compare.planIt'),
          ),
        ];
      else
        state = [
          h(
            'span',
            {},
            t('compare.planned', {
              when: formatInstant(s.plan.createdAt),
              sites: formatNumber(s.plan.kpis.newSites),
            }),
          ),
        ];
      return h(
        'div',
        { class: `cmp-status-line side-${key}`, 'data-testid': `compare-status-${key}` },
        h('strong', { class: 'cmp-side-tag' }, sideLabel(key)),
        h(
          'span',
          { class: 'cmp-side-name' },
          sideName(key),
          rev ? ` · ${t('scenario.revision', { revision: String(rev) })}` : '',
        ),
        ...state,
      );
    };
    replaceChildren(statusBox, line('a'), line('b'));
  };

  const renderTable = () => {
    const a = sides.a;
    const b = sides.b;
    if (!a.doc || !b.doc) {
      replaceChildren(
        tableBox,
        h('h3', { id: 'cmp-kpi-h' }, t('compare.kpiTitle')),
        h('p', { class: 'muted' }, t('manager.loading')),
      );
      return;
    }
    const rows = kpiDiff(
      { doc: a.doc.scenario, kpis: a.plan?.kpis ?? null },
      { doc: b.doc.scenario, kpis: b.plan?.kpis ?? null },
    );
    const body = rows.map((r) =>
      h(
        'tr',
        {
          'data-kind': r.kind === 'newSitesOfType' ? `newSites:${r.siteTypeId}` : r.kind,
          class: r.verdict ?? '',
        },
        h(
          'th',
          { scope: 'row', class: r.kind === 'newSitesOfType' ? 'sub' : '' },
          r.kind === 'newSitesOfType'
            ? t('compare.kpi.newSitesOfType', { type: r.siteTypeName ?? r.siteTypeId ?? '' })
            : t(KPI_LABELS[r.kind]),
        ),
        h('td', { class: 'n' }, formatValue(r.unit, r.a)),
        h('td', { class: 'n' }, formatValue(r.unit, r.b)),
        h(
          'td',
          { class: 'n delta' },
          formatDelta(r.unit, r.delta),
          r.relative !== null && r.unit !== 'ratio' && r.delta !== 0
            ? h('span', { class: 'rel' }, ` (${formatSignedPercent(r.relative)})`)
            : null,
          r.verdict === 'better' || r.verdict === 'worse'
            ? h(
                'span',
                { class: 'sr-only' },
                ` ${t(r.verdict === 'better' ? 'compare.better' : 'compare.worse')}`,
              )
            : null,
        ),
      ),
    );
    let siteRows: HTMLElement[] = [];
    if (a.plan && b.plan) {
      const c = diffCounts(matchSites(a.plan.sites, b.plan.sites));
      const siteRow = (kind: 'added' | 'removed' | 'kept', label: MessageKey, total: number, ofNew: number) =>
        h(
          'tr',
          { 'data-kind': `sites-${kind}` },
          h(
            'th',
            { scope: 'row' },
            h('span', { class: `swatch-dot ${kind}`, 'aria-hidden': 'true' }),
            t(label),
          ),
          h(
            'td',
            { class: 'n', colspan: 3, 'data-testid': `compare-sites-${kind}` },
            t('compare.sitesCount', { total: formatNumber(total), new: formatNumber(ofNew) }),
          ),
        );
      siteRows = [
        h(
          'tr',
          { class: 'group' },
          h(
            'th',
            { scope: 'rowgroup', colspan: 4 },
            t('compare.sitesTitle', { m: formatNumber(DEFAULT_MATCH_TOLERANCE_M) }),
          ),
        ),
        siteRow('added', 'compare.sitesAdded', c.added, c.addedNew),
        siteRow('removed', 'compare.sitesRemoved', c.removed, c.removedNew),
        siteRow('kept', 'compare.sitesKept', c.kept, c.keptNew),
      ];
    }
    replaceChildren(
      tableBox,
      h('h3', { id: 'cmp-kpi-h' }, t('compare.kpiTitle')),
      h(
        'table',
        { class: 'ap-table cmp-kpis', 'data-testid': 'compare-kpis' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, t('compare.figure')),
            h('th', { scope: 'col', class: 'n', title: sideName('a') }, sideLabel('a')),
            h('th', { scope: 'col', class: 'n', title: sideName('b') }, sideLabel('b')),
            h('th', { scope: 'col', class: 'n' }, t('compare.difference')),
          ),
        ),
        h('tbody', {}, ...body, ...siteRows),
      ),
      !a.plan || !b.plan ? h('p', { class: 'muted small' }, t('compare.planBoth')) : null,
      ...inputDiffTable(a.doc.scenario, b.doc.scenario, { a: sideLabel('a'), b: sideLabel('b') }),
    );
  };

  const renderMap = () => {
    const a = sides.a;
    const b = sides.b;
    const legendItem = (kind: 'added' | 'removed' | 'kept', label: MessageKey) =>
      h(
        'li',
        {},
        h('span', {
          class: `swatch-dot ${kind}`,
          style: `background:${CHANGE_COLOURS[kind]}`,
          'aria-hidden': 'true',
        }),
        t(label),
      );
    replaceChildren(
      legend,
      h(
        'ul',
        {},
        legendItem('added', 'compare.legendAdded'),
        legendItem('removed', 'compare.legendRemoved'),
        legendItem('kept', 'compare.legendKept'),
        h(
          'li',
          {},
          h('span', { class: 'swatch-shape triangle', 'aria-hidden': 'true' }),
          t('legend.siteNew'),
        ),
        h(
          'li',
          {},
          h('span', { class: 'swatch-shape square', 'aria-hidden': 'true' }),
          t('legend.siteExisting'),
        ),
        h(
          'li',
          {},
          h('span', { class: 'swatch-line dashed', 'aria-hidden': 'true' }),
          t('compare.legendRoutesA'),
        ),
        h('li', {}, h('span', { class: 'swatch-line', 'aria-hidden': 'true' }), t('compare.legendRoutesB')),
      ),
    );
    // Not `map.isStyleLoaded()`: it is false again while the sources just added load, so sides loaded
    // before the map would never be drawn. Whichever comes last (the map or a side) draws.
    if (!map || !mapReady || !a.doc || !b.doc) return;
    const diff = matchSites(a.plan?.sites ?? [], b.plan?.sites ?? []);
    showComparison(
      map,
      siteChangeFeatures(diff),
      routeLineFeatures(a.doc.scenario.routes),
      routeLineFeatures(b.doc.scenario.routes),
    );
  };

  const renderChart = () => {
    const a = sides.a;
    const b = sides.b;
    const routes = new Map<string, string>();
    for (const r of [...(a.doc?.scenario.routes ?? []), ...(b.doc?.scenario.routes ?? [])])
      routes.set(r.id, r.name);
    if (routeChoice === null || !routes.has(routeChoice)) {
      const withPoles = [...(b.doc?.scenario.routes ?? []), ...(a.doc?.scenario.routes ?? [])].find(
        (r) => r.poles,
      );
      routeChoice = withPoles?.id ?? [...routes.keys()][0] ?? null;
    }
    replaceChildren(
      routeSelect,
      ...[...routes].map(([id, name]) => h('option', { value: id, selected: id === routeChoice }, name)),
    );
    plot?.destroy();
    plot = null;
    const pa = a.plan?.routes.find((r) => r.routeId === routeChoice) ?? null;
    const pb = b.plan?.routes.find((r) => r.routeId === routeChoice) ?? null;
    if (!pa && !pb) {
      replaceChildren(chartHolder, h('p', { class: 'muted chart-empty' }, t('compare.chartNone')));
      return;
    }
    plot = mountCompareProfile(chartHolder, pa, pb, { a: sideLabel('a'), b: sideLabel('b') });
  };

  const renderAll = () => {
    if (closed) return;
    renderPickers();
    renderStatus();
    renderTable();
    renderMap();
    renderChart();
  };

  const loadSide = async (key: SideKey) => {
    const s = sides[key];
    if (!s.id) return;
    const seq = ++s.seq;
    s.loading = true;
    s.error = null;
    s.doc = null;
    s.plan = null;
    renderAll();
    try {
      const revisions = await listRevisions(s.id);
      const rev = s.revision ?? revisions[0]?.revision ?? 1;
      const doc = await getRevision(s.id, rev);
      // Only asked when planned (revision documents are not cached): a 404 would be a console error.
      const plan = doc.planned ? await getPlanSummary(s.id, rev) : null;
      if (seq !== s.seq) return;
      s.revisions = revisions;
      s.doc = doc;
      s.plan = plan;
    } catch (e) {
      if (seq !== s.seq) return;
      s.error = describeError(e);
    }
    s.loading = false;
    renderAll();
  };

  const planSide = async (key: SideKey) => {
    const s = sides[key];
    if (!s.doc) return;
    const { id, revision } = { id: s.id, revision: s.doc.revision };
    s.planning = { fraction: 0, stage: 'queued' };
    renderStatus();
    try {
      const job = await startPlan(id, revision);
      await followPlanJob(job, (stage, fraction) => {
        s.planning = { fraction, stage };
        renderStatus();
      });
      s.plan = await getPlanSummary(id, revision);
    } catch (e) {
      s.error = t('plan.failed', { reason: describeError(e) });
    } finally {
      s.planning = null;
    }
    renderAll();
  };

  void (async () => {
    try {
      scenarios = await listScenariosFiltered('exclude');
    } catch (e) {
      replaceChildren(statusBox, h('p', { class: 'error-text' }, describeError(e)));
      return;
    }
    const first = current?.id ?? scenarios[0]?.id ?? '';
    if (!sides.a.id) sides.a.id = first;
    if (!sides.b.id) sides.b.id = scenarios.find((x) => x.id !== sides.a.id)?.id ?? first;
    renderAll();
    map = createMap(mapHost, { styleUrl: configuredStyleUrl(), labelScript: locale().labelScript });
    // For debugging and the browser tests, like window.__planner.
    (window as unknown as { __compareMap?: MapLibreMap }).__compareMap = map;
    map.once('load', () => {
      if (!map) return;
      installCompareLayers(map);
      mapReady = true;
      renderMap();
    });
    await Promise.all([loadSide('a'), loadSide('b')]);
  })();
}
