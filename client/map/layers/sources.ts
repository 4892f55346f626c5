/** Ids of the GeoJSON sources the map view owns; layer style functions refer to them by these ids. */
export const SOURCES = {
  routes: 'ap-routes',
  segments: 'ap-segments',
  /** The same segment features, carrying only the per-step unserved state (set only with a plan). */
  segmentsUnserved: 'ap-segments-unserved',
  joins: 'ap-joins',
  hotspots: 'ap-hotspots',
  sites: 'ap-sites',
  /** The document's existing sites, drawn before any plan and under the plan's sites. */
  existing: 'ap-existing',
  coverage: 'ap-coverage',
  unserved: 'ap-unserved',
} as const;

export type SourceId = (typeof SOURCES)[keyof typeof SOURCES];

/** Prefix of every layer id the app adds (keeps them apart from basemap and terra-draw layers). */
export const LAYER_PREFIX = 'ap-';

/** Feature-state keys set per time step on segment and hotspot features. */
export const STATE = {
  /** Persons per km on a segment (shared stretches summed), or persons present in a hotspot. */
  persons: 'p',
  /** DL demand, Mbps per km (segments) or Mbps (hotspots). */
  dlMbps: 'm',
  /** Unserved DL Mbps on the segment at this step (0 when served or no plan). */
  unserved: 'u',
} as const;
