/**
 * Plan and Save: a plan is computed by the server for a stored revision, so planning first saves the
 * document (a new revision, refused on a stale revision), then starts the job, follows its progress
 * over server-sent events, fetches the stored plan and lays it onto the time model.
 */
import { ApiError, createScenario, followPlanJob, getPlanResult, startPlan, updateScenario } from '../api';
import { t } from '../i18n/index';
import { buildPlanView } from './plan-view';
import { currentDoc, isDirty, notify, type SavedRef, type WorkspaceStore } from './workspace';

function describe(e: unknown): string {
  if (e instanceof ApiError) {
    const where =
      e.details.length > 0
        ? e.details.map((d) => `${d.path}: ${d.message}`).join('; ')
        : e.path
          ? `${e.path}: ${e.message}`
          : e.message;
    return where;
  }
  return e instanceof Error ? e.message : String(e);
}

/**
 * Saves the document as a new revision (or creates the scenario). Returns the saved reference, or null
 * after telling the user why not (409: someone else saved first; 422: field errors).
 */
export async function saveScenario(store: WorkspaceStore): Promise<SavedRef | null> {
  const state = store.get();
  const doc = currentDoc(state);
  if (state.errors.length > 0) {
    notify(store, 'error', t('plan.invalid'));
    return null;
  }
  if (state.saved && !isDirty(state)) return state.saved;
  try {
    const saved = state.saved
      ? await updateScenario(state.saved.id, state.saved.revision, doc)
      : await createScenario(doc);
    const ref = { id: saved.id, revision: saved.revision };
    store.set({ saved: ref, savedDoc: doc });
    notify(store, 'info', t('scenario.saved', { revision: String(saved.revision) }));
    return ref;
  } catch (e) {
    if (e instanceof ApiError && e.status === 409) {
      notify(store, 'error', t('scenario.conflict', { revision: String(e.currentRevision ?? '?') }));
    } else {
      notify(store, 'error', t('scenario.saveFailed', { reason: describe(e) }));
    }
    return null;
  }
}

/** Saves if needed, plans the revision on the server with live progress, and shows the result. */
export async function runPlan(store: WorkspaceStore): Promise<boolean> {
  if (store.get().planStatus.kind === 'running') return false;
  const doc = currentDoc(store.get());
  store.set({ planStatus: { kind: 'running', progress: 0, stage: 'saving' } });
  const ref = await saveScenario(store);
  if (!ref) {
    store.set({ planStatus: { kind: 'idle' } });
    return false;
  }
  const t0 = performance.now();
  try {
    const job = await startPlan(ref.id, ref.revision);
    store.set({ planStatus: { kind: 'running', progress: job.fraction, stage: job.stage ?? 'queued' } });
    await followPlanJob(job, (stage, fraction) =>
      store.set({ planStatus: { kind: 'running', progress: fraction, stage } }),
    );
    store.set({ planStatus: { kind: 'running', progress: 1, stage: 'loading' } });
    const result = await getPlanResult(ref.id, ref.revision);
    const model = store.get().timeModel;
    const plan = model ? buildPlanView(result, model) : null;
    store.set({
      plan,
      planResult: result,
      planDoc: doc,
      planStatus: { kind: 'done', ms: result.kpis.computeMs ?? performance.now() - t0 },
    });
    return true;
  } catch (e) {
    const message = describe(e);
    store.set({ planStatus: { kind: 'error', message } });
    notify(store, 'error', t('plan.failed', { reason: message }));
    return false;
  }
}
