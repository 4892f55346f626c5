import type { LayerSpecification } from 'maplibre-gl';
import { coverageLayers } from './coverage';
import { hotspotLayers } from './hotspots';
import { joinLayers } from './joins';
import { routeBaseLayers, routeSelectionLayers } from './routes';
import { segmentLayers, type SegmentMetric } from './segments';
import { siteLayers } from './sites';
import { unservedLayers } from './unserved';

export * from './theme';
export * from './sources';
export type { SegmentMetric } from './segments';

/** Layer groups the user can switch on and off (one legend entry each). */
export type LayerGroup = 'hotspots' | 'coverage' | 'routes' | 'unserved' | 'segments' | 'joins' | 'sites';

export const LAYER_GROUPS: readonly LayerGroup[] = [
  'segments',
  'sites',
  'coverage',
  'unserved',
  'hotspots',
  'joins',
  'routes',
];

/** Everything the workspace's layers depend on. */
export interface WorkspaceLayerOptions {
  visible: Readonly<Record<LayerGroup, boolean>>;
  metric: SegmentMetric;
  hiddenRouteIds: readonly string[];
  selectedRouteId: string | null;
  selectedSiteId: string | null;
}

/**
 * All of the app's layers, bottom to top: hotspots, coverage, route lines, unserved stretches, crowd
 * segments, the selected route, joins, sites. A pure function of the options: the map view diffs the
 * result against what it last applied, and the tests validate it against the MapLibre style spec.
 */
export function workspaceLayers(o: WorkspaceLayerOptions): LayerSpecification[] {
  const routeOptions = {
    visible: o.visible.routes,
    hiddenRouteIds: o.hiddenRouteIds,
    selectedRouteId: o.selectedRouteId,
  };
  return [
    ...hotspotLayers({ visible: o.visible.hotspots }),
    ...coverageLayers({ visible: o.visible.coverage, selectedSiteId: o.selectedSiteId }),
    ...routeBaseLayers(routeOptions),
    ...unservedLayers({ visible: o.visible.unserved, hiddenRouteIds: o.hiddenRouteIds }),
    ...segmentLayers({ visible: o.visible.segments, metric: o.metric, hiddenRouteIds: o.hiddenRouteIds }),
    ...routeSelectionLayers({ ...routeOptions, visible: true }),
    ...joinLayers({ visible: o.visible.joins, hiddenRouteIds: o.hiddenRouteIds }),
    ...siteLayers({ visible: o.visible.sites, selectedSiteId: o.selectedSiteId }),
  ];
}
