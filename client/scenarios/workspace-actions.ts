/**
 * What the scenario manager does to the workspace: open a scenario (asking first when there are unsaved
 * changes), save revision-aware (a 409 opens the conflict dialog: keep mine as a copy, or load theirs),
 * open an older revision read-only, restore it as a new revision, and show a revision's stored plan.
 */
import { ApiError, createScenario, getPlanResult, getScenario, updateScenario } from '../api';
import { formatInstant, t } from '../i18n/index';
import { h } from '../panels/dom';
import { buildPlanView } from '../state/plan-view';
import type { ScenarioDoc } from '../state/scenario-edits';
import {
  currentDoc,
  edit,
  isDirty,
  loadScenario,
  notify,
  type SavedRef,
  type WorkspaceStore,
} from '../state/workspace';
import { choose } from './dialog';
import { cloneScenario, getRevision } from './scenario-api';
import { downloadText } from '../exports/download';
import { exportFileName } from '../exports/file-name';

/** What the actions need from the app around them. */
export interface WorkspaceHooks {
  /** Frames the routes of the document now open. */
  fit(): void;
  /** The list of scenarios may have changed (a copy, a deletion, a restore). */
  listChanged(): void;
}

/** A readable reason for a failed request. */
export function describeError(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.details.length > 0) return e.details.map((d) => `${d.path}: ${d.message}`).join('; ');
    return e.path ? `${e.path}: ${e.message}` : e.message;
  }
  return e instanceof Error ? e.message : String(e);
}

/** Keeps `?scenario=<id>` in the address, so a reload opens the same scenario. */
function rememberInUrl(id: string | null): void {
  const url = new URL(location.href);
  if (id) url.searchParams.set('scenario', id);
  else url.searchParams.delete('scenario');
  history.replaceState(history.state, '', url);
}

/** Offers to download the document under edit as a scenario file (nothing else keeps unsaved work). */
export function downloadDoc(store: WorkspaceStore): void {
  const s = store.get();
  const doc = currentDoc(s);
  downloadText(
    JSON.stringify(doc, null, 2),
    exportFileName(doc.name, s.saved?.revision ?? null, 'json'),
    'application/json',
  );
}

/**
 * When the document has unsaved changes, asks whether to save them, discard them or stay. Resolves true
 * when the caller may go on (saved or discarded), false to stay.
 */
export async function confirmLeave(store: WorkspaceStore, hooks: WorkspaceHooks): Promise<boolean> {
  if (!isDirty(store.get())) return true;
  const name = currentDoc(store.get()).name;
  const answer = await choose<'save' | 'discard' | 'download' | 'stay'>({
    title: t('unsaved.title'),
    testId: 'unsaved-dialog',
    message: h('p', {}, t('unsaved.message', { name })),
    choices: [
      { label: t('unsaved.save'), value: 'save', kind: 'primary', testId: 'unsaved-save' },
      { label: t('unsaved.download'), value: 'download', testId: 'unsaved-download' },
      { label: t('unsaved.discard'), value: 'discard', kind: 'danger', testId: 'unsaved-discard' },
      { label: t('unsaved.stay'), value: 'stay', testId: 'unsaved-stay' },
    ],
  });
  if (answer === 'discard') return true;
  if (answer === 'download') {
    downloadDoc(store);
    return confirmLeave(store, hooks);
  }
  if (answer === 'save') return (await saveWorkspace(store, hooks)) !== null;
  return false;
}

/** Shows the stored plan of the open revision, if there is one (nothing to plan for a reviewer). */
export async function showStoredPlan(store: WorkspaceStore): Promise<void> {
  const saved = store.get().saved;
  if (!saved) return;
  const doc = currentDoc(store.get());
  try {
    const result = await getPlanResult(saved.id, saved.revision);
    if (store.get().saved !== saved) return;
    const model = store.get().timeModel;
    store.set({
      planResult: result,
      planDoc: doc,
      plan: model ? buildPlanView(result, model) : null,
      planStatus: { kind: 'done', ms: result.kpis.computeMs },
    });
  } catch {
    // Not planned: the Plan button computes it.
  }
}

