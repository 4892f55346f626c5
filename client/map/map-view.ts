/**
 * The one owner of the MapLibre map. It adds the app's GeoJSON sources and style-function layers once,
 * replaces source data only when the scenario, time model or plan change, and on every time step only
 * sets feature states (persons and DL Mbps per km, unserved) on segments and hotspots — skipping
 * features whose values did not change — so scrubbing stays within one animation frame.
 */
import type {
  FilterSpecification,
  GeoJSONSource,
  LayerSpecification,
  Map as MapLibreMap,
  MapGeoJSONFeature,
  MapMouseEvent,
} from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { LonLat } from '../../shared/index';
import type { ScenarioDoc } from '../state/scenario-edits';
import type { TimeModel } from '../state/time-model';
import type { PlanView } from '../state/plan-view';
import {
  coverageFeatures,
  existingSiteFeatures,
  hotspotFeatures,
  joinFeatures,
  routeFeatures,
  segmentFeatures,
  siteFeatures,
  unservedFeatures,
  EMPTY,
} from './features';
import { boundsOf } from './geometry';
import { SOURCES, STATE, workspaceLayers, type WorkspaceLayerOptions } from './layers/index';
import { SEGMENT_LAYER_ID } from './layers/segments';
import { SITE_LAYER_IDS } from './layers/sites';
import { HOTSPOT_LAYER_IDS } from './layers/hotspots';
import { JOIN_LAYER_ID } from './layers/joins';
import { ROUTE_LAYER_IDS } from './layers/routes';
import { siteIconImages } from './site-icons';
import { quantise } from './quantise';
import { BASEMAP_FIRST_LABEL_LAYER_ID } from './basemap-style';

/** What was clicked on the map, topmost first. */
export type MapHit =
  | { kind: 'site'; index: number; lngLat: LonLat }
  | { kind: 'segment'; segment: number; lngLat: LonLat }
  | { kind: 'hotspot'; index: number; lngLat: LonLat }
  | { kind: 'join'; routeId: string; join: number; lngLat: LonLat }
  | { kind: 'route'; routeId: string; lngLat: LonLat }
  | { kind: 'none'; lngLat: LonLat };

/** Layers drawn above the basemap's labels (the rest go below them, so town names stay readable). */
const ABOVE_LABELS = new Set<string>([
  ROUTE_LAYER_IDS.selected,
  JOIN_LAYER_ID,
  SITE_LAYER_IDS.symbols,
  SITE_LAYER_IDS.selected,
]);

/** Layers a click may hit, topmost first. */
const CLICKABLE = [
  SITE_LAYER_IDS.symbols,
  JOIN_LAYER_ID,
  SEGMENT_LAYER_ID,
  ROUTE_LAYER_IDS.line,
  ROUTE_LAYER_IDS.casing,
  HOTSPOT_LAYER_IDS.fill,
];

export class MapView {
  private applied = new Map<string, string>();
  private ready: Promise<void>;
  private model: TimeModel | null = null;
  private plan: PlanView | null = null;
  private shownStep = -1;
  private lastP = new Float32Array(0);
  private lastM = new Float32Array(0);
  private lastU = new Float32Array(0);
  private lastHotspot = new Float32Array(0);
  private clickListeners = new Set<(hit: MapHit) => void>();
  private segmentsData: FeatureCollection = EMPTY;
  private unservedLoaded = false;

  constructor(
    readonly map: MapLibreMap,
    private layerOptions: WorkspaceLayerOptions,
  ) {
    this.ready = new Promise((resolve) => {
      const init = () => {
        this.installSourcesAndLayers();
        resolve();
      };
      if (map.isStyleLoaded()) init();
      else map.once('load', init);
    });
    map.on('click', (e) => this.onClick(e));
    map.on('mousemove', (e) => this.onHover(e));
  }

  /** Resolves when the style is loaded and the app's sources and layers are in place. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  private installSourcesAndLayers(): void {
    const { map } = this;
    for (const { id, image } of siteIconImages()) {
      if (!map.hasImage(id)) map.addImage(id, image, { sdf: true, pixelRatio: 2 });
    }
    for (const id of Object.values(SOURCES)) {
      if (!map.getSource(id)) map.addSource(id, { type: 'geojson', data: EMPTY, tolerance: 0.2 });
    }
    this.applied.clear();
    const labels = map.getLayer(BASEMAP_FIRST_LABEL_LAYER_ID) ? BASEMAP_FIRST_LABEL_LAYER_ID : undefined;
    for (const layer of workspaceLayers(this.layerOptions)) {
      if (!map.getLayer(layer.id)) map.addLayer(layer, ABOVE_LABELS.has(layer.id) ? undefined : labels);
      this.applied.set(layer.id, JSON.stringify(layer));
    }
  }

  /** Applies changed layer options: only properties that differ are set on the map. */
  setLayerOptions(options: WorkspaceLayerOptions): void {
    this.layerOptions = options;
    if (this.applied.size === 0) return;
    for (const layer of workspaceLayers(options)) {
      const json = JSON.stringify(layer);
      const before = this.applied.get(layer.id);
      if (before === json) continue;
      this.updateLayer(before ? (JSON.parse(before) as LayerSpecification) : null, layer);
      this.applied.set(layer.id, json);
    }
  }

