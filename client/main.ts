/**
 * The browser app: loads the scenario (from the server, or the built-in default when the server is not
 * reachable), builds the workspace layout (left: scenario and routes; centre: the map; bottom: time and
 * charts; right: plan and KPIs), and wires the store to the map view, the panels and the workers.
 */
import './styles.css';
import type { ScenarioSummary } from '../shared/api/index';
import type { Scenario } from '../shared/index';
import { ApiError, getScenario, listScenarios } from './api';
import { mountRouteProfile } from './charts/route-profile';
import { mountDemandSeries, mountSiteSeries } from './charts/time-series';
import { initialLocaleId, locale, t, setLocale } from './i18n/index';
import { createMap } from './map/create-map';
import { DrawController } from './map/draw-controller';
import { MapView, type MapHit } from './map/map-view';
import { PopupController } from './map/popup';
import type { WorkspaceLayerOptions } from './map/layers/index';
import { h } from './panels/dom';
import { mountKpiPanel } from './panels/kpi-panel';
import { mountLayersPanel } from './panels/layers-panel';
import { mountNotice } from './panels/notice';
import { mountParametersPanel } from './panels/parameters-panel';
import { mountPlanPanel } from './panels/plan-panel';
import { mountRouteEditor } from './panels/route-editor';
import { mountRoutesPanel } from './panels/routes-panel';
import { mountScenarioPanel } from './panels/scenario-panel';
import { mountSiteTypesPanel } from './panels/site-types-panel';
import { mountExistingSitesPanel } from './panels/existing-sites-panel';
import { mountTimePanel } from './panels/time-panel';
import { configuredStyleUrl, storeStyleUrl } from './panels/settings';
import { mountValidationPanel } from './panels/validation-panel';
import { buildPlanView } from './state/plan-view';
import { readRouteFile } from './state/route-import';
import { installScenarioTools } from './scenarios/install';
import { applyStash, applyStashedCamera, takeStash } from './scenarios/session';
import { showStoredPlan as showRevisionPlan } from './scenarios/workspace-actions';
import {
  addJoin,
  addRoute,
  newRoute,
  placeJoin,
  setRouteLine,
  type ScenarioDoc,
} from './state/scenario-edits';
import { changed } from './state/store';
import { TimeModelClient } from './state/time-model-client';
import type { TimeModel } from './state/time-model';
import {
  canRedo,
  canUndo,
  createWorkspace,
  currentDoc,
  edit,
  importRoutes,
  isDirty,
  notify,
  redoEdit,
  setStep,
  undoEdit,
  type SavedRef,
  type Tool,
  type WorkspaceState,
  type WorkspaceStore,
} from './state/workspace';
import type { LonLat } from '../shared/index';

setLocale(initialLocaleId());
document.title = t('app.title');

/** Largest distance from a route at which a click still places a join on it, km. */
const JOIN_CLICK_KM = 2;

interface Loaded {
  doc: ScenarioDoc;
  saved: SavedRef | null;
  list: ScenarioSummary[];
  /** Why the built-in copy is shown instead of a saved scenario. */
  warning?: string;
}

async function loadInitial(): Promise<Loaded> {
  const wanted = new URLSearchParams(location.search).get('scenario');
  try {
    const list = await listScenarios();
    const pick =
      list.find((s) => s.id === wanted) ?? list.find((s) => s.id === 'arbaeen-2025') ?? list[0] ?? null;
    if (pick) {
      const document = await getScenario(pick.id);
      return {
        doc: document.scenario as ScenarioDoc,
        saved: { id: document.id, revision: document.revision },
        list,
      };
    }
    const builtIn = await import('../data/scenarios/arbaeen-2025.json');
    return { doc: builtIn.default as unknown as ScenarioDoc, saved: null, list };
  } catch (e) {
    const builtIn = await import('../data/scenarios/arbaeen-2025.json');
    const reason = e instanceof ApiError ? e.message : String(e);
    return {
      doc: builtIn.default as unknown as ScenarioDoc,
      saved: null,
      list: [],
      warning: t('app.serverUnavailable', { reason }),
    };
  }
}