/** Opens the latest revision of a scenario for editing (after asking about unsaved changes). */
export async function openScenario(
  store: WorkspaceStore,
  hooks: WorkspaceHooks,
  id: string,
  options: { skipConfirm?: boolean } = {},
): Promise<boolean> {
  if (!options.skipConfirm && !(await confirmLeave(store, hooks))) return false;
  return loadIntoWorkspace(store, hooks, id, () => getScenario(id));
}

/**
 * Loads a fetched revision into the workspace (read-only when `readOnly` is given), fits the map and shows
 * its stored plan; a failure is reported and leaves the workspace as it was.
 */
async function loadIntoWorkspace(
  store: WorkspaceStore,
  hooks: WorkspaceHooks,
  id: string,
  fetchRevision: () => Promise<{ scenario: unknown; revision: number }>,
  readOnly?: { revision: number; latestRevision: number },
): Promise<boolean> {
  try {
    const doc = await fetchRevision();
    loadScenario(store, doc.scenario as ScenarioDoc, { id, revision: doc.revision });
    if (readOnly) store.set({ readOnly });
    rememberInUrl(id);
    hooks.fit();
    void showStoredPlan(store);
    return true;
  } catch (e) {
    notify(store, 'error', t('app.loadFailed', { reason: describeError(e) }));
    return false;
  }
}

/** Opens an older revision read-only: the map, charts and plan of that revision; editing disabled. */
export async function openRevisionReadOnly(
  store: WorkspaceStore,
  hooks: WorkspaceHooks,
  id: string,
  revision: number,
  latestRevision: number,
): Promise<boolean> {
  if (revision === latestRevision) return openScenario(store, hooks, id);
  if (!(await confirmLeave(store, hooks))) return false;
  return loadIntoWorkspace(store, hooks, id, () => getRevision(id, revision), { revision, latestRevision });
}

/**
 * Restores an older revision: saves its content as a new revision on top of the latest (nothing is
 * overwritten; the revisions in between stay in the history) and opens it for editing.
 */
export async function restoreRevision(
  store: WorkspaceStore,
  hooks: WorkspaceHooks,
  id: string,
  revision: number,
): Promise<boolean> {
  const s = store.get();
  const viewingIt = s.saved?.id === id && s.readOnly?.revision === revision;
  if (!viewingIt && !(await confirmLeave(store, hooks))) return false;
  try {
    const [old, latest] = await Promise.all([getRevision(id, revision), getScenario(id)]);
    const saved = await updateScenario(id, latest.revision, old.scenario as ScenarioDoc);
    loadScenario(store, saved.scenario as ScenarioDoc, { id: saved.id, revision: saved.revision });
    rememberInUrl(saved.id);
    hooks.fit();
    hooks.listChanged();
    notify(
      store,
      'info',
      t('history.restored', { revision: String(revision), newRevision: String(saved.revision) }),
    );
    void showStoredPlan(store);
    return true;
  } catch (e) {
    notify(store, 'error', t('scenario.saveFailed', { reason: describeError(e) }));
    return false;
  }
}

/** Name of the copy that keeps "my" version after a conflict. */
export function conflictCopyName(name: string): string {
  return t('conflict.copyName', { name }).slice(0, 200);
}

/**
 * Saves the document as a new revision (or creates the scenario). On a stale revision (409) the
 * conflict dialog decides; nothing is saved over the other version and nothing is dropped silently.
 * Returns the saved reference, or null when nothing was saved.
 */
