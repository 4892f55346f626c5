/**
 * Parameters of the selected route: name, speeds, mode, walking windows, destination, and each join's
 * walkers and departure profile (an editable bar chart by date). Every change is an undoable edit,
 * validated at once by the scenario parser; errors show under the field they concern.
 */
import { lineLengthKm, nearestPoleAtKm, snapToRoute, type FieldError, type LonLat } from '../../shared/index';
import { departureChart } from '../charts/departure-chart';
import { formatNumber, t } from '../i18n/index';
import {
  addWalkingWindow,
  horizonDates,
  normaliseDepartures,
  patchRoute,
  removeJoin,
  removeRoute,
  removeWalkingWindow,
  setDepartureShare,
  setJoinWalkers,
  setWalkingWindow,
  type RouteDoc,
  type ScenarioDoc,
} from '../state/scenario-edits';
import { changed } from '../state/store';
import { currentDoc, edit, sealEdits, type WorkspaceStore } from '../state/workspace';
import { fieldErrorText, h, numberField, rerender, textField } from './dom';

export interface RouteEditorActions {
  setTool(tool: 'browse' | 'edit-line' | 'add-join'): void;
  selectRoute(routeId: string | null): void;
}

/** The errors at `prefix` and below it (or exactly at it, with `exact`), as a list under a field. */
function fieldErrors(errors: readonly FieldError[], prefix: string, exact = false): HTMLElement | null {
  const own = errors.filter(
    (e) =>
      e.path === prefix || (!exact && (e.path.startsWith(`${prefix}.`) || e.path.startsWith(`${prefix}[`))),
  );
  if (own.length === 0) return null;
  return h('ul', { class: 'field-errors' }, ...own.map((e) => h('li', {}, fieldErrorText(e))));
}

function joinKm(route: RouteDoc, joinIndex: number): number | null {
  const join = route.joins[joinIndex];
  if (join.atKm !== undefined) return join.atKm;
  if (join.at && route.line.length >= 2) return snapToRoute(route.line as LonLat[], join.at as LonLat).atKm;
  return null;
}