/** The step with the most persons on the routes. */
function busiestStep(model: TimeModel): number {
  let best = 0;
  model.personsOnRoutes.forEach((v, i) => {
    if (v > model.personsOnRoutes[best]) best = i;
  });
  return best;
}

function layerOptions(s: WorkspaceState): WorkspaceLayerOptions {
  return {
    visible: s.layers,
    metric: s.metric,
    hiddenRouteIds: s.hiddenRoutes,
    selectedRouteId: s.selectedRouteId,
    selectedSiteId: s.selectedSiteId,
  };
}

function buildShell(root: HTMLElement) {
  const undoBtn = h(
    'button',
    {
      class: 'icon-btn',
      title: t('history.undoHint'),
      'aria-label': t('history.undo'),
      'data-testid': 'undo',
    },
    '↶',
  );
  const redoBtn = h(
    'button',
    {
      class: 'icon-btn',
      title: t('history.redoHint'),
      'aria-label': t('history.redo'),
      'data-testid': 'redo',
    },
    '↷',
  );
  const scenarioName = h('span', { class: 'top-scenario', 'data-testid': 'top-scenario-name' });
  const top = h(
    'header',
    { class: 'topbar' },
    h('div', { class: 'brand' }, h('span', { class: 'logo', 'aria-hidden': 'true' }, '◆'), t('app.title')),
    scenarioName,
    h('div', { class: 'top-actions' }, undoBtn, redoBtn),
  );
  const left = h('aside', { class: 'panel left', 'aria-label': t('scenario.heading') });
  const scenarioBox = h('section', { class: 'panel-section' });
  const routesBox = h('section', { class: 'panel-section' });
  const editorBox = h('section', { class: 'panel-section' });
  const validationBox = h('section', { class: 'panel-section tight' });
  const paramsBox = h('section', { class: 'panel-section' });
  const siteTypesBox = h('section', { class: 'panel-section' });
  const existingBox = h('section', { class: 'panel-section' });
  const settingsBox = h('section', { class: 'panel-section settings' });
  left.append(
    scenarioBox,
    validationBox,
    routesBox,
    editorBox,
    paramsBox,
    siteTypesBox,
    existingBox,
    settingsBox,
  );
  const mapEl = h('div', { id: 'map', class: 'map', 'data-testid': 'map' });
  const overlay = h('div', { class: 'map-overlays' });
  const dropZone = h('div', { class: 'drop-zone', hidden: true }, h('div', {}, t('routes.dropHere')));
  const toolHint = h('div', { class: 'tool-hint', hidden: true, 'data-testid': 'tool-hint' });
  const noticeBox = h('div', { class: 'notice-area' });
  const mapArea = h('main', { class: 'map-area' }, mapEl, overlay, toolHint, noticeBox, dropZone);
  const right = h('aside', { class: 'panel right', 'aria-label': t('kpi.heading') });
  const planBox = h('section', { class: 'panel-section' });
  const kpiBox = h('section', { class: 'panel-section' });
  right.append(planBox, kpiBox);
  const timeBox = h('div', { class: 'time-box' });
  const chartProfile = h('div', { class: 'chart-cell wide' });
  const chartDemand = h('div', { class: 'chart-cell' });
  const chartSite = h('div', { class: 'chart-cell' });
  const bottom = h(
    'section',
    { class: 'bottom', 'aria-label': t('time.heading') },
    timeBox,
    h('div', { class: 'charts' }, chartProfile, chartDemand, chartSite),
  );
  root.replaceChildren(top, left, mapArea, right, bottom);
  return {
    undoBtn,
    redoBtn,
    scenarioName,
    scenarioBox,
    routesBox,
    editorBox,
    validationBox,
    paramsBox,
    siteTypesBox,
    existingBox,
    settingsBox,
    mapEl,
    overlay,
    dropZone,
    toolHint,
    noticeBox,
    planBox,
    kpiBox,
    timeBox,
    chartProfile,
    chartDemand,
    chartSite,
    mapArea,
  };
}