export async function saveWorkspace(store: WorkspaceStore, hooks: WorkspaceHooks): Promise<SavedRef | null> {
  const state = store.get();
  if (state.readOnly) {
    notify(store, 'error', t('readOnly.cannotSave'));
    return null;
  }
  if (state.errors.length > 0) {
    notify(store, 'error', t('plan.invalid'));
    return null;
  }
  if (state.saved && !isDirty(state)) return state.saved;
  const doc = currentDoc(state);
  try {
    const saved = state.saved
      ? await updateScenario(state.saved.id, state.saved.revision, doc)
      : await createScenario(doc);
    const ref = { id: saved.id, revision: saved.revision };
    store.set({ saved: ref, savedDoc: doc });
    rememberInUrl(saved.id);
    notify(store, 'info', t('scenario.saved', { revision: String(saved.revision) }));
    return ref;
  } catch (e) {
    if (e instanceof ApiError && e.status === 409 && state.saved) {
      return resolveConflict(store, hooks, state.saved, e.currentRevision);
    }
    notify(store, 'error', t('scenario.saveFailed', { reason: describeError(e) }));
    return null;
  }
}

/** The conflict dialog: someone saved the scenario after the revision this edit started from. */
async function resolveConflict(
  store: WorkspaceStore,
  hooks: WorkspaceHooks,
  base: SavedRef,
  theirRevision: number | null,
): Promise<SavedRef | null> {
  let theirs: { revision: number; updatedAt: string; name: string } | null = null;
  try {
    const latest = await getScenario(base.id);
    theirs = { revision: latest.revision, updatedAt: latest.updatedAt, name: latest.name };
  } catch {
    theirs = null;
  }
  const mine = currentDoc(store.get());
  const copyName = conflictCopyName(mine.name);
  const revision = String(theirs?.revision ?? theirRevision ?? '?');
  for (;;) {
    const answer = await choose<'copy' | 'reload' | 'download' | 'keep'>({
      title: t('conflict.title'),
      testId: 'conflict-dialog',
      className: 'conflict',
      message: [
        h(
          'p',
          {},
          t('conflict.message', {
            name: theirs?.name ?? mine.name,
            theirRevision: revision,
            myRevision: String(base.revision),
            when: theirs ? formatInstant(theirs.updatedAt) : '—',
          }),
        ),
        h('p', { class: 'muted' }, t('conflict.nothingLost')),
      ],
      choices: [
        {
          label: t('conflict.saveCopy'),
          hint: t('conflict.saveCopyHint', { copy: copyName }),
          value: 'copy',
          kind: 'primary',
          testId: 'conflict-copy',
        },
        {
          label: t('conflict.reload'),
          hint: t('conflict.reloadHint', { revision }),
          value: 'reload',
          testId: 'conflict-reload',
        },
        {
          label: t('conflict.download'),
          hint: t('conflict.downloadHint'),
          value: 'download',
          testId: 'conflict-download',
        },
        {
          label: t('conflict.keepEditing'),
          hint: t('conflict.keepEditingHint'),
          value: 'keep',
          testId: 'conflict-keep',
        },
      ],
    });
    if (answer === 'download') {
      downloadDoc(store);
      continue;
    }
    if (answer === 'reload') {
      const ok = await openScenario(store, hooks, base.id, { skipConfirm: true });
      if (ok)
        notify(store, 'info', t('conflict.reloaded', { revision: String(store.get().saved?.revision) }));
      return null;
    }
    if (answer === 'copy') return saveAsCopy(store, hooks, base, copyName);
    notify(store, 'info', t('conflict.kept'));
    return null;
  }
}

/** Clones the revision the edit started from and saves the document under edit on top of the copy. */
async function saveAsCopy(
  store: WorkspaceStore,
  hooks: WorkspaceHooks,
  base: SavedRef,
  copyName: string,
): Promise<SavedRef | null> {
  try {
    edit(store, (d) => ({ ...d, name: copyName }));
    const doc = currentDoc(store.get());
    const copy = await cloneScenario(base.id, { revision: base.revision, name: copyName });
    const saved = await updateScenario(copy.id, copy.revision, doc);
    const ref = { id: saved.id, revision: saved.revision };
    store.set({ saved: ref, savedDoc: doc });
    rememberInUrl(saved.id);
    hooks.listChanged();
    notify(store, 'info', t('conflict.savedCopy', { copy: copyName, revision: String(saved.revision) }));
    return ref;
  } catch (e) {
    notify(store, 'error', t('scenario.saveFailed', { reason: describeError(e) }));
    return null;
  }
}
