/**
 * Right-to-left text for map labels (Arabic, Persian), from a file the app serves itself.
 *
 * MapLibre 6 already shapes Arabic into its presentation forms and orders bidirectional text without
 * a plugin; it still accepts the Mapbox RTL text plugin (ICU compiled to WebAssembly), which then
 * replaces the built-in code. Registering it is optional: {@link createMap} does so only when asked.
 */
import * as maplibregl from 'maplibre-gl';
// The package's "exports" map hides dist/, so the file is addressed by path; Vite copies it as an asset.
import rtlTextPluginUrl from '../../node_modules/@mapbox/mapbox-gl-rtl-text/dist/mapbox-gl-rtl-text.js?url';

/** Where the app serves the RTL text plugin (a local URL: the app works offline). */
export const RTL_TEXT_PLUGIN_URL: string = rtlTextPluginUrl;

/**
 * Registers the RTL text plugin from the local URL, lazily: MapLibre loads it into its workers the
 * first time a label holds right-to-left text. Safe to call more than once.
 */
export async function registerRtlTextPlugin(url: string = RTL_TEXT_PLUGIN_URL): Promise<void> {
  if (maplibregl.getRTLTextPluginStatus() !== 'unavailable') return;
  await maplibregl.setRTLTextPlugin(url, true);
}
