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
      paint: { 'fill-color': colour, 'fill-opacity': 0.07 },
    },
    {
      id: COVERAGE_LAYER_IDS.outline,
      type: 'line',
      source: SOURCES.coverage,
      layout: { visibility: visibility(o.visible) },
      paint: {
        'line-color': colour,
        'line-width': 1,
        'line-opacity': 0.6,
        'line-dasharray': [3, 2],
      },
    },
  ];
}
