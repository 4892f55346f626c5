import type { LayerSpecification } from 'maplibre-gl';
import { COLOURS } from './theme';
import { SOURCES } from './sources';
import { hiddenRoutesFilter, visibility, withFilter } from './common';

export interface RouteLayerOptions {
  visible: boolean;
  hiddenRouteIds: readonly string[];
  selectedRouteId: string | null;
}

export const ROUTE_LAYER_IDS = {
  casing: 'ap-routes-casing',
  line: 'ap-routes-line',
  selected: 'ap-routes-selected',
} as const;

/**
 * The route polylines (source features carry `routeId`): a white casing and a slate line beneath the
 * crowd colours, so a route with nobody on it still shows where it runs.
 */
export function routeBaseLayers(o: RouteLayerOptions): LayerSpecification[] {
  const filter = hiddenRoutesFilter(o.hiddenRouteIds);
  const layout = { visibility: visibility(o.visible), 'line-cap': 'round', 'line-join': 'round' } as const;
  return [
    withFilter(
      {
        id: ROUTE_LAYER_IDS.casing,
        type: 'line',
        source: SOURCES.routes,
        layout,
        paint: {
          'line-color': COLOURS.routeCasing,
          'line-width': ['interpolate', ['linear'], ['zoom'], 5, 3, 10, 7, 15, 14],
          'line-opacity': 0.9,
        },
      } satisfies LayerSpecification,
      filter,
    ),
    withFilter(
      {
        id: ROUTE_LAYER_IDS.line,
        type: 'line',
        source: SOURCES.routes,
        layout,
        paint: {
          'line-color': COLOURS.route,
          'line-width': ['interpolate', ['linear'], ['zoom'], 5, 1, 10, 2.5, 15, 5],
        },
      } satisfies LayerSpecification,
      filter,
    ),
  ];
}

/** An outline around the selected route, drawn above the crowd colours. */
export function routeSelectionLayers(o: RouteLayerOptions): LayerSpecification[] {
  return [
    {
      id: ROUTE_LAYER_IDS.selected,
      type: 'line',
      source: SOURCES.routes,
      filter: ['==', ['get', 'routeId'], o.selectedRouteId ?? ''],
      layout: {
        visibility: visibility(
          o.visible && o.selectedRouteId !== null && !o.hiddenRouteIds.includes(o.selectedRouteId),
        ),
        'line-cap': 'round',
        'line-join': 'round',
      },
      paint: {
        'line-color': COLOURS.routeSelected,
        'line-width': ['interpolate', ['linear'], ['zoom'], 5, 1.5, 10, 3, 15, 6],
        'line-gap-width': ['interpolate', ['linear'], ['zoom'], 5, 3, 10, 7, 15, 14],
        'line-opacity': 0.9,
      },
    },
  ];
}
