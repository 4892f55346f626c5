import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { DL_MBPS_PER_KM_STOPS, PERSONS_PER_KM_STOPS, type ColourStop } from './theme';
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

/** Hex `#rrggbb` with an alpha, as `rgba()`. */
function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha})`;
}

/**
 * The colour ramp as `interpolate` arguments, transparent at exactly 0 and fading in below the first
 * stop above 0, so empty segments let the route line show through without a separate opacity
 * expression (one data-driven paint property keeps the per-step feature-state update cheap).
 */
export function transparentZeroRamp(stops: readonly ColourStop[]): (number | string)[] {
  const first = stops[0];
  const second = stops[1];
  const fadeIn = Math.min(second.value / 4, 1);
  return [
    first.value,
    withAlpha(first.colour, 0),
    fadeIn,
    withAlpha(first.colour, 0.9),
    ...stops.slice(1).flatMap((s) => [s.value, s.colour]),
  ];
}

/**
 * Route segments coloured by the shown hour's persons per km (or DL Mbps per km). The source is loaded
 * once with numeric feature ids; each time step only sets feature states, so scrubbing never re-tiles
 * the data. Only the colour reads the state (widths follow the zoom), which keeps MapLibre's per-step
 * repaint of changed features to one expression per segment.
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
        layout: { visibility: visibility(o.visible), 'line-cap': 'butt', 'line-join': 'miter' },
        paint: {
          'line-color': [
            'interpolate',
            ['linear'],
            value,
            ...transparentZeroRamp(stops),
          ] as ExpressionSpecification,
          'line-width': ['interpolate', ['linear'], ['zoom'], 5, 3.5, 9, 6, 12, 10, 15, 18],
        },
      } satisfies LayerSpecification,
      hiddenRoutesFilter(o.hiddenRouteIds),
    ),
  ];
}