/**
 * The scenario as the crowd, demand and time model read it: site types, existing sites, planning limits,
 * name and description left out, so editing those needs no new model.
 */
function crowdInputsKey(scenario: Scenario | null): string | null {
  if (!scenario) return null;
  const { siteTypes: _t, existingSites: _e, planning: _p, name: _n, description: _d, ...read } = scenario;
  return JSON.stringify(read);
}

function mountSettings(root: HTMLElement): void {
  const current = configuredStyleUrl();
  const input = h('input', {
    type: 'url',
    value: current ?? '',
    placeholder: 'https://…/style.json',
    'aria-label': t('settings.styleUrl'),
  });
  root.append(
    h(
      'details',
      {},
      h(
        'summary',
        {},
        t('settings.basemap'),
        ': ',
        h(
          'span',
          { class: 'muted' },
          current ? t('settings.onlineActive', { url: current }) : t('settings.offlineActive'),
        ),
      ),
      h('label', { class: 'field' }, h('span', { class: 'field-label' }, t('settings.styleUrl')), input),
      h(
        'div',
        { class: 'btn-row' },
        h(
          'button',
          {
            class: 'btn small',
            onclick: () => {
              storeStyleUrl(input.value);
              location.reload();
            },
          },
          t('settings.apply'),
        ),
        h(
          'button',
          {
            class: 'btn small',
            onclick: () => {
              storeStyleUrl('');
              location.reload();
            },
          },
          t('settings.useOffline'),
        ),
      ),
      h('p', { class: 'muted small' }, t('app.keyboard')),
    ),
  );
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return (
    !!el &&
    (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable)
  );
}

function routeLines(doc: ScenarioDoc, ids?: readonly string[]): LonLat[] {
  return doc.routes.filter((r) => !ids || ids.includes(r.id)).flatMap((r) => r.line as LonLat[]);
}

