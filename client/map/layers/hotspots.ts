import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { COLOURS, HOTSPOT_PERSONS_STOPS, rampArgs } from './theme';
import { SOURCES, STATE } from './sources';
import { stateNumber, visibility } from './common';

export interface HotspotLayerOptions {
  visible: boolean;
}

export const HOTSPOT_LAYER_IDS = { fill: 'ap-hotspots-fill', outline: 'ap-hotspots-outline' } as const;

/** Hotspot polygons filled by the persons present at the shown hour (feature state, set per step). */
export function hotspotLayers(o: HotspotLayerOptions): LayerSpecification[] {
  const persons = stateNumber(STATE.persons);
  return [
    {
      id: HOTSPOT_LAYER_IDS.fill,
      type: 'fill',
      source: SOURCES.hotspots,
      layout: { visibility: visibility(o.visible) },
      paint: {
        'fill-color': [
          'interpolate',
          ['linear'],
          persons,
          ...rampArgs(HOTSPOT_PERSONS_STOPS),
        ] as ExpressionSpecification,
        'fill-opacity': 0.55,
      },
    },
    {
      id: HOTSPOT_LAYER_IDS.outline,
      type: 'line',
      source: SOURCES.hotspots,
      layout: { visibility: visibility(o.visible) },
      paint: { 'line-color': COLOURS.hotspotOutline, 'line-width': 1.5 },
    },
  ];
}
