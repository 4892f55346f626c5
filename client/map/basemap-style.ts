/**
 * The offline basemap as a pure function of its options: a complete MapLibre style whose sources are
 * the GeoJSON files in client/public/basemap/ (built by scripts/basemap/build-basemap.ts) and whose
 * labels use the locally served glyphs in client/public/glyphs/ (scripts/basemap/build-glyphs.ts).
 *
 * No DOM, no MapLibre runtime: the tests validate the result against the style specification.
 */
import type {
  DataDrivenPropertyValueSpecification,
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
  StyleSpecification,
} from '@maplibre/maplibre-gl-style-spec';

/** Which name a label shows first: the Latin one or the Arabic-script one (Persian for Iranian towns). */
export type LabelScript = 'latin' | 'arabic';

export type BasemapTheme = 'light';

export interface BasemapStyleOptions {
  /** Glyph URL template with `{fontstack}` and `{range}`, e.g. `/glyphs/{fontstack}/{range}.pbf`. */
  glyphsUrl: string;
  /** URL of the folder holding countries.geojson, borders.geojson, towns.geojson, rivers.geojson. */
  basemapUrl: string;
  labelScript: LabelScript;
  theme?: BasemapTheme;
}

/** The one fontstack the glyph files provide: Noto Sans with Noto Sans Arabic merged in. */
export const BASEMAP_FONTSTACK = 'Noto Sans Regular';

/** The area the basemap's files cover, [[west, south], [east, north]] in degrees (WGS84). */
export const BASEMAP_BOUNDS: [[number, number], [number, number]] = [
  [30, 22],
  [64, 42],
];

/** The GeoJSON files the style reads, relative to `basemapUrl`. */
export const BASEMAP_FILES = {
  countries: 'countries.geojson',
  countryLabels: 'country-labels.geojson',
  borders: 'borders.geojson',
  rivers: 'rivers.geojson',
  towns: 'towns.geojson',
} as const;

/**
 * Layer ids, in drawing order. Overlays (routes, sites, heat) belong below the first label layer:
 * `map.addLayer(layer, BASEMAP_FIRST_LABEL_LAYER_ID)`.
 */
export const BASEMAP_LAYER_IDS = {
  background: 'basemap-sea',
  land: 'basemap-land',
  coast: 'basemap-coast',
  rivers: 'basemap-rivers',
  borders: 'basemap-borders',
  countryLabels: 'basemap-country-labels',
  riverLabels: 'basemap-river-labels',
  townCircles: 'basemap-town-circles',
  townLabels: 'basemap-town-labels',
} as const;

/** Symbol layers placed later win collisions, so towns outrank rivers, and rivers country names. */
export const BASEMAP_FIRST_LABEL_LAYER_ID = BASEMAP_LAYER_IDS.countryLabels;

interface ThemeTokens {
  sea: string;
  land: string;
  /** Iraq and Iran, a shade lighter so the planning area stands out. */
  landFocus: string;
  coast: string;
  border: string;
  river: string;
  riverLabel: string;
  townFill: string;
  townStroke: string;
  arbaeenTownStroke: string;
  label: string;
  countryLabel: string;
  halo: string;
}

const THEMES: Record<BasemapTheme, ThemeTokens> = {
  light: {
    sea: '#c9dfea',
    land: '#ebe8e0',
    landFocus: '#f7f5ef',
    coast: '#9fb8c6',
    border: '#8c7a94',
    river: '#6fa8cf',
    riverLabel: '#2f6f99',
    townFill: '#ffffff',
    townStroke: '#4d4d4d',
    arbaeenTownStroke: '#7a2e1f',
    label: '#2b2b2b',
    countryLabel: '#7d6f85',
    halo: 'rgba(255,255,255,0.9)',
  },
};

/** The label text: the chosen script's name, falling back to the other where a feature lacks it. */
export function labelTextField(labelScript: LabelScript): ExpressionSpecification {
  return labelScript === 'arabic'
    ? ['coalesce', ['get', 'name_ar'], ['get', 'name']]
    : ['coalesce', ['get', 'name'], ['get', 'name_ar']];
}

/**
 * A town's population for sizing; where GeoNames has none (it reports 0 for many district seats) a
 * stand-in by administrative rank, so a province capital never draws as a hamlet.
 */
const populationForSize: ExpressionSpecification = [
  'coalesce',
  ['get', 'population'],
  ['match', ['get', 'capital'], 'national', 1_000_000, 'province', 200_000, 'district', 20_000, 10_000],
];

/** Circle radius (px) growing with the square root of population, so area tracks population. */
function townRadius(minPx: number, maxPx: number): ExpressionSpecification {
  return ['interpolate', ['linear'], ['sqrt', populationForSize], 70, minPx, 2650, maxPx];
}

/** Which town ranks (1 largest … 4 smallest) show at a zoom, so that every dot drawn can be named. */
function townRankFilter(): FilterSpecification {
  return ['<=', ['get', 'rank'], ['step', ['zoom'], 1, 5, 2, 6.5, 3, 8, 4]];
}

/**
 * Resolves a URL (or a URL template with `{fontstack}`/`{range}`) against `base`, keeping the
 * placeholders as they are. MapLibre's workers fetch relative to their own script, so the style must
 * hold absolute URLs.
 */
export function resolveUrlTemplate(url: string, base: string): string {
  const placeholders = ['{fontstack}', '{range}'];
  let masked = url;
  placeholders.forEach((p, i) => (masked = masked.split(p).join(`__placeholder${i}__`)));
  let resolved = new URL(masked, base).href;
  placeholders.forEach((p, i) => (resolved = resolved.split(`__placeholder${i}__`).join(p)));
  return resolved;
}