  private updateLayer(before: LayerSpecification | null, after: LayerSpecification): void {
    const { map } = this;
    if (!before || !map.getLayer(after.id)) {
      map.addLayer(after);
      return;
    }
    const diffProps = (
      a: Record<string, unknown> = {},
      b: Record<string, unknown> = {},
      set: (k: string, v: unknown) => void,
    ) => {
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
        if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) set(key, b[key] ?? null);
      }
    };
    const bp = (before as { paint?: Record<string, unknown> }).paint;
    const ap = (after as { paint?: Record<string, unknown> }).paint;
    diffProps(bp, ap, (k, v) => map.setPaintProperty(after.id, k as 'line-color', v as never));
    const bl = (before as { layout?: Record<string, unknown> }).layout;
    const al = (after as { layout?: Record<string, unknown> }).layout;
    diffProps(bl, al, (k, v) => map.setLayoutProperty(after.id, k as 'visibility', v as never));
    const bf = (before as { filter?: FilterSpecification }).filter;
    const af = (after as { filter?: FilterSpecification }).filter;
    if (JSON.stringify(bf) !== JSON.stringify(af)) map.setFilter(after.id, af ?? null);
  }

  private setData(source: string, data: FeatureCollection): void {
    (this.map.getSource(source) as GeoJSONSource | undefined)?.setData(data);
  }

  /** Route lines, joins, hotspots and existing sites of the document under edit. */
  setDocument(doc: ScenarioDoc): void {
    this.setData(SOURCES.routes, routeFeatures(doc));
    this.setData(SOURCES.joins, joinFeatures(doc));
    this.setData(SOURCES.hotspots, hotspotFeatures(doc));
    this.setData(SOURCES.existing, existingSiteFeatures(doc));
    this.lastHotspot = new Float32Array(0);
    this.shownStep = -1;
  }

  /** Loads the segments of a new time model (once per model) and shows `step`. */
  setTimeModel(model: TimeModel | null, step: number): void {
    this.model = model;
    const segments = model ? segmentFeatures(model) : EMPTY;
    // Feature states outlive setData: clear them, so the bookkeeping below matches the map.
    for (const source of [SOURCES.segments, SOURCES.segmentsUnserved, SOURCES.hotspots]) {
      if (this.map.getSource(source)) this.map.removeFeatureState({ source });
    }
    this.setData(SOURCES.segments, segments);
    // The unserved copy is tiled only when a plan reports unserved demand per step.
    this.segmentsData = segments;
    this.unservedLoaded = false;
    this.setData(SOURCES.segmentsUnserved, EMPTY);
    const n = model?.segmentCount ?? 0;
    this.lastP = new Float32Array(n).fill(NaN);
    this.lastM = new Float32Array(n).fill(NaN);
    // Unserved states start at 0 (no state): only segments that become unserved are ever set.
    this.lastU = new Float32Array(n);
    this.lastHotspot = new Float32Array(0);
    this.shownStep = -1;
    if (model) this.showStep(step);
  }

  /** Sites, coverage footprints and unserved stretches of a plan (or none). */
  setPlan(plan: PlanView | null, doc: ScenarioDoc): void {
    this.plan = plan;
    this.setData(SOURCES.sites, plan ? siteFeatures(plan.sites) : EMPTY);
    this.setData(SOURCES.coverage, plan ? coverageFeatures(plan.sites) : EMPTY);
    this.setData(SOURCES.unserved, plan ? unservedFeatures(doc, plan.unserved) : EMPTY);
    if (plan?.unservedBySegment && !this.unservedLoaded) {
      this.setData(SOURCES.segmentsUnserved, this.segmentsData);
      this.unservedLoaded = true;
    }
    const step = this.shownStep;
    this.shownStep = -1;
    if (step >= 0) this.showStep(step);
  }

  /**
   * Shows time step `step`: sets the per-step feature states of every segment and hotspot whose values
   * changed since the last shown step. Returns the number of feature states set.
   */
  showStep(step: number): number {
    const model = this.model;
    if (!model || step === this.shownStep) return 0;
    const n = model.segmentCount;
    const stepCount = model.grid.stepCount;
    const s = Math.max(0, Math.min(stepCount - 1, step));
    const row = s * n;
    const unserved =
      this.plan?.unservedBySegment && this.plan.unservedBySegment.length === stepCount * n
        ? this.plan.unservedBySegment
        : null;
    const { map } = this;
    const target = { source: SOURCES.segments, id: 0 };
    const unservedTarget = { source: SOURCES.segmentsUnserved, id: 0 };
    const state: Record<string, number> = { [STATE.persons]: 0, [STATE.dlMbps]: 0 };
    const unservedState: Record<string, number> = { [STATE.unserved]: 0 };
    let updates = 0;
    for (let g = 0; g < n; g++) {
      const p = quantise(model.personsPerKm[row + g]);
      const m = quantise(model.dlMbpsPerKm[row + g]);
      if (p !== this.lastP[g] || m !== this.lastM[g]) {
        this.lastP[g] = p;
        this.lastM[g] = m;
        target.id = g;
        state[STATE.persons] = p;
        state[STATE.dlMbps] = m;
        map.setFeatureState(target, state);
        updates++;
      }
      const u = unserved ? quantise(unserved[row + g]) : 0;
      if (u !== this.lastU[g]) {
        this.lastU[g] = u;
        unservedTarget.id = g;
        unservedState[STATE.unserved] = u;
        map.setFeatureState(unservedTarget, unservedState);
        updates++;
      }
    }
    const h = model.hotspotIds.length;
    if (this.lastHotspot.length !== h) this.lastHotspot = new Float32Array(h).fill(NaN);
    const hotspotTarget = { source: SOURCES.hotspots, id: 0 };
    for (let k = 0; k < h; k++) {
      const persons = quantise(model.hotspotPersons[s * h + k]);
      if (persons === this.lastHotspot[k]) continue;
      this.lastHotspot[k] = persons;
      hotspotTarget.id = k;
      map.setFeatureState(hotspotTarget, {
        [STATE.persons]: persons,
        [STATE.dlMbps]: model.hotspotDlMbps[s * h + k],
      });
      updates++;
    }
    this.shownStep = s;
    return updates;
  }

  /** Frames the given positions (with padding for the panels). */
  fitTo(positions: Iterable<LonLat>, animate = false): void {
    const b = boundsOf(positions);
    if (!b) return;
    this.map.fitBounds(
      [
        [b[0], b[1]],
        [b[2], b[3]],
      ],
      { padding: { top: 40, bottom: 40, left: 40, right: 280 }, animate, maxZoom: 13 },
    );
  }

  /** Subscribes to clicks resolved to the topmost app feature. */
  onHit(listener: (hit: MapHit) => void): () => void {
    this.clickListeners.add(listener);
    return () => this.clickListeners.delete(listener);
  }

  private hitAt(e: MapMouseEvent): MapHit {
    const lngLat: LonLat = [e.lngLat.lng, e.lngLat.lat];
    const layers = CLICKABLE.filter((id) => this.map.getLayer(id));
    const pad = 4;
    const features: MapGeoJSONFeature[] = this.map.queryRenderedFeatures(
      [
        [e.point.x - pad, e.point.y - pad],
        [e.point.x + pad, e.point.y + pad],
      ],
      { layers },
    );
    for (const layerId of CLICKABLE) {
      const f = features.find((x) => x.layer.id === layerId);
      if (!f) continue;
      const props = f.properties ?? {};
      if (layerId === SITE_LAYER_IDS.symbols) return { kind: 'site', index: Number(props.index), lngLat };
      if (layerId === JOIN_LAYER_ID)
        return { kind: 'join', routeId: String(props.routeId), join: Number(props.join), lngLat };
      if (layerId === SEGMENT_LAYER_ID && f.id !== undefined) {
        if (!f.state || !((f.state[STATE.persons] as number) > 0 || (f.state[STATE.dlMbps] as number) > 0)) {
          return { kind: 'route', routeId: String(props.routeId), lngLat };
        }
        return { kind: 'segment', segment: Number(f.id), lngLat };
      }
      if (layerId === HOTSPOT_LAYER_IDS.fill) return { kind: 'hotspot', index: Number(f.id), lngLat };
      return { kind: 'route', routeId: String(props.routeId), lngLat };
    }
    return { kind: 'none', lngLat };
  }

  private onClick(e: MapMouseEvent): void {
    if (this.clickListeners.size === 0 || this.applied.size === 0) return;
    const hit = this.hitAt(e);
    for (const listener of this.clickListeners) listener(hit);
  }

  private hoverFrame = 0;

  private onHover(e: MapMouseEvent): void {
    if (this.hoverFrame || this.applied.size === 0) return;
    this.hoverFrame = requestAnimationFrame(() => {
      this.hoverFrame = 0;
      const canvas = this.map.getCanvas();
      if (canvas.dataset.tool && canvas.dataset.tool !== 'browse') return;
      const layers = [SITE_LAYER_IDS.symbols, JOIN_LAYER_ID, SEGMENT_LAYER_ID, HOTSPOT_LAYER_IDS.fill].filter(
        (id) => this.map.getLayer(id),
      );
      const hit = this.map.queryRenderedFeatures(e.point, { layers }).length > 0;
      canvas.style.cursor = hit ? 'pointer' : '';
    });
  }
}