export function mountRouteEditor(
  root: HTMLElement,
  store: WorkspaceStore,
  actions: RouteEditorActions,
): void {
  const body = h('div', { class: 'route-editor', 'data-testid': 'route-editor' });
  root.append(body);

  const build = (): (HTMLElement | null)[] => {
    const state = store.get();
    const doc: ScenarioDoc = currentDoc(state);
    const index = doc.routes.findIndex((r) => r.id === state.selectedRouteId);
    if (index < 0) return [];
    const route = doc.routes[index];
    const id = route.id;
    const base = `routes[${index}]`;
    const errors = state.errors;
    const lengthKm = route.line.length >= 2 ? lineLengthKm(route.line as LonLat[]) : 0;
    const dates = horizonDates(doc);
    const ed = (fn: (d: ScenarioDoc) => ScenarioDoc, key: string | null = null) => edit(store, fn, key);

    const windows = route.walkingHours.map((w, i) =>
      h(
        'div',
        { class: 'window-row' },
        numberField({
          label: t('route.windowFrom'),
          key: `win-from-${id}-${i}`,
          value: w[0],
          min: 0,
          max: 24,
          step: 0.5,
          onInput: (v) =>
            v !== undefined && ed((d) => setWalkingWindow(d, id, i, [v, w[1]]), `win-${id}-${i}-a`),
          onCommit: () => sealEdits(store),
        }),
        h('span', { class: 'dash' }, '–'),
        numberField({
          label: t('route.windowTo'),
          key: `win-to-${id}-${i}`,
          value: w[1],
          min: 0,
          max: 24,
          step: 0.5,
          unit: t('units.hourUnit'),
          onInput: (v) =>
            v !== undefined && ed((d) => setWalkingWindow(d, id, i, [w[0], v]), `win-${id}-${i}-b`),
          onCommit: () => sealEdits(store),
        }),
        h(
          'button',
          {
            class: 'icon-btn',
            title: t('route.removeWindow'),
            'aria-label': t('route.removeWindow'),
            onclick: () => ed((d) => removeWalkingWindow(d, id, i)),
          },
          '×',
        ),
      ),
    );

    const joins = route.joins.map((join, j) => {
      const km = joinKm(route, j);
      const pole = km !== null && route.poles ? nearestPoleAtKm(route.poles, lengthKm, km) : null;
      const shares = new Map(join.departures.map((d) => [d.date, d.share]));
      const sum = join.departures.reduce((a, d) => a + d.share, 0);
      const jPath = `${base}.joins[${j}]`;
      return h(
        'div',
        { class: 'join', 'data-testid': `join-${j}` },
        h(
          'div',
          { class: 'join-head' },
          h(
            'strong',
            {},
            km === null
              ? t('route.joins')
              : pole !== null
                ? t('route.joinAtPole', { km: formatNumber(km, 2), pole: String(pole) })
                : t('route.joinAt', { km: formatNumber(km, 2) }),
          ),
          h(
            'button',
            {
              class: 'icon-btn',
              title: t('route.joinRemove'),
              'aria-label': t('route.joinRemove'),
              onclick: () => ed((d) => removeJoin(d, id, j)),
            },
            '×',
          ),
        ),
        numberField({
          label: t('route.joinWalkers'),
          key: `walkers-${id}-${j}`,
          value: join.walkers,
          min: 0,
          step: 1000,
          unit: t('units.persons'),
          onInput: (v) => v !== undefined && ed((d) => setJoinWalkers(d, id, j, v), `walkers-${id}-${j}`),
          onCommit: () => sealEdits(store),
        }),
        h('div', { class: 'field-label' }, t('route.departures')),
        departureChart({
          key: `dep-${id}-${j}`,
          dates,
          shares,
          arbaeenDay: doc.arbaeenDay,
          onChange: (date, share) => ed((d) => setDepartureShare(d, id, j, date, share), `dep-${id}-${j}`),
          onCommit: () => sealEdits(store),
        }),
        h(
          'div',
          { class: 'join-foot' },
          h(
            'span',
            { class: Math.abs(sum - 1) > 1e-6 ? 'sum bad' : 'sum' },
            t('route.departuresSum', { sum: formatNumber(sum, 3) }),
          ),
          h(
            'button',
            {
              class: 'btn small',
              'data-testid': `normalise-${j}`,
              onclick: () => ed((d) => normaliseDepartures(d, id, j)),
            },
            t('route.normalise'),
          ),
        ),
        fieldErrors(errors, jPath),
      );
    });

    const hotspotOptions = (doc.hotspots ?? []).map((hs) =>
      h('option', { value: hs.id, selected: hs.id === route.destination }, hs.name),
    );

    return [
      h('div', { class: 'section-head' }, h('h2', {}, t('route.heading'))),
      textField({
        label: t('route.name'),
        key: `name-${id}`,
        value: route.name,
        onInput: (v) => ed((d) => patchRoute(d, id, { name: v }), `name-${id}`),
        onCommit: () => sealEdits(store),
      }),
      fieldErrors(errors, `${base}.name`),
      h(
        'div',
        { class: 'field-pair' },
        numberField({
          label: t('route.speed'),
          key: `speed-${id}`,
          value: route.speedKmh,
          min: 0.1,
          max: 130,
          step: 0.1,
          unit: t('units.kmhUnit'),
          onInput: (v) => v !== undefined && ed((d) => patchRoute(d, id, { speedKmh: v }), `speed-${id}`),
          onCommit: () => sealEdits(store),
        }),
        numberField({
          label: t('route.speedSpread'),
          key: `spread-${id}`,
          value: route.speedSpreadKmh,
          min: 0,
          max: 50,
          step: 0.1,
          unit: t('units.kmhUnit'),
          optional: true,
          onInput: (v) => ed((d) => patchRoute(d, id, { speedSpreadKmh: v }), `spread-${id}`),
          onCommit: () => sealEdits(store),
        }),
      ),
      fieldErrors(errors, `${base}.speedKmh`),
      fieldErrors(errors, `${base}.speedSpreadKmh`),
      h(
        'label',
        { class: 'field' },
        h('span', { class: 'field-label' }, t('route.mode')),
        h(
          'select',
          {
            'data-testid': `mode-${id}`,
            onchange: (e: Event) => {
              const v = (e.target as HTMLSelectElement).value;
              ed((d) => patchRoute(d, id, { mode: v === 'vehicle' ? 'vehicle' : undefined }));
            },
          },
          h('option', { value: 'walk', selected: route.mode !== 'vehicle' }, t('route.mode.walk')),
          h('option', { value: 'vehicle', selected: route.mode === 'vehicle' }, t('route.mode.vehicle')),
        ),
      ),
      h(
        'label',
        { class: 'field' },
        h('span', { class: 'field-label' }, t('route.destination')),
        h(
          'select',
          {
            onchange: (e: Event) => {
              const v = (e.target as HTMLSelectElement).value;
              ed((d) => patchRoute(d, id, { destination: v || undefined }));
            },
          },
          h('option', { value: '', selected: !route.destination }, t('route.none')),
          ...hotspotOptions,
        ),
      ),
      fieldErrors(errors, `${base}.destination`),
      h('div', { class: 'field-label' }, t('route.walkingHours')),
      ...windows,
      h(
        'button',
        { class: 'btn small', onclick: () => ed((d) => addWalkingWindow(d, id)) },
        t('route.addWindow'),
      ),
      fieldErrors(errors, `${base}.walkingHours`),
      h(
        'div',
        { class: 'section-head' },
        h('h3', {}, t('route.joins')),
        h(
          'button',
          {
            class: state.tool === 'add-join' ? 'btn small active' : 'btn small',
            'data-testid': 'add-join',
            title: t('route.addJoinHint'),
            onclick: () => actions.setTool(state.tool === 'add-join' ? 'browse' : 'add-join'),
          },
          t('route.addJoin'),
        ),
      ),
      ...joins,
      fieldErrors(errors, `${base}.joins`, true),
      h(
        'div',
        { class: 'btn-row spaced' },
        h(
          'button',
          {
            class: state.tool === 'edit-line' ? 'btn active' : 'btn',
            'data-testid': 'edit-line',
            onclick: () => actions.setTool(state.tool === 'edit-line' ? 'browse' : 'edit-line'),
          },
          state.tool === 'edit-line' ? t('routes.doneEditing') : t('routes.editLine'),
        ),
        h(
          'button',
          {
            class: 'btn danger',
            onclick: () => {
              actions.selectRoute(null);
              ed((d) => removeRoute(d, id));
            },
          },
          t('routes.delete'),
        ),
      ),
      fieldErrors(errors, `${base}.line`),
    ];
  };

  const render = () => rerender(body, build);
  render();
  store.subscribe((s, p) => {
    if (s.history.present !== p.history.present || changed(s, p, 'selectedRouteId', 'errors', 'tool'))
      render();
  });
}
