/**
 * Scenario-wide parameters: how persons become traffic (phone and operator shares, data per device,
 * uplink share) and what the planner may spend (candidate spacing, budget, site cap). Percentages are
 * shown as % and stored as shares; each change is an undoable, validated edit.
 */
import { t } from '../i18n/index';
import { withPatch, type ScenarioDoc } from '../state/scenario-edits';
import { changed } from '../state/store';
import { currentDoc, edit, sealEdits, type WorkspaceStore } from '../state/workspace';
import { errorsAt, h, numberField, percent, rerender, share } from './dom';

type Demand = ScenarioDoc['demand'];
type Planning = ScenarioDoc['planning'];

export function mountParametersPanel(root: HTMLElement, store: WorkspaceStore): void {
  const body = h('details', { class: 'parameters' });
  root.append(body);

  const setDemand = (patch: Partial<Demand>, key: string) =>
    edit(store, (d) => ({ ...d, demand: { ...d.demand, ...patch } }), key);
  const setPlanning = (patch: Partial<Planning>, key: string) =>
    edit(store, (d) => ({ ...d, planning: withPatch(d.planning, patch) }), key);
  const commit = () => sealEdits(store);

  const build = () => {
    const state = store.get();
    const doc = currentDoc(state);
    const { demand, planning } = doc;
    const errors = state.errors;
    return [
      h('summary', {}, h('h2', {}, t('params.heading'))),
      h(
        'div',
        { class: 'field-pair' },
        numberField({
          label: t('params.phoneShare'),
          key: 'p-phone',
          value: percent(demand.phoneShare),
          min: 0,
          max: 100,
          step: 1,
          unit: t('units.percentUnit'),
          onInput: (v) => v !== undefined && setDemand({ phoneShare: share(v) }, 'p-phone'),
          onCommit: commit,
        }),
        numberField({
          label: t('params.operatorShare'),
          key: 'p-operator',
          value: percent(demand.operatorShare),
          min: 0,
          max: 100,
          step: 1,
          unit: t('units.percentUnit'),
          onInput: (v) => v !== undefined && setDemand({ operatorShare: share(v) }, 'p-operator'),
          onCommit: commit,
        }),
      ),
      errorsAt(errors, 'demand.phoneShare'),
      errorsAt(errors, 'demand.operatorShare'),
      h(
        'div',
        { class: 'field-pair' },
        numberField({
          label: t('params.dailyMB'),
          key: 'p-daily',
          value: demand.dailyMB,
          min: 0,
          step: 10,
          unit: t('units.mbUnit'),
          onInput: (v) => v !== undefined && setDemand({ dailyMB: v }, 'p-daily'),
          onCommit: commit,
        }),
        numberField({
          label: t('params.uplinkShare'),
          key: 'p-uplink',
          value: percent(demand.uplinkShare),
          min: 0,
          max: 100,
          step: 1,
          unit: t('units.percentUnit'),
          onInput: (v) => v !== undefined && setDemand({ uplinkShare: share(v) }, 'p-uplink'),
          onCommit: commit,
        }),
      ),
      errorsAt(errors, 'demand.dailyMB'),
      errorsAt(errors, 'demand.uplinkShare'),
      numberField({
        label: t('params.candidateSpacing'),
        key: 'p-spacing',
        value: planning.candidateSpacingMeters,
        min: 10,
        step: 50,
        unit: t('units.mUnit'),
        onInput: (v) => v !== undefined && setPlanning({ candidateSpacingMeters: v }, 'p-spacing'),
        onCommit: commit,
      }),
      errorsAt(errors, 'planning.candidateSpacingMeters'),
      h(
        'div',
        { class: 'field-pair' },
        numberField({
          label: t('params.budget'),
          key: 'p-budget',
          value: planning.budgetUsd,
          min: 0,
          step: 100000,
          unit: t('units.usdUnit'),
          optional: true,
          onInput: (v) => setPlanning({ budgetUsd: v }, 'p-budget'),
          onCommit: commit,
        }),
        numberField({
          label: t('params.maxNewSites'),
          key: 'p-max',
          value: planning.maxNewSites,
          min: 0,
          step: 1,
          unit: t('units.sitesUnit'),
          optional: true,
          onInput: (v) => setPlanning({ maxNewSites: v }, 'p-max'),
          onCommit: commit,
        }),
      ),
      errorsAt(errors, 'planning.budgetUsd'),
      errorsAt(errors, 'planning.maxNewSites'),
    ];
  };
  const render = () => rerender(body, build);
  render();
  store.subscribe((s, p) => {
    const d = s.history.present;
    const q = p.history.present;
    if (d.demand !== q.demand || d.planning !== q.planning || changed(s, p, 'errors')) render();
  });
}
