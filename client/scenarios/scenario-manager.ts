/**
 * The scenario manager: every saved scenario with its revision, last save and latest plan; open, rename,
 * copy, compare, delete; a "deleted" filter to restore; and each scenario's revision history, where an
 * older revision opens read-only, is restored as a new revision, or is compared with the latest.
 */
import type { RevisionSummary, ScenarioSummary } from '../../shared/api/index';
import { getScenario, updateScenario } from '../api';
import { formatInstant, formatNumber, t, type MessageKey } from '../i18n/index';
import { h, replaceChildren } from '../panels/dom';
import { currentDoc, edit, notify, type WorkspaceStore } from '../state/workspace';
import { askText, choose, openDialog, type DialogHandle } from './dialog';
import {
  cloneScenario,
  deleteScenario,
  listRevisions,
  listScenariosFiltered,
  restoreScenario,
} from './scenario-api';
import {
  describeError,
  openRevisionReadOnly,
  openScenario,
  restoreRevision,
  saveWorkspace,
  type WorkspaceHooks,
} from './workspace-actions';

/** One side of a comparison: a scenario and one of its revisions (the latest when omitted). */
export interface SideRef {
  id: string;
  revision?: number;
}

export interface ManagerHooks extends WorkspaceHooks {
  /** Opens the comparison of two scenarios or revisions. */
  compare(a: SideRef, b: SideRef): void;
}

const SOURCE_KEYS: Record<string, MessageKey> = {
  seed: 'history.source.seed',
  create: 'history.source.create',
  update: 'history.source.update',
  clone: 'history.source.clone',
};

function planCell(s: ScenarioSummary): string {
  const p = s.latestPlan;
  if (!p) return t('manager.notPlanned');
  return t('manager.planSummary', {
    revision: String(p.revision),
    sites: formatNumber(p.kpis.newSites),
    capex: t('units.usd', { v: formatNumber(p.kpis.capexUsd) }),
  });
}

type ScenarioRef = Pick<ScenarioSummary, 'id' | 'name' | 'revision'>;

