/**
 * The compare view's "inputs that differ" table: each changed input of B against A with both values, in
 * the app's language (labels shared with the parameter and site-types panels).
 */
import { formatNumber, formatPercent, t, type MessageKey } from '../i18n/index';
import { h } from '../panels/dom';
import { BUDGET_INPUTS, budgetInputLabel } from '../state/link-budget-fields';
import type { ScenarioDoc } from '../state/scenario-edits';
import { inputDiff, type InputChange, type InputValue } from './input-diff';

/** Labels of the inputs by `group/field` (link-budget terms and presence rows are labelled apart). */
const LABELS: Record<string, MessageKey> = {
  'grid/horizon': 'compare.input.horizon',
  'grid/stepMinutes': 'compare.input.stepMinutes',
  'grid/segmentMeters': 'compare.input.segmentMeters',
  'demand/phoneShare': 'params.phoneShare',
  'demand/operatorShare': 'params.operatorShare',
  'demand/dailyMB': 'params.dailyMB',
  'demand/uplinkShare': 'params.uplinkShare',
  'demand/voiceMilliErlang': 'compare.input.voiceMilliErlang',
  'demand/voiceBlocking': 'compare.input.voiceBlocking',
  'planning/candidateSpacingMeters': 'params.candidateSpacing',
  'planning/hotspotGridMeters': 'compare.input.hotspotGridMeters',
  'planning/budgetUsd': 'params.budget',
  'planning/maxNewSites': 'params.maxNewSites',
  'planning/siteTypes': 'compare.input.plannedTypes',
  'siteType/capexUsd': 'siteTypes.capex',
  'siteType/heightM': 'siteTypes.height',
  'siteType/maxUtilization': 'siteTypes.utilisation',
  'siteType/sectors': 'compare.input.sectors',
  'siteType/rangeKm': 'siteTypes.rangeOverride',
  'siteType/propagation': 'siteTypes.model',
  'siteType/carriers': 'compare.input.carriers',
  'siteType/present': 'compare.input.siteType',
  'route/present': 'compare.input.route',
  'route/walkers': 'compare.input.walkers',
  'route/lengthKm': 'compare.input.routeLength',
  'hotspot/present': 'compare.input.hotspot',
  'existingSites/count': 'compare.input.existingSites',
};

function label(c: InputChange): string {
  const term = c.field.startsWith('linkBudget.')
    ? BUDGET_INPUTS.find((f) => `linkBudget.${f.field}` === c.field)
    : undefined;
  const text = term ? budgetInputLabel(term.label) : t(LABELS[`${c.group}/${c.field}`]);
  return c.subject ? `${c.subject}: ${text}` : text;
}

function value(c: InputChange, v: InputValue): string {
  if (v === null) return t('compare.input.default');
  if (typeof v === 'string') return v;
  switch (c.unit) {
    case 'percent':
      return formatPercent(v, 2);
    case 'mb':
      return `${formatNumber(v)} ${t('units.mbUnit')}`;
    case 'm':
      return t('units.m', { v: formatNumber(v, 1) });
    case 'km':
      return t('units.km', { v: formatNumber(v, 2) });
    case 'usd':
      return t('units.usd', { v: formatNumber(v) });
    case 'minutes':
      return t('units.min', { v: formatNumber(v) });
    case 'dB':
    case 'dBm':
    case 'dBi':
    case 'kHz':
      return `${formatNumber(v, 1)} ${c.unit}`;
    case 'presence':
      return t(v ? 'compare.input.present' : 'compare.input.absent');
    default:
      return formatNumber(v, 2);
  }
}

/** The heading and table (or a line saying the inputs are the same) for sides A and B. */
export function inputDiffTable(
  a: ScenarioDoc,
  b: ScenarioDoc,
  heads: { a: string; b: string },
): HTMLElement[] {
  const changes = inputDiff(a, b);
  const heading = h('h3', { id: 'cmp-inputs-h' }, t('compare.inputsTitle'));
  if (changes.length === 0) {
    return [
      heading,
      h('p', { class: 'muted', 'data-testid': 'compare-inputs-none' }, t('compare.inputsNone')),
    ];
  }
  return [
    heading,
    h(
      'table',
      { class: 'ap-table cmp-inputs', 'data-testid': 'compare-inputs' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, t('compare.input.input')),
          h('th', { scope: 'col', class: 'n' }, heads.a),
          h('th', { scope: 'col', class: 'n' }, heads.b),
        ),
      ),
      h(
        'tbody',
        {},
        ...changes.map((c) =>
          h(
            'tr',
            { 'data-input': `${c.group}.${c.field}` },
            h('th', { scope: 'row' }, h('bdi', {}, label(c))),
            h('td', { class: 'n' }, h('bdi', {}, value(c, c.a))),
            h('td', { class: 'n' }, h('bdi', {}, value(c, c.b))),
          ),
        ),
      ),
    ),
  ];
}
