/**
 * The scenario header of the left panel: which saved scenario is open, its name, horizon and time
 * base, its save state (revision, unsaved changes) and Save. The list comes from the server.
 */
import type { ScenarioSummary } from '../../shared/api/index';
import { daysBetween } from '../../shared/index';
import { formatLocalDate, formatNumber, locale, t } from '../i18n/index';
import { changed } from '../state/store';
import { currentDoc, edit, isDirty, sealEdits, type WorkspaceStore } from '../state/workspace';
import { h, rerender, textField } from './dom';

export interface ScenarioPanelActions {
  open(id: string): void;
  save(): void;
}

export function mountScenarioPanel(
  root: HTMLElement,
  store: WorkspaceStore,
  actions: ScenarioPanelActions,
): { setList(list: ScenarioSummary[]): void } {
  let list: ScenarioSummary[] = [];
  const body = h('div', { class: 'scenario-panel' });
  root.append(body);

  const build = () => {
    const state = store.get();
    const doc = currentDoc(state);
    const dirty = isDirty(state);
    const days = daysBetween(doc.horizon.start, doc.horizon.end);
    const selectId = state.saved?.id ?? '';
    const options = list.map((s) => h('option', { value: s.id, selected: s.id === selectId }, s.name));
    if (!state.saved) options.unshift(h('option', { value: '', selected: true }, t('scenario.local')));
    return [
      h('div', { class: 'section-head' }, h('h2', {}, t('scenario.heading'))),
      h(
        'label',
        { class: 'field' },
        h('span', { class: 'field-label' }, t('scenario.select')),
        h(
          'select',
          {
            'data-testid': 'scenario-select',
            onchange: (e: Event) => {
              const id = (e.target as HTMLSelectElement).value;
              if (id) actions.open(id);
            },
          },
          ...options,
        ),
      ),
      textField({
        label: t('scenario.name'),
        key: 'scenario-name',
        value: doc.name,
        onInput: (v) => edit(store, (d) => ({ ...d, name: v }), 'scenario-name'),
        onCommit: () => sealEdits(store),
      }),
      h(
        'dl',
        { class: 'facts' },
        h('dt', {}, t('scenario.horizon')),
        h(
          'dd',
          {},
          `${formatLocalDate(doc.horizon.start)} ${locale().dir === 'rtl' ? '←' : '→'} ${formatLocalDate(doc.horizon.end)} (${t('units.days', { v: formatNumber(days) })})`,
        ),
        h('dt', {}, t('scenario.arbaeenDay')),
        h('dd', {}, formatLocalDate(doc.arbaeenDay)),
        h('dt', {}, t('scenario.step')),
        h('dd', {}, t('units.min', { v: formatNumber(doc.stepMinutes ?? 60) })),
        h('dt', {}, t('scenario.segment')),
        h('dd', {}, t('units.m', { v: formatNumber(doc.segmentMeters ?? 500) })),
      ),
      h(
        'div',
        { class: 'save-row' },
        h(
          'span',
          { class: dirty ? 'save-state dirty' : 'save-state', 'data-testid': 'save-state' },
          dirty
            ? t('scenario.unsaved')
            : state.saved
              ? t('scenario.revision', { revision: String(state.saved.revision) })
              : t('scenario.local'),
        ),
        h(
          'button',
          {
            class: 'btn',
            'data-testid': 'save',
            disabled: !dirty && state.saved !== null,
            onclick: () => actions.save(),
          },
          t('scenario.save'),
        ),
      ),
    ];
  };
  const render = () => rerender(body, build);
  render();
  store.subscribe((s, p) => {
    if (s.history.present !== p.history.present || changed(s, p, 'saved', 'savedDoc')) render();
  });
  return {
    setList(next) {
      list = next;
      render();
    },
  };
}