/** Opens the scenario manager dialog (on the list, or on one scenario's revision history). */
export function openScenarioManager(
  store: WorkspaceStore,
  hooks: ManagerHooks,
  options: { historyOf?: ScenarioRef } = {},
): DialogHandle {
  const d = openDialog({ title: t('manager.title'), testId: 'scenario-manager', className: 'wide' });
  let filter: 'exclude' | 'only' = 'exclude';
  const status = h('p', { class: 'muted small', role: 'status', 'aria-live': 'polite' });

  const run = async (fn: () => Promise<unknown>) => {
    status.textContent = t('manager.working');
    try {
      await fn();
      status.textContent = '';
    } catch (e) {
      status.textContent = '';
      notify(store, 'error', t('manager.failed', { reason: describeError(e) }));
    }
  };

  const filterBox = () =>
    h(
      'fieldset',
      { class: 'ap-filter', 'data-testid': 'scenario-filter' },
      h('legend', {}, t('manager.show')),
      ...(['exclude', 'only'] as const).map((value) =>
        h(
          'label',
          {},
          h('input', {
            type: 'radio',
            name: 'scenario-filter',
            value,
            checked: filter === value,
            'data-testid': `filter-${value === 'only' ? 'deleted' : 'active'}`,
            onchange: () => {
              filter = value;
              void showList();
            },
          }),
          value === 'only' ? t('manager.deleted') : t('manager.active'),
        ),
      ),
    );

  const rowActions = (s: ScenarioSummary, isOpen: boolean): HTMLElement[] => {
    const btn = (label: string, key: string, onclick: () => void, kind = '') =>
      h(
        'button',
        {
          type: 'button',
          class: `btn small ${kind}`.trim(),
          'aria-label': `${label}: ${s.name}`,
          'data-testid': `${key}-${s.id}`,
          onclick,
        },
        label,
      );
    if (s.deletedAt) {
      return [
        btn(t('manager.restore'), 'restore', () =>
          run(async () => {
            await restoreScenario(s.id);
            notify(store, 'info', t('manager.restored', { name: s.name }));
            hooks.listChanged();
            await showList();
          }),
        ),
      ];
    }
    return [
      btn(
        t('manager.open'),
        'open',
        () =>
          void (async () => {
            d.close();
            await openScenario(store, hooks, s.id);
          })(),
        'primary',
      ),
      btn(t('manager.rename'), 'rename', () => void rename(s, isOpen)),
      btn(t('manager.clone'), 'clone', () =>
        run(async () => {
          const copy = await cloneScenario(s.id);
          hooks.listChanged();
          notify(store, 'info', t('manager.cloned', { name: s.name, copy: copy.name }));
          d.close();
          await openScenario(store, hooks, copy.id);
        }),
      ),
      btn(t('manager.history'), 'history', () => void showHistory(s)),
      btn(t('manager.compare'), 'compare', () => {
        const open = store.get().saved;
        d.close();
        hooks.compare(open && open.id !== s.id ? { id: open.id } : { id: s.id }, { id: s.id });
      }),
      btn(t('manager.delete'), 'delete', () => void remove(s, isOpen), 'danger'),
    ];
  };

  const rename = async (s: ScenarioSummary, isOpen: boolean) => {
    const name = await askText({
      title: t('manager.renameTitle'),
      label: t('scenario.name'),
      value: isOpen ? currentDoc(store.get()).name : s.name,
      okLabel: t('manager.rename'),
      testId: 'rename-dialog',
    });
    if (!name) return;
    await run(async () => {
      if (isOpen && !store.get().readOnly) {
        // The open scenario: rename the document under edit and save it (with its other changes).
        edit(store, (doc) => ({ ...doc, name }));
        await saveWorkspace(store, hooks);
      } else {
        const latest = await getScenario(s.id);
        await updateScenario(s.id, latest.revision, { ...latest.scenario, name });
        notify(store, 'info', t('manager.renamed', { name }));
      }
      hooks.listChanged();
      await showList();
    });
  };

  const remove = async (s: ScenarioSummary, isOpen: boolean) => {
    const ok = await choose<boolean>({
      title: t('manager.deleteTitle'),
      testId: 'delete-dialog',
      message: h('p', {}, t('manager.deleteMessage', { name: s.name })),
      choices: [
        { label: t('common.cancel'), value: false, testId: 'delete-cancel' },
        { label: t('manager.delete'), value: true, kind: 'danger', testId: 'delete-confirm' },
      ],
    });
    if (!ok) return;
    await run(async () => {
      await deleteScenario(s.id);
      if (isOpen) {
        // The workspace keeps the document, now as an unsaved local copy (Save creates a new scenario).
        store.set({ saved: null, savedDoc: null, readOnly: null });
        notify(store, 'info', t('manager.deletedOpen', { name: s.name }));
      } else {
        notify(store, 'info', t('manager.deletedDone', { name: s.name }));
      }
      hooks.listChanged();
      await showList();
    });
  };

  const showList = async () => {
    d.dialog.querySelector('h2')!.textContent = t('manager.title');
    replaceChildren(d.body, filterBox(), status, h('p', { class: 'muted' }, t('manager.loading')));
    replaceChildren(d.footer);
    let list: ScenarioSummary[];
    try {
      list = await listScenariosFiltered(filter);
    } catch (e) {
      replaceChildren(d.body, filterBox(), h('p', { class: 'error-text' }, describeError(e)));
      return;
    }
    const openId = store.get().saved?.id;
    const table =
      list.length === 0
        ? h(
            'p',
            { class: 'muted', 'data-testid': 'scenario-list-empty' },
            filter === 'only' ? t('manager.noneDeleted') : t('manager.none'),
          )
        : h(
            'table',
            { class: 'ap-table', 'data-testid': 'scenario-list' },
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                h('th', { scope: 'col' }, t('scenario.name')),
                h('th', { scope: 'col', class: 'n' }, t('manager.revision')),
                h('th', { scope: 'col' }, filter === 'only' ? t('manager.deletedAt') : t('manager.updated')),
                h('th', { scope: 'col' }, t('manager.latestPlan')),
                h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, t('manager.actions'))),
              ),
            ),
            h(
              'tbody',
              {},
              ...list.map((s) => {
                const isOpen = s.id === openId;
                return h(
                  'tr',
                  { 'data-testid': `scenario-row-${s.id}`, class: isOpen ? 'current' : '' },
                  h(
                    'th',
                    { scope: 'row' },
                    s.name,
                    isOpen ? h('span', { class: 'badge' }, t('manager.openNow')) : null,
                  ),
                  h('td', { class: 'n' }, formatNumber(s.revision)),
                  h('td', {}, formatInstant(s.deletedAt ?? s.updatedAt)),
                  h('td', {}, planCell(s)),
                  h('td', { class: 'actions' }, ...rowActions(s, isOpen)),
                );
              }),
            ),
          );
    replaceChildren(d.body, filterBox(), status, table);
  };

  const showHistory = async (s: ScenarioRef) => {
    d.dialog.querySelector('h2')!.textContent = t('history.title', { name: s.name });
    const back = h(
      'button',
      { type: 'button', class: 'btn small', 'data-testid': 'history-back', onclick: () => void showList() },
      t('history.back'),
    );
    replaceChildren(d.body, back, status, h('p', { class: 'muted' }, t('manager.loading')));
    let revisions: RevisionSummary[];
    try {
      revisions = await listRevisions(s.id);
    } catch (e) {
      replaceChildren(d.body, back, h('p', { class: 'error-text' }, describeError(e)));
      return;
    }
    const latest = revisions[0]?.revision ?? s.revision;
    const open = store.get();
    const rows = revisions.map((r) => {
      const isLatest = r.revision === latest;
      const isShown = open.saved?.id === s.id && open.saved.revision === r.revision;
      const btn = (label: string, key: string, onclick: () => void, kind = '') =>
        h(
          'button',
          {
            type: 'button',
            class: `btn small ${kind}`.trim(),
            'aria-label': `${label}: ${t('scenario.revision', { revision: String(r.revision) })}`,
            'data-testid': `${key}-r${r.revision}`,
            onclick,
          },
          label,
        );
      return h(
        'tr',
        { 'data-testid': `revision-row-${r.revision}`, class: isShown ? 'current' : '' },
        h(
          'th',
          { scope: 'row', class: 'n' },
          formatNumber(r.revision),
          isLatest ? h('span', { class: 'badge' }, t('history.latest')) : null,
        ),
        h('td', {}, formatInstant(r.createdAt)),
        h('td', {}, SOURCE_KEYS[r.source] ? t(SOURCE_KEYS[r.source]) : r.source),
        h('td', {}, r.name),
        h('td', {}, r.planned ? t('history.planned') : '—'),
        h(
          'td',
          { class: 'actions' },
          isLatest
            ? btn(
                t('manager.open'),
                'rev-open',
                () => {
                  d.close();
                  void openScenario(store, hooks, s.id);
                },
                'primary',
              )
            : btn(t('history.view'), 'rev-view', () => {
                d.close();
                void openRevisionReadOnly(store, hooks, s.id, r.revision, latest);
              }),
          isLatest
            ? null
            : btn(t('history.restore'), 'rev-restore', () => {
                d.close();
                void restoreRevision(store, hooks, s.id, r.revision);
              }),
          isLatest
            ? null
            : btn(t('history.compareLatest'), 'rev-compare', () => {
                d.close();
                hooks.compare({ id: s.id, revision: r.revision }, { id: s.id, revision: latest });
              }),
        ),
      );
    });
    replaceChildren(
      d.body,
      back,
      status,
      h('p', { class: 'muted small' }, t('history.explain')),
      h(
        'table',
        { class: 'ap-table', 'data-testid': 'revision-list' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col', class: 'n' }, t('manager.revision')),
            h('th', { scope: 'col' }, t('history.savedAt')),
            h('th', { scope: 'col' }, t('history.source')),
            h('th', { scope: 'col' }, t('scenario.name')),
            h('th', { scope: 'col' }, t('history.plan')),
            h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, t('manager.actions'))),
          ),
        ),
        h('tbody', {}, ...rows),
      ),
    );
    back.focus();
  };

  if (options.historyOf) void showHistory(options.historyOf);
  else void showList();
  return d;
}
