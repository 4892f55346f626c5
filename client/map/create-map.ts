/**
 * Creates the workspace map: MapLibre with the offline basemap (or an online style when one is
 * configured), centred on Karbala and Najaf. This module owns MapLibre's global set-up (worker URL,
 * RTL text) and its CSS.
 */
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import {
  BASEMAP_BOUNDS,
  basemapStyle,
  resolveUrlTemplate,
  type BasemapTheme,
  type LabelScript,
} from './basemap-style';
import { registerRtlTextPlugin } from './rtl';

/** Between Karbala and Najaf, [longitude, latitude]. */
export const DEFAULT_CENTER: [number, number] = [44.2, 32.3];
export const DEFAULT_ZOOM = 7;
/** Below this the offline basemap's region no longer fills a screen. */
export const MIN_ZOOM = 4;

export interface CreateMapOptions {
  /** Script of the basemap's labels; `latin` by default. */
  labelScript?: LabelScript;
  theme?: BasemapTheme;
  /** An online MapLibre style URL that replaces the offline basemap. Never required. */
  styleUrl?: string;
  center?: [number, number];
  zoom?: number;
  /** Glyph URL template; defaults to the app's own `glyphs/{fontstack}/{range}.pbf`. */
  glyphsUrl?: string;
  /** Folder of the basemap GeoJSON files; defaults to the app's own `basemap/`. */
  basemapUrl?: string;
  /**
   * Use the Mapbox RTL text plugin (served locally) instead of MapLibre's built-in Arabic shaping and
   * bidi ordering. Off by default: MapLibre 6 needs no plugin for Arabic or Persian.
   */
  rtlTextPlugin?: boolean;
}

let workerConfigured = false;

/**
 * Creates the map in `container` with the offline basemap (or `options.styleUrl`), centred on
 * Karbala/Najaf at zoom 7. Call once per container; remove with `map.remove()`.
 */
export function createMap(container: HTMLElement, options: CreateMapOptions = {}): maplibregl.Map {
  if (!workerConfigured) {
    // MapLibre 6 is ESM only and cannot find its worker inside a Vite bundle by itself.
    maplibregl.setWorkerUrl(workerUrl);
    workerConfigured = true;
  }
  if (options.rtlTextPlugin) {
    registerRtlTextPlugin().catch((error: unknown) => console.warn('RTL text plugin not loaded', error));
  }
  const base = document.baseURI;
  const appBase = import.meta.env.BASE_URL;
  const style =
    options.styleUrl ??
    basemapStyle({
      glyphsUrl: resolveUrlTemplate(options.glyphsUrl ?? `${appBase}glyphs/{fontstack}/{range}.pbf`, base),
      basemapUrl: resolveUrlTemplate(options.basemapUrl ?? `${appBase}basemap`, base),
      labelScript: options.labelScript ?? 'latin',
      theme: options.theme,
    });
  return new maplibregl.Map({
    container,
    style,
    center: options.center ?? DEFAULT_CENTER,
    zoom: options.zoom ?? DEFAULT_ZOOM,
    minZoom: options.styleUrl ? undefined : MIN_ZOOM,
    maxBounds: options.styleUrl ? undefined : BASEMAP_BOUNDS,
    attributionControl: { compact: true },
  });
}
