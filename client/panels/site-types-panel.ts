/**
 * Site types: for each kind of site, whether the planner may place it, its cost, mast height, utilisation
 * cap, range override and link-budget terms (undoable, validated edits), and what the radio models make
 * of them: the range and what bounds it, DL/UL capacity, whether the propagation model is used inside its
 * validity range, and the itemised budgets.
 */
import { formatNote } from '../../shared/notes';
import {
  DEFAULT_MAX_UTILIZATION,
  LINK_BUDGET_LINE_NAMES,
  type LinkDirectionBudget,
} from '../../shared/index';
import { formatNumber, locale, t } from '../i18n/index';
import { BUDGET_INPUTS, budgetInputLabel } from '../state/link-budget-fields';
import {
  patchLinkBudget,
  patchSiteType,
  setPlannedSiteType,
  type LinkBudgetDoc,
  type SiteTypePatch,
} from '../state/scenario-edits';
import { siteTypeRows, type SiteTypeRadio, type SiteTypeRow } from '../state/site-types-view';
import { changed } from '../state/store';
import { currentDoc, edit, sealEdits, type WorkspaceStore } from '../state/workspace';
import { errorsAt, h, numberField, percent, rerender, share } from './dom';

/**
 * One direction's budget as a table, as link budgets are written: each line's own value (losses and margins
 * positive; subtotals such as EIRP and sensitivity in bold), then the MAPL.
 */
function budgetTable(heading: string, d: LinkDirectionBudget, limiting: boolean, testId: string) {
  return h(
    'table',
    { class: 'link-budget', 'data-testid': testId },
    h('caption', {}, heading),
    h(
      'tbody',
      {},
      ...d.terms.map((term) =>
        h(
          'tr',
          { class: term.sign === 0 ? 'subtotal' : '' },
          h('td', {}, LINK_BUDGET_LINE_NAMES[locale().id][term.key]),
          h('td', { class: 'n' }, h('bdi', {}, `${formatNumber(term.valueDb + 0, 1)} ${term.unit}`)),
        ),
      ),
      h(
        'tr',
        { class: limiting ? 'total limiting' : 'total' },
        h('td', {}, t('linkBudget.mapl')),
        h('td', { class: 'n' }, h('bdi', {}, `${formatNumber(d.maplDb, 1)} dB`)),
      ),
    ),
  );
}