async function start(): Promise<void> {
  const root = document.getElementById('app')!;
  const ui = buildShell(root);
  ui.scenarioName.textContent = t('app.loading');
  const loaded = await loadInitial();
  performance.mark('ap:scenario-loaded');
  const store: WorkspaceStore = createWorkspace(loaded.doc, loaded.saved);
  if (loaded.warning) notify(store, 'error', loaded.warning);
  // After a language switch: the document with its unsaved changes, the revision, the view.
  const stash = takeStash();
  if (stash) applyStash(store, stash);

  const map = createMap(ui.mapEl, { styleUrl: configuredStyleUrl(), labelScript: locale().labelScript });
  const view = new MapView(map, layerOptions(store.get()));
  const popups = new PopupController(map);
  const models = new TimeModelClient();
  let draw: DrawController | null = null;

  const setTool = (tool: Tool) => store.set({ tool });
  const selectRoute = (routeId: string | null) =>
    store.set({
      selectedRouteId: routeId,
      tool: store.get().tool === 'edit-line' ? 'browse' : store.get().tool,
    });

  const importFiles = async (files: FileList | File[]) => {
    for (const file of Array.from(files)) {
      let text: string;
      try {
        text = await file.text();
      } catch (e) {
        notify(store, 'error', t('routes.importFailed', { file: file.name, reason: String(e) }));
        continue;
      }
      const read = readRouteFile(file.name, text, new DOMParser());
      if (!read.ok) {
        const reason =
          read.reason === 'invalidJson'
            ? t('routes.importInvalidJson', { reason: read.detail })
            : read.reason === 'invalidXml'
              ? t('routes.importInvalidXml')
              : read.reason === 'noLines'
                ? t('routes.importNoLines')
                : t('routes.importUnknownType');
        notify(store, 'error', t('routes.importFailed', { file: file.name, reason }));
        continue;
      }
      const result = importRoutes(store, (doc) =>
        read.lines.reduce((d, l) => addRoute(d, newRoute(d, l.line, l.name)), doc),
      );
      if (!result.ok) {
        const errors = result.errors
          .slice(0, 3)
          .map((e) => `${e.path}: ${e.message}`)
          .join('; ');
        notify(
          store,
          'error',
          t('routes.importFailed', {
            file: file.name,
            reason: t('routes.importInvalidScenario', { errors }),
          }),
        );
        continue;
      }
      store.set({ selectedRouteId: result.added[0] ?? null, hiddenRoutes: store.get().hiddenRoutes });
      notify(store, 'info', t('routes.imported', { count: String(result.added.length), file: file.name }));
      view.fitTo(routeLines(currentDoc(store.get()), result.added), true);
    }
  };

  /** Shows the plan already stored for the open revision when the list says it has one (reviewers open, not re-plan). */
  const showStoredPlan = async (summaries: readonly ScenarioSummary[]) => {
    const saved = store.get().saved;
    const summary = saved ? summaries.find((x) => x.id === saved.id) : undefined;
    if (!saved || summary?.latestPlan?.revision !== saved.revision) return;
    await showRevisionPlan(store);
  };

  // Scenario manager, revisions, comparison, exports, language (client/scenarios): open and save go
  // through them (unsaved-changes dialog, conflict dialog on a stale revision).
  const tools = installScenarioTools({
    store,
    map,
    fit: () => view.fitTo(routeLines(currentDoc(store.get()))),
    refreshList: () =>
      void listScenarios().then(
        (list) => scenarioPanel.setList(list),
        () => undefined,
      ),
    app: root,
    topBar: root.querySelector<HTMLElement>('.topbar')!,
    mapArea: ui.mapArea,
    scenarioBox: ui.scenarioBox,
  });

  // Panels.
  const scenarioPanel = mountScenarioPanel(ui.scenarioBox, store, {
    open: (id) => void tools.open(id),
    save: () => void tools.save(),
  });
  scenarioPanel.setList(loaded.list);
  if (stash) void showRevisionPlan(store);
  else void showStoredPlan(loaded.list);
  store.subscribe((s, p) => {
    // A save (new revision or a new scenario) changes the list's revisions and names.
    if (s.saved !== p.saved && s.saved) listScenarios().then(scenarioPanel.setList, () => undefined);
  });
  mountValidationPanel(ui.validationBox, store, (id) => store.set({ selectedRouteId: id }));
  mountRoutesPanel(ui.routesBox, store, {
    startDrawing: () => setTool(store.get().tool === 'draw' ? 'browse' : 'draw'),
    importFiles: (files) => void importFiles(files),
    selectRoute,
  });
  mountRouteEditor(ui.editorBox, store, { setTool, selectRoute });
  mountParametersPanel(ui.paramsBox, store);
  mountSiteTypesPanel(ui.siteTypesBox, store);
  mountExistingSitesPanel(ui.existingBox, store);
  mountSettings(ui.settingsBox);
  mountPlanPanel(ui.planBox, store, () => void tools.plan());
  mountKpiPanel(ui.kpiBox, store);
  mountLayersPanel(ui.overlay, store);
  mountNotice(ui.noticeBox, store);
  mountTimePanel(ui.timeBox, store);
  mountRouteProfile(ui.chartProfile, store);
  mountDemandSeries(ui.chartDemand, store);
  mountSiteSeries(ui.chartSite, store);

  // Top bar.
  ui.undoBtn.addEventListener('click', () => undoEdit(store));
  ui.redoBtn.addEventListener('click', () => redoEdit(store));
  const renderTop = () => {
    const s = store.get();
    ui.undoBtn.disabled = !canUndo(s.history);
    ui.redoBtn.disabled = !canRedo(s.history);
    ui.scenarioName.textContent = currentDoc(s).name + (isDirty(s) ? ' •' : '');
  };
  renderTop();

  // Time model: recomputed in the worker whenever what it reads of the valid scenario changes.
  let pendingModel = 0;
  const recompute = (scenario: Scenario | null) => {
    window.clearTimeout(pendingModel);
    if (!scenario) return;
    const inputs = crowdInputsKey(scenario);
    store.set({ timeModelBusy: true });
    pendingModel = window.setTimeout(async () => {
      try {
        const result = await models.compute(scenario);
        if (!result || crowdInputsKey(store.get().scenario) !== inputs) return;
        const s = store.get();
        // The first model opens at the hour with the most people on the roads; later ones keep the hour.
        const step = s.timeModel
          ? Math.min(s.step, result.model.grid.stepCount - 1)
          : busiestStep(result.model);
        const plan = s.planResult ? buildPlanView(s.planResult, result.model) : null;
        performance.measure('ap:crowd-model', { start: performance.now() - result.ms, duration: result.ms });
        store.set({ timeModel: result.model, timeModelBusy: false, step, plan });
        performance.mark('ap:model-shown');
      } catch (e) {
        store.set({ timeModelBusy: false });
        notify(store, 'error', e instanceof Error ? e.message : String(e));
      }
    }, 120);
  };
  // The crowd model runs in its worker while the map loads.
  recompute(store.get().scenario);
  store.subscribe((s, p) => {
    if (s.scenario === p.scenario) return;
    // A newly opened scenario starts without a model, even when the crowd reads the same inputs.
    if (s.timeModel === null || crowdInputsKey(s.scenario) !== crowdInputsKey(p.scenario))
      recompute(s.scenario);
  });

  // Map wiring.
  await view.whenReady();
  performance.mark('ap:map-ready');
  view.setDocument(currentDoc(store.get()));
  view.fitTo(routeLines(currentDoc(store.get())));
  applyStashedCamera(stash, map);
  // What arrived while the map was loading (the crowd model, a stored plan, view settings).
  if (store.get().timeModel) view.setTimeModel(store.get().timeModel, store.get().step);
  if (store.get().plan) view.setPlan(store.get().plan, currentDoc(store.get()));
  view.setLayerOptions(layerOptions(store.get()));
  draw = new DrawController(map, {
    onDrawn: (line) => {
      const doc = currentDoc(store.get());
      const name = t('routes.newName', { n: String(doc.routes.length + 1) });
      const route = newRoute(doc, line, name);
      edit(store, (d) => addRoute(d, route));
      store.set({ tool: 'browse', selectedRouteId: route.id });
    },
    onEdited: (line) => {
      const id = store.get().selectedRouteId;
      if (id) edit(store, (d) => setRouteLine(d, id, line));
    },
  });
  root.setAttribute('aria-busy', 'false');

  const applyTool = (tool: Tool) => {
    const canvas = map.getCanvas();
    canvas.dataset.tool = tool;
    map.getContainer().dataset.tool = tool;
    popups.close();
    if (tool === 'draw') {
      map.doubleClickZoom.disable();
      draw?.startDrawing();
    } else if (tool === 'edit-line') {
      const route = currentDoc(store.get()).routes.find((r) => r.id === store.get().selectedRouteId);
      if (route) draw?.startEditing(route.line as LonLat[]);
      else store.set({ tool: 'browse' });
      map.doubleClickZoom.enable();
    } else {
      draw?.stop();
      map.doubleClickZoom.enable();
    }
    canvas.style.cursor = tool === 'add-join' ? 'crosshair' : '';
    const hint = tool === 'draw' ? t('routes.drawHint') : tool === 'add-join' ? t('route.addJoinHint') : '';
    ui.toolHint.hidden = !hint;
    ui.toolHint.textContent = hint;
  };

  view.onHit((hit: MapHit) => {
    const s = store.get();
    if (s.tool === 'draw' || s.tool === 'edit-line') return;
    if (s.tool === 'add-join') {
      const doc = currentDoc(s);
      const routeId =
        s.selectedRouteId ??
        (hit.kind === 'route' || hit.kind === 'join' ? hit.routeId : null) ??
        (hit.kind === 'segment' && s.timeModel
          ? (s.timeModel.routes.find(
              (r) => hit.segment >= r.offset && hit.segment < r.offset + r.segments.count,
            )?.routeId ?? null)
          : null);
      const route = doc.routes.find((r) => r.id === routeId);
      if (!route) {
        notify(store, 'error', t('route.selectFirst'));
        return;
      }
      const placed = placeJoin(route.line as LonLat[], hit.lngLat, JOIN_CLICK_KM);
      if (!placed.ok) {
        notify(store, 'error', t('route.joinOffRoute', { km: String(JOIN_CLICK_KM) }));
        return;
      }
      edit(store, (d) => addJoin(d, route.id, placed.atKm));
      store.set({ tool: 'browse', selectedRouteId: route.id });
      return;
    }
    switch (hit.kind) {
      case 'site':
        store.set({ selectedSiteId: s.plan?.sites[hit.index]?.id ?? null });
        popups.show(hit, store.get());
        break;
      case 'segment':
      case 'hotspot':
        popups.show(hit, s);
        break;
      case 'route':
      case 'join':
        store.set({ selectedRouteId: hit.routeId });
        break;
      default:
        popups.close();
    }
  });

  store.subscribe((s, p) => {
    if (s.history.present !== p.history.present) {
      view.setDocument(s.history.present);
      if (s.tool === 'edit-line') {
        const route = s.history.present.routes.find((r) => r.id === s.selectedRouteId);
        if (route) draw?.updateEditedLine(route.line as LonLat[]);
        else store.set({ tool: 'browse' });
      }
    }
    if (s.timeModel !== p.timeModel) view.setTimeModel(s.timeModel, s.step);
    else if (s.step !== p.step) {
      view.showStep(s.step);
      popups.refresh(s);
    }
    if (s.plan !== p.plan) view.setPlan(s.plan, s.history.present);
    if (changed(s, p, 'layers', 'metric', 'hiddenRoutes', 'selectedRouteId', 'selectedSiteId'))
      view.setLayerOptions(layerOptions(s));
    if (s.tool !== p.tool || (s.tool === 'edit-line' && s.selectedRouteId !== p.selectedRouteId))
      applyTool(s.tool);
    if (s.history !== p.history || s.savedDoc !== p.savedDoc) renderTop();
  });

  // Keyboard.
  window.addEventListener('keydown', (e) => {
    const mod = e.ctrlKey || e.metaKey;
    if (mod && (e.key === 'z' || e.key === 'Z')) {
      if (isTyping(e.target)) return;
      e.preventDefault();
      if (e.shiftKey) redoEdit(store);
      else undoEdit(store);
      return;
    }
    if (mod && (e.key === 'y' || e.key === 'Y')) {
      if (isTyping(e.target)) return;
      e.preventDefault();
      redoEdit(store);
      return;
    }
    if (isTyping(e.target)) return;
    if (e.key === 'Escape') {
      store.set({ tool: 'browse' });
      popups.close();
    } else if (e.key === ' ') {
      e.preventDefault();
      store.set({ playing: !store.get().playing });
    } else if (e.key === 'ArrowRight') {
      setStep(store, store.get().step + (e.shiftKey ? 24 : 1));
    } else if (e.key === 'ArrowLeft') {
      setStep(store, store.get().step - (e.shiftKey ? 24 : 1));
    }
  });

  // Drag and drop of route files onto the map.
  let dragDepth = 0;
  ui.mapArea.addEventListener('dragenter', (e) => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    dragDepth++;
    ui.dropZone.hidden = false;
  });
  ui.mapArea.addEventListener('dragover', (e) => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  });
  ui.mapArea.addEventListener('dragleave', () => {
    dragDepth = Math.max(0, dragDepth - 1);
    if (dragDepth === 0) ui.dropZone.hidden = true;
  });
  ui.mapArea.addEventListener('drop', (e) => {
    e.preventDefault();
    dragDepth = 0;
    ui.dropZone.hidden = true;
    if (e.dataTransfer?.files.length) void importFiles(e.dataTransfer.files);
  });

  // For debugging and the browser tests: the store, the map and its view.
  (window as unknown as { __planner: unknown }).__planner = { store, map, view };
}

start().catch((e: unknown) => {
  const root = document.getElementById('app');
  if (root) root.textContent = t('app.loadFailed', { reason: e instanceof Error ? e.message : String(e) });
  console.error(e);
});
