/**
 * Key figures: the crowd (pilgrims, peak on the roads) from the local model; the plan's new sites by
 * type, capex, lower bound and optimality gap, unserved demand; and the modelled data volume against
 * the published calibration figure of each reporting area.
 */
import { formatNote } from '../../shared/notes';
import { formatCompact, formatNumber, locale, t } from '../i18n/index';
import { changed } from '../state/store';
import { currentDoc, type WorkspaceStore } from '../state/workspace';
import { h, replaceChildren } from './dom';

function kpi(label: string, value: string, testId?: string, note?: string): HTMLElement {
  return h(
    'div',
    { class: 'kpi', 'data-testid': testId },
    h('div', { class: 'kpi-label' }, label),
    h('div', { class: 'kpi-value' }, value),
    note ? h('div', { class: 'kpi-note' }, note) : null,
  );
}

function usd(v: number): string {
  return t('units.usd', { v: formatNumber(v) });
}

function mbps(v: number): string {
  return v >= 10_000
    ? t('units.gbps', { v: formatNumber(v / 1000, 1) })
    : t('units.mbps', { v: formatNumber(v, 0) });
}

export function mountKpiPanel(root: HTMLElement, store: WorkspaceStore): void {
  const body = h('div', { class: 'kpis', 'data-testid': 'kpis' });
  root.append(h('div', { class: 'section-head' }, h('h2', {}, t('kpi.heading'))), body);

  const render = () => {
    const state = store.get();
    const doc = currentDoc(state);
    const model = state.timeModel;
    const plan = state.plan;
    const blocks: (HTMLElement | null)[] = [];
    if (model) {
      let peak = 0;
      for (const v of model.personsOnRoutes) peak = Math.max(peak, v);
      let peakDl = 0;
      for (const v of model.totalDlMbps) peakDl = Math.max(peakDl, v);
      blocks.push(
        h(
          'div',
          { class: 'kpi-grid' },
          kpi(t('kpi.walkersTotal'), formatCompact(model.totalWalkers)),
          kpi(t('kpi.peakOnRoads'), formatCompact(peak)),
          kpi(t('kpi.peakDl'), mbps(peakDl)),
        ),
      );
    }
    if (plan) {
      const k = plan.kpis;
      const typeName = new Map(doc.siteTypes.map((s) => [s.id, s.name]));
      blocks.push(
        h(
          'div',
          { class: 'kpi-grid' },
          kpi(t('kpi.newSites'), formatNumber(k.newSites), 'kpi-new-sites'),
          kpi(t('kpi.existingUsed'), formatNumber(k.existingSitesUsed)),
          kpi(t('kpi.capex'), usd(k.capexUsd), 'kpi-capex'),
          kpi(t('kpi.lowerBound'), usd(k.lowerBoundUsd)),
          kpi(t('kpi.gap'), t('units.percent', { v: formatNumber(k.gap * 100, 2) }), 'kpi-gap'),
          kpi(
            t('kpi.unserved'),
            t('units.mbpsH', { v: formatNumber(k.unservedMbpsHours, 0) }),
            'kpi-unserved',
            t('kpi.served') + ': ' + t('units.percent', { v: formatNumber(k.servedShare * 100, 2) }),
          ),
        ),
        h(
          'ul',
          { class: 'by-type' },
          ...Object.entries(k.newSitesByType).map(([type, count]) =>
            h(
              'li',
              {},
              h('span', {}, typeName.get(type) ?? type),
              h('span', { class: 'num' }, formatNumber(count)),
            ),
          ),
        ),
        h('div', { class: 'kpi-meta' }, `${t('kpi.method')}: ${k.method}`),
        k.capped ? h('div', { class: 'warn-text' }, t('kpi.capped')) : null,
      );
    } else {
      blocks.push(h('p', { class: 'muted' }, t('kpi.noPlan')));
    }
    const volumes = model?.volumes.filter((v) => v.publishedTB !== null) ?? [];
    blocks.push(h('h3', {}, t('kpi.volume')));
    if (volumes.length === 0) blocks.push(h('p', { class: 'muted' }, t('kpi.volumeNone')));
    for (const v of volumes) {
      const ratio = v.publishedTB ? v.modelledTB / v.publishedTB : null;
      blocks.push(
        h(
          'div',
          { class: 'volume', 'data-testid': 'volume' },
          h(
            'div',
            { class: 'volume-area' },
            t('kpi.volumeArea', { area: v.name, from: v.fromDate, to: v.toDate }),
          ),
          h(
            'table',
            { class: 'volume-table' },
            h(
              'tr',
              {},
              h('th', {}, t('kpi.volumeModelled')),
              h('td', {}, t('units.tb', { v: formatNumber(v.modelledTB, 0) })),
            ),
            h(
              'tr',
              {},
              h('th', {}, t('kpi.volumePublished')),
              h('td', {}, t('units.tb', { v: formatNumber(v.publishedTB ?? NaN, 0) })),
            ),
            h(
              'tr',
              {},
              h('th', {}, t('kpi.volumeRatio')),
              h('td', {}, ratio === null ? '—' : `${formatNumber(ratio, 2)} ×`),
            ),
          ),
          h(
            'div',
            { class: 'volume-bars' },
            h('div', { class: 'vb modelled', style: `width:${Math.min(100, (ratio ?? 0) * 50)}%` }),
            h('div', { class: 'vb published', style: 'width:50%' }),
          ),
          v.source ? h('div', { class: 'kpi-note' }, v.source) : null,
        ),
      );
    }
    if (plan && plan.notes.length > 0) {
      blocks.push(
        h('h3', {}, t('kpi.warnings')),
        h(
          'ul',
          { class: 'warnings' },
          ...plan.notes.slice(0, 12).map((n) => h('li', {}, h('bdi', {}, formatNote(n, locale().id)))),
        ),
      );
    }
    replaceChildren(body, ...blocks);
  };
  render();
  store.subscribe((s, p) => {
    if (changed(s, p, 'timeModel', 'plan')) render();
  });
}
