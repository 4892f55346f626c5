import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { DL_MBPS_PER_KM_STOPS, PERSONS_PER_KM_STOPS, rampArgs, type ColourStop } from './theme';
import { SOURCES, STATE } from './sources';
import { hiddenRoutesFilter, stateNumber, visibility, withFilter } from './common';

/** What the segment colours show. */
export type SegmentMetric = 'persons' | 'dlMbps';

export interface SegmentLayerOptions {
  visible: boolean;
  metric: SegmentMetric;
  hiddenRouteIds: readonly string[];
}

export const SEGMENT_LAYER_ID = 'ap-segments';

/** The feature-state key and colour ramp of a metric. */
export function metricRamp(metric: SegmentMetric): { key: string; stops: readonly ColourStop[] } {
  return metric === 'persons'
    ? { key: STATE.persons, stops: PERSONS_PER_KM_STOPS }
    : { key: STATE.dlMbps, stops: DL_MBPS_PER_KM_STOPS };
}

/** Line width (px) growing with the metric, for a zoom level's base and full widths. */
function widthFor(value: ExpressionSpecification, stops: readonly ColourStop[], base: number, full: number) {
  const top = stops[stops.length - 2].value;
  return ['interpolate', ['linear'], value, 0, base, top, full] as ExpressionSpecification;
}

/**
 * Route segments coloured and widened by the shown hour's persons per km (or DL Mbps per km). The source
 * is loaded once with numeric feature ids; each time step only sets feature states, so scrubbing never
 * re-tiles the data. Segments nobody is on at that hour are transparent (the route line shows through).
 */
export function segmentLayers(o: SegmentLayerOptions): LayerSpecification[] {
  const { key, stops } = metricRamp(o.metric);
  const value = stateNumber(key);
  return [
    withFilter(
      {
        id: SEGMENT_LAYER_ID,
        type: 'line',
        source: SOURCES.segments,
        layout: { visibility: visibility(o.visible), 'line-cap': 'butt', 'line-join': 'round' },
        paint: {
          'line-color': ['interpolate', ['linear'], value, ...rampArgs(stops)] as ExpressionSpecification,
          'line-width': [
            'interpolate',
            ['linear'],
            ['zoom'],
            5,
            widthFor(value, stops, 2, 6),
            10,
            widthFor(value, stops, 3, 12),
            15,
            widthFor(value, stops, 5, 26),
          ],
          'line-opacity': ['case', ['>', value, 0], 0.95, 0],
        },
      } satisfies LayerSpecification,
      hiddenRoutesFilter(o.hiddenRouteIds),
    ),
  ];
}
