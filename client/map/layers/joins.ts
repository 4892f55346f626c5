import type { LayerSpecification } from 'maplibre-gl';
import { COLOURS } from './theme';
import { SOURCES } from './sources';
import { hiddenRoutesFilter, visibility, withFilter } from './common';

export interface JoinLayerOptions {
  visible: boolean;
  hiddenRouteIds: readonly string[];
}

export const JOIN_LAYER_ID = 'ap-joins';

/** Joins (where walkers enter a route) as green dots, their area growing with the walkers. */
export function joinLayers(o: JoinLayerOptions): LayerSpecification[] {
  return [
    withFilter(
      {
        id: JOIN_LAYER_ID,
        type: 'circle',
        source: SOURCES.joins,
        layout: { visibility: visibility(o.visible) },
        paint: {
          'circle-radius': [
            'interpolate',
            ['linear'],
            // While a walker count is being typed it may be negative (a field error): the smallest dot.
            ['sqrt', ['max', 0, ['to-number', ['get', 'walkers'], 0]]],
            0,
            2.5,
            1000,
            8,
          ],
          'circle-color': COLOURS.join,
          'circle-stroke-color': COLOURS.joinStroke,
          'circle-stroke-width': 1.5,
          'circle-opacity': 0.9,
        },
      } satisfies LayerSpecification,
      hiddenRoutesFilter(o.hiddenRouteIds),
    ),
  ];
}
