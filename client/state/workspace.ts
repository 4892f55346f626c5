/**
 * The workspace state: the scenario document under edit with its undo history and validation, the view
 * state (selection, visibility, tool, time step, metric) and the plan. Edits go through `edit`, which
 * records history and re-validates; view changes go through `store.set` and are not undoable.
 */
import type { FieldError, Scenario } from '../../shared/index';
import type { LayerGroup, SegmentMetric } from '../map/layers/index';
import {
  canRedo,
  canUndo,
  createHistory,
  pushHistory,
  redo,
  sealHistory,
  undo,
  type History,
} from './history';
import type { ScenarioDoc } from './scenario-edits';
import { createStore, type Store } from './store';
import type { TimeModel } from './time-model';
import { validateDoc } from './validation';
import type { PlanView } from './plan-view';
import type { PlanResultResponse } from '../../shared/api/index';

/** What a click on the map does. */
export type Tool = 'browse' | 'draw' | 'edit-line' | 'add-join';

export type PlanStatus =
  | { kind: 'idle' }
  | { kind: 'running'; progress: number; stage: string }
  | { kind: 'done'; ms: number }
  | { kind: 'error'; message: string };

export interface Notice {
  kind: 'error' | 'info';
  text: string;
  /** Increments with every notice, so showing the same text twice still re-renders. */
  seq: number;
}

/** Where the scenario lives on the server, if it was loaded from or saved to it. */
export interface SavedRef {
  id: string;
  revision: number;
}

/** An older revision opened for reading (client/scenarios): edits are refused while it is shown. */
export interface ReadOnlyRef {
  revision: number;
  latestRevision: number;
}

export interface WorkspaceState {
  history: History<ScenarioDoc>;
  /** Errors of the present document (empty when it is valid). */
  errors: FieldError[];
  /** The last valid scenario: what the map, the slider and the plan use. */
  scenario: Scenario | null;
  saved: SavedRef | null;
  /** The document as last saved or loaded, to tell unsaved changes. */
  savedDoc: ScenarioDoc | null;
  hiddenRoutes: readonly string[];
  selectedRouteId: string | null;
  selectedSiteId: string | null;
  tool: Tool;
  layers: Readonly<Record<LayerGroup, boolean>>;
  metric: SegmentMetric;
  step: number;
  playing: boolean;
  /** Playback speed, time steps per second. */
  stepsPerSecond: number;
  timeModel: TimeModel | null;
  timeModelBusy: boolean;
  plan: PlanView | null;
  /** The server's plan as received, to lay onto a recomputed time model. */
  planResult: PlanResultResponse | null;
  /** The document the plan was computed from (to tell a stale plan). */
  planDoc: ScenarioDoc | null;
  planStatus: PlanStatus;
  notice: Notice | null;
  /** Set while an older revision is open read-only; `edit` and `importRoutes` then change nothing. */
  readOnly: ReadOnlyRef | null;
}

export const DEFAULT_LAYERS: Readonly<Record<LayerGroup, boolean>> = {
  segments: true,
  sites: true,
  coverage: true,
  unserved: true,
  hotspots: true,
  joins: true,
  routes: true,
};

export function initialState(doc: ScenarioDoc, saved: SavedRef | null = null): WorkspaceState {
  const v = validateDoc(doc);
  return {
    history: createHistory(doc),
    errors: v.errors,
    scenario: v.scenario,
    saved,
    savedDoc: doc,
    hiddenRoutes: [],
    selectedRouteId: null,
    selectedSiteId: null,
    tool: 'browse',
    layers: DEFAULT_LAYERS,
    metric: 'persons',
    step: 0,
    playing: false,
    stepsPerSecond: 8,
    timeModel: null,
    timeModelBusy: false,
    plan: null,
    planResult: null,
    planDoc: null,
    planStatus: { kind: 'idle' },
    notice: null,
    readOnly: null,
  };
}

export type WorkspaceStore = Store<WorkspaceState>;

export function createWorkspace(doc: ScenarioDoc, saved: SavedRef | null = null): WorkspaceStore {
  return createStore(initialState(doc, saved));
}

/** The document under edit. */
export function currentDoc(state: WorkspaceState): ScenarioDoc {
  return state.history.present;
}

/** A history change applied to the state: re-validates and keeps the last valid scenario. */
function withHistory(state: WorkspaceState, history: History<ScenarioDoc>): Partial<WorkspaceState> {
  if (history === state.history) return {};
  if (history.present === state.history.present) return { history };
  const v = validateDoc(history.present);
  const selectedRouteId =
    state.selectedRouteId && history.present.routes.some((r) => r.id === state.selectedRouteId)
      ? state.selectedRouteId
      : null;
  return {
    history,
    errors: v.errors,
    scenario: v.scenario ?? state.scenario,
    selectedRouteId,
  };
}

