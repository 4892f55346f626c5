/**
 * Time series over the horizon: total DL demand (routes and hotspots), and the utilisation of the
 * selected site with its utilisation cap. A marker follows the time slider.
 */
import type uPlot from 'uplot';
import { formatCompact, formatNumber, t } from '../i18n/index';
import { h, replaceChildren } from '../panels/dom';
import { siteUtilisationSeries, utilisationPerDlMbps } from '../state/plan-view';
import { changed } from '../state/store';
import type { TimeModel } from '../state/time-model';
import type { WorkspaceStore } from '../state/workspace';
import { numberAxisValues, timeAxisValues } from './axis-format';
import { AXIS_STYLE, fitAxisSize, localTzDate, mountPlot, nowMarker } from './chart-frame';

/** Step start times as local-epoch seconds. */
export function stepSeconds(model: TimeModel): Float64Array {
  const { startMinutes, stepMinutes, stepCount } = model.grid;
  const x = new Float64Array(stepCount);
  for (let n = 0; n < stepCount; n++) x[n] = (startMinutes + n * stepMinutes) * 60;
  return x;
}

export function mountDemandSeries(root: HTMLElement, store: WorkspaceStore): void {
  const holder = h('div', { class: 'chart-holder', 'data-testid': 'demand-series' });
  root.append(h('div', { class: 'chart-title' }, t('charts.totalDemand')), holder);
  let plot: uPlot | null = null;
  let x: Float64Array | null = null;
  const nowX = () => (x ? x[Math.min(x.length - 1, store.get().step)] : null);
  const rebuild = () => {
    plot?.destroy();
    plot = null;
    holder.replaceChildren();
    const model = store.get().timeModel;
    if (!model) return;
    x = stepSeconds(model);
    plot = mountPlot(
      holder,
      {
        tzDate: localTzDate,
        legend: { show: true, live: false },
        scales: { x: { time: true } },
        axes: [
          { ...AXIS_STYLE, size: 40, values: (_u, vals, _i, _space, incr) => timeAxisValues(vals, incr) },
          {
            ...AXIS_STYLE,
            label: t('charts.totalDemandAxis'),
            labelSize: 14,
            size: fitAxisSize(52),
            values: (_u, vals) => vals.map((v) => formatCompact(v)),
          },
        ],
        series: [
          {},
          {
            label: t('charts.totalDemand'),
            stroke: '#2171b5',
            fill: 'rgba(66,146,198,0.18)',
            width: 1.5,
            value: (_u, v) => (v == null ? '—' : t('units.mbps', { v: formatNumber(v) })),
          },
        ],
        plugins: [nowMarker(nowX)],
      },
      [x, model.totalDlMbps] as unknown as uPlot.AlignedData,
    );
  };
  rebuild();
  let frame = 0;
  store.subscribe((s, p) => {
    if (changed(s, p, 'timeModel')) rebuild();
    else if (changed(s, p, 'step') && plot && !frame) {
      frame = requestAnimationFrame(() => {
        frame = 0;
        plot?.redraw(false, false);
      });
    }
  });
}

export function mountSiteSeries(root: HTMLElement, store: WorkspaceStore): void {
  const title = h('div', { class: 'chart-title' });
  const holder = h('div', { class: 'chart-holder', 'data-testid': 'site-series' });
  root.append(title, holder);
  let plot: uPlot | null = null;
  let x: Float64Array | null = null;
  const nowX = () => (x ? x[Math.min(x.length - 1, store.get().step)] : null);
  const rebuild = () => {
    plot?.destroy();
    plot = null;
    holder.replaceChildren();
    const state = store.get();
    const model = state.timeModel;
    const plan = state.plan;
    const index =
      plan && state.selectedSiteId ? plan.sites.findIndex((s) => s.id === state.selectedSiteId) : -1;
    if (!model || !plan || index < 0) {
      replaceChildren(title, t('charts.siteUtilisation', { site: '—' }));
      holder.append(h('p', { class: 'muted chart-empty' }, t('charts.selectSite')));
      return;
    }
    const site = plan.sites[index];
    replaceChildren(title, h('span', { title: site.name }, t('charts.siteUtilisation', { site: site.id })));
    const series = siteUtilisationSeries(plan, model, index);
    if (!series) {
      holder.append(h('p', { class: 'muted chart-empty' }, t('charts.selectSite')));
      return;
    }
    x = stepSeconds(model);
    const pct = Float64Array.from(series, (v) => v * 100);
    // The usable load on the series' scale: the type's utilisation cap, whichever direction reaches it first.
    const capPct = site.usableDlMbps * utilisationPerDlMbps(site) * 100;
    const cap = new Float64Array(x.length).fill(capPct);
    plot = mountPlot(
      holder,
      {
        tzDate: localTzDate,
        legend: { show: true, live: false },
        scales: { x: { time: true }, y: { range: [0, Math.max(100, ...pct) * 1.05] } },
        axes: [
          { ...AXIS_STYLE, size: 40, values: (_u, vals, _i, _space, incr) => timeAxisValues(vals, incr) },
          {
            ...AXIS_STYLE,
            label: t('charts.siteUtilisationAxis'),
            labelSize: 14,
            size: fitAxisSize(44),
            values: (_u, vals, _i, _space, incr) => numberAxisValues(vals, incr),
          },
        ],
        series: [
          {},
          {
            label: t('legend.siteUtilisation'),
            stroke: '#d73027',
            width: 1.5,
            value: (_u, v) => (v == null ? '—' : `${formatNumber(v, 1)} %`),
          },
          {
            label: t('charts.utilisationCap'),
            stroke: '#6b7280',
            dash: [4, 4],
            width: 1,
            value: (_u, v) => (v == null ? '—' : `${formatNumber(v, 0)} %`),
          },
        ],
        plugins: [nowMarker(nowX)],
      },
      [x, pct, cap] as unknown as uPlot.AlignedData,
    );
    holder.title = t('charts.utilisationApprox');
    title.append(
      h('span', { class: 'chart-note', title: t('charts.utilisationApprox') }, t('charts.estimated')),
    );
  };
  rebuild();
  let frame = 0;
  store.subscribe((s, p) => {
    if (changed(s, p, 'timeModel', 'plan', 'selectedSiteId')) rebuild();
    else if (changed(s, p, 'step') && plot && !frame) {
      frame = requestAnimationFrame(() => {
        frame = 0;
        plot?.redraw(false, false);
      });
    }
  });
}
