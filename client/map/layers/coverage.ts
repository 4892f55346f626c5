import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { COLOURS } from './theme';
import { SOURCES } from './sources';
import { visibility } from './common';

export interface CoverageLayerOptions {
  visible: boolean;
  selectedSiteId: string | null;
}

export const COVERAGE_LAYER_IDS = {
  fill: 'ap-coverage-fill',
  outline: 'ap-coverage-outline',
  selected: 'ap-coverage-selected',
} as const;

/**
 * Coverage footprints: each site's range as a circle (property `isNew`). A plan of the whole season has
 * hundreds of sites whose circles overlap, so all footprints are faint (a barely tinted fill and a thin
 * dashed outline, stronger when zoomed in) and the selected site's footprint is drawn firmly on top.
 */
export function coverageLayers(o: CoverageLayerOptions): LayerSpecification[] {
  const colour: ExpressionSpecification = [
    'case',
    ['get', 'isNew'],
    COLOURS.coverageNew,
    COLOURS.coverageExisting,
  ];
  const selected: ExpressionSpecification = ['==', ['get', 'id'], o.selectedSiteId ?? ''];
  return [
    {
      id: COVERAGE_LAYER_IDS.fill,
      type: 'fill',
      source: SOURCES.coverage,
      layout: { visibility: visibility(o.visible) },
      paint: {
        'fill-color': colour,
        'fill-opacity': [
          'interpolate',
          ['linear'],
          ['zoom'],
          7,
          ['case', selected, 0.16, 0.008],
          12,
          ['case', selected, 0.16, 0.04],
        ],
      },
    },
    {
      id: COVERAGE_LAYER_IDS.outline,
      type: 'line',
      source: SOURCES.coverage,
      layout: { visibility: visibility(o.visible) },
      paint: {
        'line-color': colour,
        'line-width': ['interpolate', ['linear'], ['zoom'], 7, 0.4, 12, 1],
        'line-opacity': ['interpolate', ['linear'], ['zoom'], 7, 0.12, 12, 0.35],
        'line-dasharray': [3, 2],
      },
    },
    {
      id: COVERAGE_LAYER_IDS.selected,
      type: 'line',
      source: SOURCES.coverage,
      filter: ['==', ['get', 'id'], o.selectedSiteId ?? ''],
      layout: { visibility: visibility(o.visible && o.selectedSiteId !== null) },
      paint: { 'line-color': COLOURS.routeSelected, 'line-width': 2 },
    },
  ];
}
