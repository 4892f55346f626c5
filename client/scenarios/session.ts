/**
 * Carrying the workspace over a page reload the app itself asks for (switching the language rebuilds
 * every panel and the map's labels): the document under edit with its unsaved changes, the saved
 * revision it started from, a read-only view, the hour, the selection and the camera go to
 * sessionStorage just before the reload and come back right after it. The unsaved-changes warning
 * (`beforeunload`) stays quiet for such a reload, and only for it.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { ScenarioDoc } from '../state/scenario-edits';
import {
  currentDoc,
  edit,
  isDirty,
  loadScenario,
  setStep,
  type ReadOnlyRef,
  type SavedRef,
  type WorkspaceState,
  type WorkspaceStore,
} from '../state/workspace';

const KEY = 'arbaeen-planner.session';

interface Stash {
  /** The document as last saved or loaded (null: never saved). */
  savedDoc: ScenarioDoc | null;
  /** The document under edit when it differs from `savedDoc`. */
  doc: ScenarioDoc | null;
  saved: SavedRef | null;
  readOnly: ReadOnlyRef | null;
  step: number;
  selectedRouteId: string | null;
  metric: WorkspaceState['metric'];
  layers: WorkspaceState['layers'];
  camera: { center: [number, number]; zoom: number; bearing: number; pitch: number } | null;
}

let reloading = false;

/** Saves the workspace for the reload that follows and reloads the page. */
export function reloadKeepingWorkspace(store: WorkspaceStore, map: MapLibreMap | null): void {
  const s = store.get();
  const dirty = isDirty(s);
  const c = map?.getCenter();
  const stash: Stash = {
    savedDoc: s.savedDoc,
    doc: dirty ? currentDoc(s) : null,
    saved: s.saved,
    readOnly: s.readOnly,
    step: s.step,
    selectedRouteId: s.selectedRouteId,
    metric: s.metric,
    layers: s.layers,
    camera:
      map && c
        ? { center: [c.lng, c.lat], zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() }
        : null,
  };
  try {
    sessionStorage.setItem(KEY, JSON.stringify(stash));
  } catch {
    // Too large or refused: the unsaved-changes warning below then still protects the work.
    reloading = false;
    location.reload();
    return;
  }
  reloading = true;
  location.reload();
}

/** The stash of the reload that just happened, once (it is removed on reading). */
export function takeStash(): Stash | null {
  try {
    const text = sessionStorage.getItem(KEY);
    sessionStorage.removeItem(KEY);
    return text ? (JSON.parse(text) as Stash) : null;
  } catch {
    return null;
  }
}

/**
 * Puts a stash back into a freshly created workspace: the saved revision, the unsaved changes on top
 * (as one undo step, still marked unsaved), read-only, selection and view settings; the hour is set
 * once the crowd model is there (the first model otherwise opens at the busiest hour).
 */
export function applyStash(store: WorkspaceStore, stash: Stash): void {
  const base = stash.savedDoc ?? stash.doc;
  if (!base) return;
  loadScenario(store, base, stash.saved);
  if (!stash.savedDoc) store.set({ savedDoc: null });
  else if (stash.doc) {
    const doc = stash.doc;
    edit(store, () => doc);
  }
  store.set({
    readOnly: stash.readOnly,
    selectedRouteId: stash.selectedRouteId,
    metric: stash.metric,
    layers: stash.layers,
  });
  const off = store.subscribe((s) => {
    if (!s.timeModel) return;
    off();
    queueMicrotask(() => setStep(store, stash.step));
  });
}

/** Moves the camera back to where it was before the reload (call after the app framed the routes). */
export function applyStashedCamera(stash: Stash | null, map: MapLibreMap): void {
  if (stash?.camera) map.jumpTo(stash.camera);
}

/**
 * Warns before the page is left with unsaved changes (closing the tab, reloading, following a link),
 * except for the app's own reload that carries the workspace over.
 */
export function installUnloadGuard(store: WorkspaceStore): void {
  window.addEventListener('beforeunload', (e) => {
    if (reloading) return;
    if (isDirty(store.get())) {
      e.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      e.returnValue = '';
    }
  });
}

export type { Stash as WorkspaceStash };
