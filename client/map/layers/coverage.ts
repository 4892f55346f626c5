import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { COLOURS } from './theme';
import { SOURCES } from './sources';
import { visibility } from './common';

export interface CoverageLayerOptions {
  visible: boolean;
}

export const COVERAGE_LAYER_IDS = { fill: 'ap-coverage-fill', outline: 'ap-coverage-outline' } as const;

/** Coverage footprints: each site's range as a circle (property `isNew`), lightly filled, outlined. */
export function coverageLayers(o: CoverageLayerOptions): LayerSpecification[] {
  const colour: ExpressionSpecification = [
    'case',
    ['get', 'isNew'],
    COLOURS.coverageNew,
    COLOURS.coverageExisting,
  ];
  return [
    {
      id: COVERAGE_LAYER_IDS.fill,
      type: 'fill',
      source: SOURCES.coverage,
      layout: { visibility: visibility(o.visible) },
      paint: {
        'fill-color': colour,
        'fill-opacity': ['interpolate', ['linear'], ['zoom'], 6, 0.02, 11, 0.06],
      },
    },
    {
      id: COVERAGE_LAYER_IDS.outline,
      type: 'line',
      source: SOURCES.coverage,
      layout: { visibility: visibility(o.visible) },
      paint: {
        'line-color': colour,
        'line-width': ['interpolate', ['linear'], ['zoom'], 6, 0.5, 11, 1.2],
        'line-opacity': ['interpolate', ['linear'], ['zoom'], 6, 0.25, 11, 0.6],
        'line-dasharray': [3, 2],
      },
    },
  ];
}
