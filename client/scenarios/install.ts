/**
 * Wires the scenario management, comparison, exports and language switching into the workspace: the
 * top-bar tools, the read-only banner, the unsaved-changes guard, and the actions the workspace panels
 * call (open, save, plan). main.ts calls `installScenarioTools` once.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { openCompare } from '../compare/compare-view';
import { openExportDialog } from '../exports/export-dialog';
import { rememberLocale, type LocaleId } from '../i18n/index';
import { runPlan } from '../state/plan-runner';
import { currentDoc, type WorkspaceStore } from '../state/workspace';
import { mountReadOnly } from './read-only';
import { openScenarioManager, type ManagerHooks } from './scenario-manager';
import { installUnloadGuard, reloadKeepingWorkspace } from './session';
import { mountToolbar } from './toolbar';
import { openScenario, saveWorkspace } from './workspace-actions';

export interface ScenarioToolsContext {
  store: WorkspaceStore;
  map: MapLibreMap;
  /** Frames the open document's routes. */
  fit(): void;
  /** Reloads the scenario list of the scenario panel. */
  refreshList(): void;
  /** The app's root element and the places the tools go. */
  app: HTMLElement;
  topBar: HTMLElement;
  mapArea: HTMLElement;
  scenarioBox: HTMLElement;
}

export interface ScenarioTools {
  /** Opens a scenario (asks first about unsaved changes; keeps the list in step when cancelled). */
  open(id: string): Promise<boolean>;
  /** Saves (revision-aware, with the conflict dialog). */
  save(): Promise<void>;
  /** Saves when needed, then plans the open revision. */
  plan(): Promise<void>;
}

export function installScenarioTools(ctx: ScenarioToolsContext): ScenarioTools {
  const { store } = ctx;
  const hooks: ManagerHooks = {
    fit: ctx.fit,
    listChanged: ctx.refreshList,
    compare: (a, b) => openCompare({ a, b }, store.get().saved),
  };
  const plan = async () => {
    if (!store.get().readOnly && !(await saveWorkspace(store, hooks))) return;
    await runPlan(store);
  };
  mountToolbar(ctx.topBar, store, {
    scenarios: () => openScenarioManager(store, hooks),
    history: () => {
      const saved = store.get().saved;
      if (saved)
        openScenarioManager(store, hooks, {
          historyOf: { id: saved.id, name: currentDoc(store.get()).name, revision: saved.revision },
        });
    },
    compare: () => {
      const saved = store.get().saved;
      openCompare(saved ? { a: { id: saved.id, revision: saved.revision } } : {}, saved);
    },
    exports: () => openExportDialog(store, { map: ctx.map, plan: () => void plan() }),
    language: (id: LocaleId) => {
      rememberLocale(id);
      reloadKeepingWorkspace(store, ctx.map);
    },
  });
  mountReadOnly(store, hooks, {
    app: ctx.app,
    bannerHost: ctx.mapArea,
    scenarioBox: ctx.scenarioBox,
    editors: () => ctx.app.querySelectorAll('.panel.left > .panel-section:not(:first-child):not(.settings)'),
  });
  installUnloadGuard(store);
  return {
    async open(id) {
      const ok = await openScenario(store, hooks, id);
      if (!ok) ctx.refreshList();
      return ok;
    },
    async save() {
      await saveWorkspace(store, hooks);
    },
    plan,
  };
}
