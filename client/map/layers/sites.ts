import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { COLOURS, UTILISATION_STOPS, rampArgs } from './theme';
import { SOURCES } from './sources';
import { visibility } from './common';

export interface SiteLayerOptions {
  visible: boolean;
  selectedSiteId: string | null;
}

export const SITE_LAYER_IDS = {
  existing: 'ap-existing',
  symbols: 'ap-sites',
  selected: 'ap-sites-selected',
} as const;

/** Names of the SDF icons (see ../site-icons.ts) the site layer draws. */
export const SITE_ICONS = { new: 'ap-site-new', existing: 'ap-site-existing' } as const;

/** Icon size by zoom, shared by the plan's sites and the document's existing sites. */
const SITE_ICON_SIZE: ExpressionSpecification = [
  'interpolate',
  ['linear'],
  ['zoom'],
  5,
  0.3,
  8,
  0.45,
  11,
  0.7,
  14,
  1,
];

/** The white halo around every site icon. */
const SITE_HALO = { 'icon-halo-color': COLOURS.siteHalo, 'icon-halo-width': 1.5 } as const;

/** Colour of a site by its peak utilisation (feature property `peakUtilization`, 0–1). */
export const utilisationColour: ExpressionSpecification = [
  'interpolate',
  ['linear'],
  ['coalesce', ['get', 'peakUtilization'], 0],
  ...rampArgs(UTILISATION_STOPS),
] as ExpressionSpecification;

/**
 * Sites as symbols: a triangle for a new (temporary) site, a square for an existing one, filled with
 * the colour of its peak utilisation and haloed in white; the selected site gets a blue ring. Under them,
 * every existing site of the document as a grey square, so an imported site list shows before any plan
 * (and the existing sites a plan does not use stay visible beside it).
 */
export function siteLayers(o: SiteLayerOptions): LayerSpecification[] {
  return [
    {
      id: SITE_LAYER_IDS.existing,
      type: 'symbol',
      source: SOURCES.existing,
      layout: {
        visibility: visibility(o.visible),
        'icon-image': SITE_ICONS.existing,
        'icon-size': SITE_ICON_SIZE,
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
      },
      paint: {
        'icon-color': COLOURS.siteExisting,
        ...SITE_HALO,
      },
    },
    {
      id: SITE_LAYER_IDS.selected,
      type: 'circle',
      source: SOURCES.sites,
      filter: ['==', ['get', 'id'], o.selectedSiteId ?? ''],
      layout: { visibility: visibility(o.visible && o.selectedSiteId !== null) },
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, 10, 12, 16],
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': COLOURS.routeSelected,
        'circle-stroke-width': 3,
      },
    },
    {
      id: SITE_LAYER_IDS.symbols,
      type: 'symbol',
      source: SOURCES.sites,
      layout: {
        visibility: visibility(o.visible),
        'icon-image': ['case', ['get', 'isNew'], SITE_ICONS.new, SITE_ICONS.existing],
        'icon-size': SITE_ICON_SIZE,
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
        'symbol-sort-key': ['case', ['get', 'isNew'], 1, 0],
      },
      paint: {
        'icon-color': utilisationColour,
        ...SITE_HALO,
      },
    },
  ];
}
