/**
 * Design tokens shared by the map's style functions and the legend, so a legend always shows the very
 * stops the layers use. Colours are chosen to stay readable on the light offline basemap and for the
 * common colour-vision deficiencies (sequential ramps vary in lightness, not only in hue).
 */

/** A colour stop of a sequential ramp: value in the metric's unit, CSS hex colour. */
export interface ColourStop {
  value: number;
  colour: string;
}

/** Persons per km along a road (yellow → red → purple, light to dark). */
export const PERSONS_PER_KM_STOPS: readonly ColourStop[] = [
  { value: 0, colour: '#fff7bc' },
  { value: 200, colour: '#fee391' },
  { value: 1_000, colour: '#fec44f' },
  { value: 4_000, colour: '#fe9929' },
  { value: 10_000, colour: '#ec7014' },
  { value: 20_000, colour: '#cc4c02' },
  { value: 40_000, colour: '#8c2d04' },
  { value: 80_000, colour: '#4a1486' },
];

/** DL demand in Mbps per km (light blue → dark blue → violet). */
export const DL_MBPS_PER_KM_STOPS: readonly ColourStop[] = [
  { value: 0, colour: '#deebf7' },
  { value: 0.5, colour: '#c6dbef' },
  { value: 2, colour: '#9ecae1' },
  { value: 5, colour: '#6baed6' },
  { value: 10, colour: '#4292c6' },
  { value: 25, colour: '#2171b5' },
  { value: 50, colour: '#08519c' },
  { value: 100, colour: '#3f007d' },
];

/** Peak utilisation of a site's capacity, 0–1 (green, yellow, orange at the usual 0.7 cap, red). */
export const UTILISATION_STOPS: readonly ColourStop[] = [
  { value: 0, colour: '#1a9850' },
  { value: 0.35, colour: '#91cf60' },
  { value: 0.55, colour: '#fee08b' },
  { value: 0.7, colour: '#fc8d59' },
  { value: 0.9, colour: '#d73027' },
  { value: 1, colour: '#7f0000' },
];

/** Persons present in a hotspot. */
export const HOTSPOT_PERSONS_STOPS: readonly ColourStop[] = [
  { value: 0, colour: '#f2f0f7' },
  { value: 50_000, colour: '#cbc9e2' },
  { value: 250_000, colour: '#9e9ac8' },
  { value: 1_000_000, colour: '#756bb1' },
  { value: 3_000_000, colour: '#54278f' },
];

export const COLOURS = {
  route: '#5b6573',
  routeCasing: '#ffffff',
  routeSelected: '#0b63ce',
  siteNew: '#0b63ce',
  siteExisting: '#36404d',
  siteHalo: '#ffffff',
  coverageNew: '#0b63ce',
  coverageExisting: '#6b7785',
  unserved: '#d6006e',
  join: '#0b7a3e',
  joinStroke: '#ffffff',
  hotspotOutline: '#54278f',
} as const;

/** Flattens stops into the `interpolate` argument list `value, colour, value, colour, …`. */
export function rampArgs(stops: readonly ColourStop[]): (number | string)[] {
  return stops.flatMap((s) => [s.value, s.colour]);
}