/**
 * Applies a pure edit to the document as one undo step (or merged into the previous step when
 * `coalesceKey` repeats: a drag, typing in one field). Returns the validation errors of the result.
 */
export function edit(
  store: WorkspaceStore,
  fn: (doc: ScenarioDoc) => ScenarioDoc,
  coalesceKey: string | null = null,
): FieldError[] {
  const state = store.get();
  if (state.readOnly) return state.errors;
  const next = fn(state.history.present);
  store.set(withHistory(state, pushHistory(state.history, next, coalesceKey)));
  return store.get().errors;
}

/** Ends a coalescing run (pointer up, field blur). */
export function sealEdits(store: WorkspaceStore): void {
  const state = store.get();
  store.set({ history: sealHistory(state.history) });
}

export function undoEdit(store: WorkspaceStore): boolean {
  const state = store.get();
  if (!canUndo(state.history)) return false;
  store.set(withHistory(state, undo(state.history)));
  return true;
}

export function redoEdit(store: WorkspaceStore): boolean {
  const state = store.get();
  if (!canRedo(state.history)) return false;
  store.set(withHistory(state, redo(state.history)));
  return true;
}

/** Replaces the whole workspace with another scenario (load, reload): history starts afresh. */
export function loadScenario(store: WorkspaceStore, doc: ScenarioDoc, saved: SavedRef | null): void {
  const prev = store.get();
  store.set({
    ...initialState(doc, saved),
    layers: prev.layers,
    metric: prev.metric,
    stepsPerSecond: prev.stepsPerSecond,
    notice: prev.notice,
  });
}

/** True when the document differs from the last saved or loaded one. */
export function isDirty(state: WorkspaceState): boolean {
  return state.history.present !== state.savedDoc;
}

/** True when a plan exists but the scenario changed after it was computed. */
export function isPlanStale(state: WorkspaceState): boolean {
  return state.plan !== null && state.planDoc !== state.history.present;
}

let noticeSeq = 0;

/** Shows a message in the notice bar. */
export function notify(store: WorkspaceStore, kind: Notice['kind'], text: string): void {
  store.set({ notice: { kind, text, seq: ++noticeSeq } });
}

export function toggleRoute(store: WorkspaceStore, routeId: string, visible: boolean): void {
  const hidden = store.get().hiddenRoutes.filter((id) => id !== routeId);
  store.set({ hiddenRoutes: visible ? hidden : [...hidden, routeId] });
}

export function setLayerVisible(store: WorkspaceStore, group: LayerGroup, visible: boolean): void {
  store.set({ layers: { ...store.get().layers, [group]: visible } });
}

/** Moves the time slider, clamped to the horizon. */
export function setStep(store: WorkspaceStore, step: number): void {
  const count = store.get().timeModel?.grid.stepCount ?? 1;
  store.set({ step: Math.max(0, Math.min(count - 1, Math.round(step))) });
}

export { canUndo, canRedo };

/** Result of an import: the ids added, or the field errors the new items would have. */
/** An import's outcome; a refusal's errors name the new items by their index from `firstNew` on. */
export type ImportOutcome =
  { ok: true; added: string[] } | { ok: false; errors: FieldError[]; firstNew: number };

/**
 * Adds imported items (routes or existing sites) in one undo step, or changes nothing and returns the
 * field errors the new items would have (an unusable file must not leave half an import behind).
 */
function importInto(
  store: WorkspaceStore,
  list: 'routes' | 'existingSites',
  make: (doc: ScenarioDoc) => ScenarioDoc,
): ImportOutcome {
  const state = store.get();
  const before = state.history.present;
  const firstNew = (before[list] ?? []).length;
  if (state.readOnly) {
    return { ok: false, errors: [{ path: 'readOnly', message: 'read-only revision' }], firstNew };
  }
  const next = make(before);
  const v = validateDoc(next);
  const item = new RegExp(`^${list}\\[(\\d+)\\]`);
  const newErrors = v.errors.filter((e) => {
    const m = item.exec(e.path);
    return m !== null && Number(m[1]) >= firstNew;
  });
  if (newErrors.length > 0) return { ok: false, errors: newErrors, firstNew };
  store.set(withHistory(state, pushHistory(state.history, next)));
  return { ok: true, added: (next[list] ?? []).slice(firstNew).map((r) => r.id) };
}

/** Adds imported lines as new routes (see `importInto`). */
export function importRoutes(store: WorkspaceStore, make: (doc: ScenarioDoc) => ScenarioDoc): ImportOutcome {
  return importInto(store, 'routes', make);
}

/** Adds imported existing sites (see `importInto`). */
export function importExistingSites(
  store: WorkspaceStore,
  make: (doc: ScenarioDoc) => ScenarioDoc,
): ImportOutcome {
  return importInto(store, 'existingSites', make);
}
