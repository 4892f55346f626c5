import type { LayerSpecification } from 'maplibre-gl';
import { COLOURS } from './theme';
import { SOURCES, STATE } from './sources';
import { hiddenRoutesFilter, stateNumber, visibility, withFilter } from './common';

export interface UnservedLayerOptions {
  visible: boolean;
  hiddenRouteIds: readonly string[];
}

export const UNSERVED_LAYER_IDS = { stretches: 'ap-unserved-stretches', now: 'ap-unserved-now' } as const;

/**
 * Where the plan leaves demand unserved: the plan's stretches (any hour) as a wide dashed magenta band
 * under the crowd colours, and — from the per-step feature state — a solid magenta border around the
 * segments unserved at the shown hour.
 */
export function unservedLayers(o: UnservedLayerOptions): LayerSpecification[] {
  const filter = hiddenRoutesFilter(o.hiddenRouteIds);
  const unservedNow = stateNumber(STATE.unserved);
  return [
    withFilter(
      {
        id: UNSERVED_LAYER_IDS.stretches,
        type: 'line',
        source: SOURCES.unserved,
        layout: { visibility: visibility(o.visible), 'line-cap': 'butt' },
        paint: {
          'line-color': COLOURS.unserved,
          'line-width': ['interpolate', ['linear'], ['zoom'], 5, 8, 10, 16, 15, 30],
          'line-dasharray': [1.5, 1],
          'line-opacity': 0.55,
        },
      } satisfies LayerSpecification,
      filter,
    ),
    withFilter(
      {
        id: UNSERVED_LAYER_IDS.now,
        type: 'line',
        source: SOURCES.segmentsUnserved,
        layout: { visibility: visibility(o.visible), 'line-cap': 'butt' },
        paint: {
          'line-width': ['interpolate', ['linear'], ['zoom'], 5, 7, 9, 10, 12, 15, 15, 24],
          'line-color': ['case', ['>', unservedNow, 0], COLOURS.unserved, 'rgba(0,0,0,0)'],
        },
      } satisfies LayerSpecification,
      filter,
    ),
  ];
}
