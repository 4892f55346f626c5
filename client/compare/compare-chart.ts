/**
 * The route profile of both sides on one chart: peak persons per km and peak DL demand per km along the
 * chosen route, A dashed and B solid, over chainage. The two plans may cut the route differently (a moved
 * vertex, another segment length): their x values are merged and each side's gaps are spanned.
 */
import type uPlot from 'uplot';
import type { RouteProfile } from '../../shared/export/index';
import { AXIS_STYLE, mountPlot } from '../charts/chart-frame';
import { formatCompact, formatNumber, t } from '../i18n/index';
import { compareProfileData } from './profile-data';

/** Draws the comparison profile into `holder` (replacing any earlier chart). */
export function mountCompareProfile(
  holder: HTMLElement,
  a: RouteProfile | null,
  b: RouteProfile | null,
  labels: { a: string; b: string },
): uPlot {
  holder.replaceChildren();
  const data = compareProfileData(a, b) as unknown as uPlot.AlignedData;
  const persons = (v: number | null) => (v == null ? '—' : formatNumber(v));
  const mbps = (v: number | null) => (v == null ? '—' : formatNumber(v, 1));
  return mountPlot(
    holder,
    {
      legend: { show: true, live: true },
      cursor: { drag: { x: true, y: false } },
      scales: {
        x: { time: false },
        p: { auto: true, range: (_u, _min, max) => [0, max * 1.05 || 1] },
        m: { auto: true, range: (_u, _min, max) => [0, max * 1.05 || 1] },
      },
      axes: [
        { ...AXIS_STYLE, label: t('charts.chainage'), labelSize: 16, size: 34 },
        {
          ...AXIS_STYLE,
          scale: 'p',
          label: t('compare.chartPersons'),
          labelSize: 14,
          size: 52,
          values: (_u, vals) => vals.map((v) => formatCompact(v)),
        },
        {
          ...AXIS_STYLE,
          scale: 'm',
          side: 1,
          label: t('compare.chartDl'),
          labelSize: 14,
          size: 48,
          grid: { show: false },
          values: (_u, vals) => vals.map((v) => formatNumber(v, 0)),
        },
      ],
      series: [
        {
          label: t('charts.chainage'),
          value: (_u, v) => (v == null ? '—' : t('units.km', { v: formatNumber(v, 2) })),
        },
        {
          label: `${t('charts.seriesPersons')} · ${labels.a}`,
          scale: 'p',
          stroke: '#e08214',
          width: 1.5,
          dash: [6, 4],
          spanGaps: true,
          value: (_u, v) => persons(v),
        },
        {
          label: `${t('charts.seriesDemand')} · ${labels.a}`,
          scale: 'm',
          stroke: '#7b3294',
          width: 1.5,
          dash: [6, 4],
          spanGaps: true,
          value: (_u, v) => mbps(v),
        },
        {
          label: `${t('charts.seriesPersons')} · ${labels.b}`,
          scale: 'p',
          stroke: '#b35806',
          fill: 'rgba(224,130,20,0.12)',
          width: 2,
          spanGaps: true,
          value: (_u, v) => persons(v),
        },
        {
          label: `${t('charts.seriesDemand')} · ${labels.b}`,
          scale: 'm',
          stroke: '#2c7bb6',
          width: 2,
          spanGaps: true,
          value: (_u, v) => mbps(v),
        },
      ],
    },
    data,
  );
}