function joinUrl(base: string, file: string): string {
  return `${base.replace(/\/+$/, '')}/${file}`;
}

/**
 * Builds the offline basemap style: sea, land, coast, rivers, borders, towns (circles sized by
 * population, labels in the chosen script) and country names.
 *
 * @param options.glyphsUrl - glyph URL template (must contain `{fontstack}` and `{range}`)
 * @param options.basemapUrl - folder URL of the basemap GeoJSON files (see {@link BASEMAP_FILES})
 * @param options.labelScript - `latin` shows `name`, `arabic` shows `name_ar`; each falls back to the other
 * @param options.theme - colour theme; only `light` exists
 */
export function basemapStyle(options: BasemapStyleOptions): StyleSpecification {
  const t = THEMES[options.theme ?? 'light'];
  const text = labelTextField(options.labelScript);
  const font = [BASEMAP_FONTSTACK];
  const url = (file: string): string => joinUrl(options.basemapUrl, file);
  // Letter spacing would pull joined Arabic letters apart; keep it for Latin only.
  const countryLetterSpacing = options.labelScript === 'latin' ? 0.12 : 0;
  const townTextSize: DataDrivenPropertyValueSpecification<number> = [
    'match',
    ['get', 'rank'],
    1,
    15,
    2,
    13.5,
    3,
    12.5,
    11.5,
  ];

  const layers: LayerSpecification[] = [
    { id: BASEMAP_LAYER_IDS.background, type: 'background', paint: { 'background-color': t.sea } },
    {
      id: BASEMAP_LAYER_IDS.land,
      type: 'fill',
      source: 'basemap-countries',
      paint: {
        'fill-color': ['match', ['get', 'name'], ['Iraq', 'Iran'], t.landFocus, t.land],
        'fill-antialias': true,
      },
    },
    {
      id: BASEMAP_LAYER_IDS.coast,
      type: 'line',
      source: 'basemap-countries',
      paint: { 'line-color': t.coast, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.5, 10, 1.2] },
    },
    {
      id: BASEMAP_LAYER_IDS.rivers,
      type: 'line',
      source: 'basemap-rivers',
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': t.river,
        'line-width': ['interpolate', ['linear'], ['zoom'], 4, 1, 8, 2.2, 12, 4],
      },
    },
    {
      id: BASEMAP_LAYER_IDS.borders,
      type: 'line',
      source: 'basemap-borders',
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': t.border,
        'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.8, 8, 1.6, 12, 2.4],
        'line-dasharray': [3, 1.5],
      },
    },
    {
      id: BASEMAP_LAYER_IDS.countryLabels,
      type: 'symbol',
      source: 'basemap-country-labels',
      maxzoom: 7.5,
      layout: {
        'text-field': text,
        'text-font': font,
        'text-size': ['interpolate', ['linear'], ['zoom'], 4, 12, 7, 16],
        'text-letter-spacing': countryLetterSpacing,
        'text-max-width': 8,
      },
      paint: { 'text-color': t.countryLabel, 'text-halo-color': t.halo, 'text-halo-width': 1.2 },
    },
    {
      id: BASEMAP_LAYER_IDS.riverLabels,
      type: 'symbol',
      source: 'basemap-rivers',
      minzoom: 6,
      layout: {
        'symbol-placement': 'line',
        'symbol-spacing': 350,
        'text-field': text,
        'text-font': font,
        'text-size': 12,
        'text-max-angle': 30,
      },
      paint: { 'text-color': t.riverLabel, 'text-halo-color': t.halo, 'text-halo-width': 1.2 },
    },
    {
      id: BASEMAP_LAYER_IDS.townCircles,
      type: 'circle',
      source: 'basemap-towns',
      filter: townRankFilter(),
      paint: {
        'circle-radius': [
          'interpolate',
          ['linear'],
          ['zoom'],
          4,
          townRadius(1.5, 5),
          10,
          townRadius(3.5, 12),
        ],
        'circle-color': t.townFill,
        'circle-stroke-color': ['case', ['get', 'arbaeen'], t.arbaeenTownStroke, t.townStroke],
        'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 4, 1, 10, 1.8],
      },
    },
    {
      id: BASEMAP_LAYER_IDS.townLabels,
      type: 'symbol',
      source: 'basemap-towns',
      filter: townRankFilter(),
      layout: {
        'text-field': text,
        'text-font': font,
        'text-size': townTextSize,
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
        'text-radial-offset': 0.6,
        'text-justify': 'auto',
        'text-max-width': 9,
        'symbol-sort-key': ['get', 'rank'],
        'text-padding': 3,
      },
      paint: { 'text-color': t.label, 'text-halo-color': t.halo, 'text-halo-width': 1.4 },
    },
  ];

  return {
    version: 8,
    name: `Arbaeen offline basemap (${options.labelScript})`,
    glyphs: options.glyphsUrl,
    sources: {
      'basemap-countries': {
        type: 'geojson',
        data: url(BASEMAP_FILES.countries),
        attribution: 'Natural Earth',
      },
      'basemap-country-labels': { type: 'geojson', data: url(BASEMAP_FILES.countryLabels) },
      'basemap-borders': { type: 'geojson', data: url(BASEMAP_FILES.borders) },
      'basemap-rivers': { type: 'geojson', data: url(BASEMAP_FILES.rivers) },
      'basemap-towns': {
        type: 'geojson',
        data: url(BASEMAP_FILES.towns),
        attribution: 'GeoNames (CC BY 4.0)',
      },
    },
    layers,
  };
}
