/**
 * The route list: visibility toggles, selection, length and walkers per route; the Draw and Import
 * actions. Re-renders when the document's routes, the hidden set, the selection or the tool change.
 */
import { lineLengthKm, type LonLat } from '../../shared/index';
import { formatNumber, t } from '../i18n/index';
import { changed } from '../state/store';
import { currentDoc, toggleRoute, type WorkspaceStore } from '../state/workspace';
import { h, replaceChildren } from './dom';

export interface RoutesPanelActions {
  startDrawing(): void;
  importFiles(files: FileList | File[]): void;
  selectRoute(routeId: string | null): void;
}

const lengthCache = new WeakMap<object, number>();

function routeLengthKm(line: readonly LonLat[]): number {
  let km = lengthCache.get(line);
  if (km === undefined) {
    km = line.length >= 2 ? lineLengthKm(line as LonLat[]) : 0;
    lengthCache.set(line, km);
  }
  return km;
}

export function mountRoutesPanel(
  root: HTMLElement,
  store: WorkspaceStore,
  actions: RoutesPanelActions,
): void {
  const list = h('ul', { class: 'route-list', 'data-testid': 'route-list' });
  const fileInput = h('input', {
    type: 'file',
    accept:
      '.geojson,.json,.kml,.gpx,application/geo+json,application/vnd.google-earth.kml+xml,application/gpx+xml',
    multiple: true,
    hidden: true,
    'data-testid': 'import-input',
    onchange: () => {
      if (fileInput.files && fileInput.files.length > 0) actions.importFiles(fileInput.files);
      fileInput.value = '';
    },
  });
  const drawButton = h(
    'button',
    { class: 'btn', 'data-testid': 'draw-route', onclick: () => actions.startDrawing() },
    t('routes.draw'),
  );
  const importButton = h(
    'button',
    {
      class: 'btn',
      title: t('routes.importHint'),
      'data-testid': 'import-routes',
      onclick: () => fileInput.click(),
    },
    t('routes.import'),
  );
  root.append(
    h(
      'div',
      { class: 'section-head' },
      h('h2', {}, t('routes.heading')),
      h('div', { class: 'btn-row' }, drawButton, importButton, fileInput),
    ),
    list,
  );

  const render = () => {
    const state = store.get();
    const doc = currentDoc(state);
    drawButton.classList.toggle('active', state.tool === 'draw');
    if (doc.routes.length === 0) {
      replaceChildren(list, h('li', { class: 'empty' }, t('routes.empty')));
      return;
    }
    replaceChildren(
      list,
      ...doc.routes.map((route) => {
        const visible = !state.hiddenRoutes.includes(route.id);
        const walkers = route.joins.reduce((a, j) => a + (Number.isFinite(j.walkers) ? j.walkers : 0), 0);
        const selected = route.id === state.selectedRouteId;
        return h(
          'li',
          { class: selected ? 'route-item selected' : 'route-item', 'data-route-id': route.id },
          h('input', {
            type: 'checkbox',
            checked: visible,
            'aria-label': t('routes.show', { name: route.name }),
            title: t('routes.show', { name: route.name }),
            onchange: (e: Event) => toggleRoute(store, route.id, (e.target as HTMLInputElement).checked),
          }),
          h(
            'button',
            {
              class: 'route-name',
              onclick: () => actions.selectRoute(selected ? null : route.id),
              'aria-pressed': selected ? 'true' : 'false',
            },
            // Isolated, in the name's own direction: a Latin name in an RTL page is cut at its end.
            h('bdi', { class: 'name', dir: 'auto', title: route.name }, route.name),
            h(
              'span',
              { class: 'meta' },
              t('units.km', { v: formatNumber(routeLengthKm(route.line as LonLat[]), 1) }),
              ' · ',
              t('routes.walkers', { count: formatNumber(walkers) }),
              route.mode === 'vehicle' ? ` · ${t('route.mode.vehicle')}` : '',
            ),
          ),
        );
      }),
    );
  };
  render();
  store.subscribe((s, p) => {
    if (
      s.history.present.routes !== p.history.present.routes ||
      changed(s, p, 'hiddenRoutes', 'selectedRouteId', 'tool')
    )
      render();
  });
}
