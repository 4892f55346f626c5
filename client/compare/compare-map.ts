/**
 * The comparison map: the sites of two plans coloured by what changed (added in B, removed from A,
 * kept in both), with the same symbols as the workspace (triangle: new site, square: existing site),
 * over the routes of both scenarios (A dashed, B solid). Features and layers are pure functions; the
 * view owns the MapLibre map.
 */
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import type { LayerSpecification, Map as MapLibreMap, GeoJSONSource } from 'maplibre-gl';
import type { LonLat } from '../../shared/index';
import { boundsOf } from '../map/geometry';
import { SITE_ICONS } from '../map/layers/sites';
import { siteIconImages } from '../map/site-icons';
import type { MatchableSite, SiteChange, SiteDiff } from './site-match';

/**
 * Colours of the three kinds of change: blue, red and grey tell apart for the common colour-vision
 * deficiencies too (red-green would not), and removed sites also get a ring.
 */
export const CHANGE_COLOURS: Readonly<Record<SiteChange, string>> = {
  added: '#2c7bb6',
  removed: '#d7191c',
  kept: '#6b7785',
};

export const COMPARE_SOURCES = {
  sites: 'cmp-sites',
  routesA: 'cmp-routes-a',
  routesB: 'cmp-routes-b',
} as const;
export const COMPARE_LAYER_IDS = {
  routesA: 'cmp-routes-a',
  routesB: 'cmp-routes-b',
  sites: 'cmp-sites',
  removedRing: 'cmp-removed-ring',
} as const;

interface NamedSite extends MatchableSite {
  name: string;
}

/** One point per site: kept ones at their B position, with `change`, `isNew`, `name` and `type`. */
export function siteChangeFeatures<A extends NamedSite, B extends NamedSite>(
  diff: SiteDiff<A, B>,
): FeatureCollection<Point> {
  const f = (s: NamedSite, change: SiteChange): Feature<Point> => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
    properties: { change, isNew: s.isNew, name: s.name, type: s.siteTypeId },
  });
  return {
    type: 'FeatureCollection',
    features: [
      ...diff.kept.map((p) => f(p.b, 'kept')),
      ...diff.removed.map((s) => f(s, 'removed')),
      ...diff.added.map((s) => f(s, 'added')),
    ],
  };
}

/** Route lines of a scenario document. */
export function routeLineFeatures(
  routes: readonly { id: string; name: string; line: readonly (readonly number[])[] }[],
): FeatureCollection<LineString> {
  return {
    type: 'FeatureCollection',
    features: routes.map((r) => ({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: r.line.map((p) => [p[0], p[1]]) },
      properties: { id: r.id, name: r.name },
    })),
  };
}

/** The layers, bottom to top: A's routes (dashed), B's routes, removed sites' rings, all sites. */
export function compareLayers(): LayerSpecification[] {
  const colour = [
    'match',
    ['get', 'change'],
    'added',
    CHANGE_COLOURS.added,
    'removed',
    CHANGE_COLOURS.removed,
    CHANGE_COLOURS.kept,
  ] as unknown as string;
  return [
    {
      id: COMPARE_LAYER_IDS.routesB,
      type: 'line',
      source: COMPARE_SOURCES.routesB,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': '#3d4a5c', 'line-width': 3, 'line-opacity': 0.75 },
    },
    {
      id: COMPARE_LAYER_IDS.routesA,
      type: 'line',
      source: COMPARE_SOURCES.routesA,
      paint: { 'line-color': '#7b3294', 'line-width': 2, 'line-dasharray': [2, 2], 'line-opacity': 0.9 },
    },
    {
      id: COMPARE_LAYER_IDS.removedRing,
      type: 'circle',
      source: COMPARE_SOURCES.sites,
      filter: ['==', ['get', 'change'], 'removed'],
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, 4, 9, 6, 13, 11],
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': CHANGE_COLOURS.removed,
        'circle-stroke-width': 1.5,
      },
    },
    {
      id: COMPARE_LAYER_IDS.sites,
      type: 'symbol',
      source: COMPARE_SOURCES.sites,
      layout: {
        'icon-image': ['case', ['get', 'isNew'], SITE_ICONS.new, SITE_ICONS.existing],
        'icon-size': ['interpolate', ['linear'], ['zoom'], 5, 0.4, 8, 0.6, 11, 0.85, 14, 1.1],
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
        'symbol-sort-key': ['match', ['get', 'change'], 'kept', 0, 'removed', 1, 2],
      },
      paint: { 'icon-color': colour, 'icon-halo-color': '#ffffff', 'icon-halo-width': 1.5 },
    },
  ] as LayerSpecification[];
}

/** Adds the comparison's images, sources and layers to a loaded map (once). */
export function installCompareLayers(map: MapLibreMap): void {
  for (const { id, image } of siteIconImages()) {
    if (!map.hasImage(id)) map.addImage(id, image, { sdf: true, pixelRatio: 2 });
  }
  const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
  for (const id of Object.values(COMPARE_SOURCES)) {
    if (!map.getSource(id)) map.addSource(id, { type: 'geojson', data: empty });
  }
  for (const layer of compareLayers()) if (!map.getLayer(layer.id)) map.addLayer(layer);
}

/** Shows a comparison and frames it. */
export function showComparison(
  map: MapLibreMap,
  sites: FeatureCollection,
  routesA: FeatureCollection<LineString>,
  routesB: FeatureCollection<LineString>,
): void {
  (map.getSource(COMPARE_SOURCES.sites) as GeoJSONSource | undefined)?.setData(sites);
  (map.getSource(COMPARE_SOURCES.routesA) as GeoJSONSource | undefined)?.setData(routesA);
  (map.getSource(COMPARE_SOURCES.routesB) as GeoJSONSource | undefined)?.setData(routesB);
  const positions: LonLat[] = [];
  for (const f of [...routesA.features, ...routesB.features])
    for (const p of f.geometry.coordinates) positions.push([p[0], p[1]]);
  for (const f of sites.features) {
    if (f.geometry.type === 'Point') positions.push(f.geometry.coordinates as LonLat);
  }
  const b = boundsOf(positions);
  // The dialog may have changed size since the map was made: measure it before framing.
  map.resize();
  if (b)
    map.fitBounds(
      [
        [b[0], b[1]],
        [b[2], b[3]],
      ],
      { padding: 30, animate: false, maxZoom: 13 },
    );
}
