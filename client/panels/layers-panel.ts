/**
 * Layers and legend in one floating box over the map, as in desktop GIS: each layer group has a
 * visibility toggle and its symbology right below it, drawn from the same tokens the style functions
 * use, so the legend cannot drift from the map. The crowd layer carries the persons / DL Mbps switch.
 */
import { formatCompact, formatPercent, t, type MessageKey } from '../i18n/index';
import {
  COLOURS,
  DL_MBPS_PER_KM_STOPS,
  HOTSPOT_PERSONS_STOPS,
  LAYER_GROUPS,
  PERSONS_PER_KM_STOPS,
  UTILISATION_STOPS,
  type ColourStop,
  type LayerGroup,
} from '../map/layers/index';
import { changed } from '../state/store';
import { setLayerVisible, type WorkspaceStore } from '../state/workspace';
import { h, replaceChildren } from './dom';

const TITLES: Record<LayerGroup, MessageKey> = {
  segments: 'layers.segments',
  sites: 'layers.sites',
  coverage: 'layers.coverage',
  unserved: 'layers.unserved',
  hotspots: 'layers.hotspots',
  joins: 'layers.joins',
  routes: 'layers.routes',
};

function ramp(stops: readonly ColourStop[], caption: string, format: (v: number) => string): HTMLElement {
  const gradient = `linear-gradient(to right, ${stops.map((s, i) => `${s.colour} ${(i / (stops.length - 1)) * 100}%`).join(', ')})`;
  return h(
    'div',
    { class: 'ramp' },
    h('div', { class: 'ramp-caption' }, caption),
    h('div', { class: 'ramp-bar', style: `background:${gradient}` }),
    h(
      'div',
      { class: 'ramp-labels' },
      ...stops.map((s, i) =>
        h('span', { style: `left:${(i / (stops.length - 1)) * 100}%` }, format(s.value)),
      ),
    ),
  );
}

/** Least room between two ramp labels, in pixels. */
const LABEL_GAP = 4;

/**
 * Which of a ramp's labels to show, given their extents (left to right): the first and the last always,
 * and each one between that keeps clear of the one shown before it and of the last. Localised labels
 * ("٤٠ ألف", "۸۰ هزار") are much wider than "40k": without this they overlap.
 */
export function labelsThatFit(
  extents: readonly { left: number; right: number }[],
  gap = LABEL_GAP,
): boolean[] {
  const n = extents.length;
  const keep = extents.map((_, i) => i === 0 || i === n - 1);
  if (n <= 2) return keep;
  const last = extents[n - 1];
  let right = extents[0].right;
  for (let i = 1; i < n - 1; i++) {
    const e = extents[i];
    if (e.left >= right + gap && e.right + gap <= last.left) {
      keep[i] = true;
      right = e.right;
    }
  }
  return keep;
}

/** Hides the ramp labels under `root` that would overlap a neighbour (measured as laid out). */
function fitRampLabels(root: HTMLElement): void {
  for (const labels of root.querySelectorAll<HTMLElement>('.ramp-labels')) {
    const spans = [...labels.querySelectorAll<HTMLElement>('span')];
    for (const span of spans) span.hidden = false;
    const keep = labelsThatFit(spans.map((span) => span.getBoundingClientRect()));
    spans.forEach((span, i) => {
      span.hidden = !keep[i];
    });
  }
}

function swatch(kind: string, colour: string, label: string): HTMLElement {
  return h(
    'div',
    { class: 'swatch-row' },
    h('span', { class: `swatch ${kind}`, style: `--c:${colour}` }),
    h('span', {}, label),
  );
}

function legendFor(group: LayerGroup, metric: 'persons' | 'dlMbps'): HTMLElement | null {
  switch (group) {
    case 'segments':
      return metric === 'persons'
        ? ramp(PERSONS_PER_KM_STOPS, t('legend.personsPerKm'), formatCompact)
        : ramp(DL_MBPS_PER_KM_STOPS, t('legend.dlMbpsPerKm'), formatCompact);
    case 'sites':
      return h(
        'div',
        {},
        swatch('triangle', '#8a94a3', t('legend.siteNew')),
        swatch('square', '#8a94a3', t('legend.siteExisting')),
        ramp(UTILISATION_STOPS, t('legend.siteUtilisation'), (v) => formatPercent(v, 0)),
      );
    case 'coverage':
      return h(
        'div',
        { class: 'swatch-pair' },
        swatch('circle-dash', COLOURS.coverageNew, t('legend.siteNew')),
        swatch('circle-dash', COLOURS.coverageExisting, t('legend.siteExisting')),
      );
    case 'unserved':
      return h('div', { class: 'swatch-pair' }, swatch('line-dash', COLOURS.unserved, t('legend.unserved')));
    case 'hotspots':
      return ramp(HOTSPOT_PERSONS_STOPS, t('legend.hotspot'), formatCompact);
    case 'joins':
      return swatch('dot', COLOURS.join, t('legend.join'));
    case 'routes':
      return swatch('line', COLOURS.route, t('legend.route'));
  }
}

export function mountLayersPanel(root: HTMLElement, store: WorkspaceStore): void {
  const box = h('section', {
    class: 'layers-box',
    'data-testid': 'legend',
    'aria-label': t('legend.heading'),
  });
  let collapsed = false;
  root.append(box);
  const render = () => {
    const state = store.get();
    const head = h(
      'button',
      {
        class: 'layers-head',
        'aria-expanded': collapsed ? 'false' : 'true',
        onclick: () => {
          collapsed = !collapsed;
          render();
        },
      },
      h('span', {}, t('layers.heading')),
      h('span', { class: 'chevron' }, collapsed ? '▸' : '▾'),
    );
    if (collapsed) {
      replaceChildren(box, head);
      return;
    }
    const rows = LAYER_GROUPS.map((group) => {
      const visible = state.layers[group];
      const metricSwitch =
        group === 'segments'
          ? h(
              'div',
              { class: 'metric-switch', role: 'radiogroup', 'aria-label': t('layers.metric') },
              ...(['persons', 'dlMbps'] as const).map((m) =>
                h(
                  'label',
                  {},
                  h('input', {
                    type: 'radio',
                    name: 'metric',
                    value: m,
                    checked: state.metric === m,
                    'data-testid': `metric-${m}`,
                    onchange: () => store.set({ metric: m }),
                  }),
                  t(m === 'persons' ? 'layers.metric.persons' : 'layers.metric.dlMbps'),
                ),
              ),
            )
          : null;
      return h(
        'div',
        { class: visible ? 'layer-row' : 'layer-row off' },
        h(
          'label',
          { class: 'layer-toggle' },
          h('input', {
            type: 'checkbox',
            checked: visible,
            'data-testid': `layer-${group}`,
            onchange: (e: Event) => setLayerVisible(store, group, (e.target as HTMLInputElement).checked),
          }),
          t(TITLES[group]),
        ),
        metricSwitch,
        visible ? legendFor(group, state.metric) : null,
      );
    });
    replaceChildren(box, head, h('div', { class: 'layers-body' }, ...rows));
    fitRampLabels(box);
  };
  render();
  // Label widths change once the fonts are in.
  void document.fonts?.ready.then(() => fitRampLabels(box));
  store.subscribe((s, p) => {
    if (changed(s, p, 'layers', 'metric')) render();
  });
}