export function mountSiteTypesPanel(root: HTMLElement, store: WorkspaceStore): void {
  const body = h('details', { class: 'site-types', 'data-testid': 'site-types' });
  root.append(body);
  /** Site types whose link budget is unfolded (kept across re-renders while editing). */
  const budgetsOpen = new Set<string>();

  const patch = (id: string, p: SiteTypePatch, key: string) =>
    edit(store, (d) => patchSiteType(d, id, p), key);
  const commit = () => sealEdits(store);

  const rangeText = (row: SiteTypeRow): string => {
    const r = row.radio;
    if (!r) return t('siteTypes.invalid');
    const km = t('units.km', { v: formatNumber(r.rangeKm, 2) });
    if (r.boundBy === 'override') return t('siteTypes.rangeGiven', { range: km });
    if (r.boundBy === 'path-loss')
      return t('siteTypes.rangePathLoss', {
        range: km,
        link: t(r.limiting === 'downlink' ? 'siteTypes.downlink' : 'siteTypes.uplink'),
        mapl: formatNumber(r.maplDb ?? NaN, 1),
        freq: formatNumber(r.freqMHz ?? NaN),
      });
    return t(r.boundBy === 'prach' ? 'siteTypes.rangePrach' : 'siteTypes.rangeHorizon', { range: km });
  };

  const card = (row: SiteTypeRow, errors: Parameters<typeof errorsAt>[0]) => {
    const { type, radio, index } = row;
    const at = (field: string) => errorsAt(errors, `siteTypes[${index}].${field}`);
    const key = (field: string) => `st-${type.id}-${field}`;
    return h(
      'div',
      { class: 'site-type', 'data-testid': `site-type-${type.id}` },
      h(
        'label',
        { class: 'site-type-head' },
        h('input', {
          type: 'checkbox',
          checked: row.planned,
          'data-testid': key('planned'),
          onchange: (e: Event) =>
            edit(store, (d) => setPlannedSiteType(d, type.id, (e.target as HTMLInputElement).checked)),
        }),
        h('bdi', { class: 'name' }, type.name),
      ),
      h(
        'div',
        { class: 'muted site-type-planned' },
        h('bdi', {}, type.id),
        ' · ',
        t(row.planned ? 'siteTypes.planned' : 'siteTypes.notPlanned'),
      ),
      h(
        'div',
        { class: 'field-pair' },
        numberField({
          label: t('siteTypes.capex'),
          key: key('capex'),
          value: type.capexUsd,
          min: 0,
          step: 5000,
          unit: t('units.usdUnit'),
          onInput: (v) => v !== undefined && patch(type.id, { capexUsd: v }, key('capex')),
          onCommit: commit,
        }),
        numberField({
          label: t('siteTypes.height'),
          key: key('height'),
          value: type.heightM,
          min: 1,
          step: 1,
          unit: t('units.mUnit'),
          onInput: (v) => v !== undefined && patch(type.id, { heightM: v }, key('height')),
          onCommit: commit,
        }),
      ),
      at('capexUsd'),
      at('heightM'),
      h(
        'div',
        { class: 'field-pair' },
        numberField({
          label: t('siteTypes.utilisation'),
          key: key('util'),
          value: percent(type.maxUtilization ?? DEFAULT_MAX_UTILIZATION),
          min: 1,
          max: 100,
          step: 5,
          unit: t('units.percentUnit'),
          onInput: (v) => v !== undefined && patch(type.id, { maxUtilization: share(v) }, key('util')),
          onCommit: commit,
        }),
        numberField({
          label: t('siteTypes.rangeOverride'),
          key: key('range'),
          value: type.rangeKm,
          min: 0,
          step: 0.1,
          unit: t('units.kmUnit'),
          optional: true,
          onInput: (v) => patch(type.id, { rangeKm: v }, key('range')),
          onCommit: commit,
        }),
      ),
      at('maxUtilization'),
      at('rangeKm'),
      h(
        'dl',
        { class: 'site-type-facts' },
        h('dt', {}, t('siteTypes.range')),
        h('dd', { 'data-testid': key('range-text') }, rangeText(row)),
        ...(radio
          ? [
              h('dt', {}, t('siteTypes.capacity')),
              h(
                'dd',
                { 'data-testid': key('capacity') },
                t(radio.limitedBy === 'UL' ? 'siteTypes.capacityValueUl' : 'siteTypes.capacityValue', {
                  dl: t('units.mbps', { v: formatNumber(radio.dlMbps) }),
                  ul: t('units.mbps', { v: formatNumber(radio.ulMbps) }),
                  usable: t('units.mbps', { v: formatNumber(radio.usableDlMbps) }),
                  cap: t('units.percent', { v: formatNumber(percent(radio.maxUtilization), 1) }),
                  share: t('units.percent', { v: formatNumber(percent(radio.uplinkShare), 1) }),
                }),
              ),
            ]
          : []),
        h('dt', {}, t('siteTypes.model')),
        h(
          'dd',
          { 'data-testid': key('validity') },
          h('bdi', {}, type.propagation),
          radio && radio.validity.length === 0 ? ` · ${t('siteTypes.modelInside')}` : null,
          radio && radio.validity.length > 0
            ? h(
                'ul',
                { class: 'warnings' },
                ...radio.validity.map((n) => h('li', {}, h('bdi', {}, formatNote(n, locale().id)))),
              )
            : null,
        ),
        ...(row.existingSites > 0
          ? [h('dt', {}, t('siteTypes.existing')), h('dd', {}, formatNumber(row.existingSites))]
          : []),
      ),
      type.linkBudget
        ? h(
            'details',
            {
              class: 'link-budgets',
              open: budgetsOpen.has(type.id),
              ontoggle: (e: Event) => {
                if ((e.target as HTMLDetailsElement).open) budgetsOpen.add(type.id);
                else budgetsOpen.delete(type.id);
              },
            },
            h('summary', {}, t('linkBudget.heading')),
            budgetInputs(row, errors),
            ...(radio?.linkBudget ? budgetTables(row, radio.linkBudget) : []),
          )
        : null,
    );
  };

  const budgetInputs = (row: SiteTypeRow, errors: Parameters<typeof errorsAt>[0]) => {
    const { type, index } = row;
    const terms = type.linkBudget ?? ({} as Partial<LinkBudgetDoc>);
    return h(
      'div',
      { class: 'budget-inputs' },
      h(
        'div',
        { class: 'budget-grid' },
        ...BUDGET_INPUTS.map((f) => {
          const key = `st-${type.id}-lb-${f.field}`;
          return numberField({
            label: budgetInputLabel(f.label),
            key,
            value: terms[f.field],
            step: f.step,
            unit: f.unit,
            optional: f.optional,
            onInput: (v) =>
              (v !== undefined || f.optional) &&
              edit(store, (d) => patchLinkBudget(d, type.id, { [f.field]: v }), key),
            onCommit: commit,
          });
        }),
      ),
      ...BUDGET_INPUTS.map((f) => errorsAt(errors, `siteTypes[${index}].linkBudget.${f.field}`)),
    );
  };

  const budgetTables = (row: SiteTypeRow, b: NonNullable<SiteTypeRadio['linkBudget']>) => {
    const key = (part: string) => `st-${row.type.id}-${part}`;
    return [
      budgetTable(t('linkBudget.uplink'), b.uplink, b.limiting === 'uplink', key('budget-ul')),
      budgetTable(t('linkBudget.downlink'), b.downlink, b.limiting === 'downlink', key('budget-dl')),
    ];
  };

  const build = () => {
    const state = store.get();
    const doc = currentDoc(state);
    return [
      h('summary', {}, h('h2', {}, t('siteTypes.heading'))),
      h('p', { class: 'muted hint' }, t('siteTypes.hint')),
      errorsAt(state.errors, 'planning.siteTypes'),
      ...siteTypeRows(doc).map((row) => card(row, state.errors)),
    ];
  };
  const render = () => rerender(body, build);
  render();
  store.subscribe((s, p) => {
    const d = s.history.present;
    const q = p.history.present;
    if (
      d.siteTypes !== q.siteTypes ||
      d.planning !== q.planning ||
      // The load limit counts the uplink at the demand's uplink share.
      d.demand.uplinkShare !== q.demand.uplinkShare ||
      d.existingSites !== q.existingSites ||
      changed(s, p, 'errors')
    )
      render();
  });
}
