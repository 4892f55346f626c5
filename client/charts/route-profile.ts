/**
 * The route profile: persons per km, DL demand per km and (with a plan) usable DL capacity per km along
 * one route at the shown hour. The x axis is chainage in km; on a route with pole numbering (Najaf →
 * Karbala) a second axis on top gives the pole numbers. Redrawn at most once per animation frame.
 */
import type uPlot from 'uplot';
import { nearestPoleAtKm } from '../../shared/index';
import { formatCompact, formatNumber, t } from '../i18n/index';
import { h, replaceChildren } from '../panels/dom';
import { changed } from '../state/store';
import type { ModelRoute, TimeModel } from '../state/time-model';
import type { WorkspaceStore } from '../state/workspace';
import { digitsLabel, numberAxisValues } from './axis-format';
import { AXIS_STYLE, fitAxisSize, mountPlot } from './chart-frame';

/** The route the profile shows: the selected one, else one with poles, else the first. */
export function profileRoute(
  model: TimeModel,
  selectedRouteId: string | null,
  chosenId: string | null,
): ModelRoute | null {
  return (
    model.routes.find((r) => r.routeId === chosenId) ??
    model.routes.find((r) => r.routeId === selectedRouteId) ??
    model.routes.find((r) => r.segments.poles !== null) ??
    model.routes[0] ??
    null
  );
}

/** Profile series of a route at a step: x = segment mid chainage, persons/km, DL Mbps/km, capacity Mbps/km. */
export function profileData(
  model: TimeModel,
  route: ModelRoute,
  step: number,
  capacity: Float32Array | null,
): uPlot.AlignedData {
  const { count, edgesKm } = route.segments;
  const x = new Float64Array(count);
  const persons = new Float64Array(count);
  const demand = new Float64Array(count);
  const cap: (number | null)[] = new Array(count);
  const row = step * model.segmentCount + route.offset;
  for (let i = 0; i < count; i++) {
    x[i] = (edgesKm[i] + edgesKm[i + 1]) / 2;
    persons[i] = model.personsPerKm[row + i];
    demand[i] = model.dlMbpsPerKm[row + i];
    cap[i] = capacity ? capacity[route.offset + i] : null;
  }
  return [x, persons, demand, cap] as unknown as uPlot.AlignedData;
}

export function mountRouteProfile(root: HTMLElement, store: WorkspaceStore): void {
  let chosen: string | null = null;
  const select = h('select', {
    class: 'chart-select',
    'aria-label': t('charts.profileRoute'),
    'data-testid': 'profile-route',
    onchange: (e: Event) => {
      chosen = (e.target as HTMLSelectElement).value || null;
      rebuild();
    },
  });
  const title = h('div', { class: 'chart-title' }, h('span', {}, t('charts.profile')), select);
  const holder = h('div', { class: 'chart-holder', 'data-testid': 'route-profile' });
  root.append(title, holder);
  let plot: uPlot | null = null;
  let route: ModelRoute | null = null;
  let frame = 0;

  const update = () => {
    frame = 0;
    const state = store.get();
    if (!plot || !route || !state.timeModel) return;
    plot.setData(profileData(state.timeModel, route, state.step, state.plan?.capacityPerKm ?? null), false);
    plot.redraw();
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(update);
  };

  const rebuild = () => {
    const state = store.get();
    const model = state.timeModel;
    plot?.destroy();
    plot = null;
    holder.replaceChildren();
    if (!model || model.routes.length === 0) {
      replaceChildren(select);
      return;
    }
    route = profileRoute(model, state.selectedRouteId, chosen);
    // Each name in its own direction: a Latin name in an RTL page is cut at its end, not its start.
    replaceChildren(
      select,
      ...model.routes.map((r) =>
        h('option', { value: r.routeId, selected: r === route, dir: 'auto' }, r.name),
      ),
    );
    select.title = route?.name ?? '';
    if (!route) return;
    const r = route;
    const poles = r.segments.poles;
    const lengthKm = r.segments.lengthKm;
    // Fixed y ranges over the whole horizon, so the profile does not jump while scrubbing.
    let maxP = 1;
    let maxM = 0.1;
    for (let n = 0; n < model.grid.stepCount; n++) {
      const row = n * model.segmentCount + r.offset;
      for (let i = 0; i < r.segments.count; i++) {
        if (model.personsPerKm[row + i] > maxP) maxP = model.personsPerKm[row + i];
        if (model.dlMbpsPerKm[row + i] > maxM) maxM = model.dlMbpsPerKm[row + i];
      }
    }
    // Capacity may run off the top where small cells crowd (a hotspot): demand sets the scale.
    const cap = state.plan?.capacityPerKm;
    maxM *= 1.4;
    const axes: uPlot.Axis[] = [
      {
        ...AXIS_STYLE,
        label: t('charts.chainage'),
        labelSize: 16,
        size: 34,
        values: (_u, vals, _i, _space, incr) => numberAxisValues(vals, incr),
      },
      {
        ...AXIS_STYLE,
        scale: 'p',
        label: t('charts.persons'),
        labelSize: 14,
        size: fitAxisSize(48),
        values: (_u, vals) => vals.map((v) => formatCompact(v)),
      },
      {
        ...AXIS_STYLE,
        scale: 'm',
        side: 1,
        label: t('charts.mbpsPerKmAxis'),
        labelSize: 14,
        size: fitAxisSize(44),
        grid: { show: false },
        values: (_u, vals) => vals.map((v) => formatNumber(v, 1)),
      },
    ];
    if (poles) {
      axes.push({
        ...AXIS_STYLE,
        side: 0,
        scale: 'x',
        label: t('charts.pole'),
        labelSize: 14,
        size: 30,
        grid: { show: false },
        values: (_u, vals) => vals.map((km) => digitsLabel(nearestPoleAtKm(poles, lengthKm, km))),
      });
    }
    plot = mountPlot(
      holder,
      {
        legend: { show: true, live: false },
        cursor: { drag: { x: true, y: false } },
        scales: { x: { time: false }, p: { range: [0, maxP * 1.05] }, m: { range: [0, maxM * 1.05] } },
        axes,
        series: [
          {
            label: t('charts.chainage'),
            value: (_u, v) =>
              v == null
                ? '—'
                : `${t('units.km', { v: formatNumber(v, 2) })}${poles ? ` · ${t('charts.pole')} ${digitsLabel(nearestPoleAtKm(poles, lengthKm, v))}` : ''}`,
          },
          {
            label: t('charts.seriesPersons'),
            scale: 'p',
            stroke: '#cc4c02',
            fill: 'rgba(254,153,41,0.25)',
            width: 1.5,
            value: (_u, v) => (v == null ? '—' : formatNumber(v)),
          },
          {
            label: t('charts.seriesDemand'),
            scale: 'm',
            stroke: '#2171b5',
            width: 1.5,
            value: (_u, v) => (v == null ? '—' : formatNumber(v, 2)),
          },
          {
            label: t('charts.seriesCapacity'),
            scale: 'm',
            stroke: '#1a9850',
            width: 1.5,
            dash: [6, 4],
            value: (_u, v) => (v == null ? '—' : formatNumber(v, 1)),
          },
        ],
      },
      profileData(model, r, state.step, cap ?? null),
    );
  };

  rebuild();
  store.subscribe((s, p) => {
    if (changed(s, p, 'timeModel', 'plan') || (changed(s, p, 'selectedRouteId') && s.selectedRouteId)) {
      if (changed(s, p, 'selectedRouteId')) chosen = null;
      rebuild();
    } else if (changed(s, p, 'step')) schedule();
  });
}
