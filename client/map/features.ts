/**
 * GeoJSON for the map's sources, built from the scenario document, the time model and the plan. Pure
 * functions: the map view calls them only when their inputs change (never per time step).
 */
import type { Feature, FeatureCollection, LineString, Point, Polygon } from 'geojson';
import {
  coverageRing,
  measureLine,
  positionAtKm,
  sliceLineKm,
  type LonLat,
  type MeasuredLine,
  type PlannedSite,
  type UnservedStretch,
} from '../../shared/index';
import type { ScenarioDoc } from '../state/scenario-edits';
import type { TimeModel } from '../state/time-model';

type FC<G extends LineString | Point | Polygon> = FeatureCollection<G>;

/** Route polylines of the document (those with at least two points), property `routeId`. */
export function routeFeatures(doc: ScenarioDoc): FC<LineString> {
  return {
    type: 'FeatureCollection',
    features: doc.routes
      .filter((r) => r.line.length >= 2)
      .map((r, i) => ({
        type: 'Feature',
        id: i,
        properties: { routeId: r.id, name: r.name },
        geometry: { type: 'LineString', coordinates: r.line.map(([x, y]) => [x, y]) },
      })),
  };
}

/**
 * One feature per model segment with the segment's global index as its numeric feature id: the map
 * loads this once per model and then only sets feature states per time step.
 */
export function segmentFeatures(model: TimeModel): FC<LineString> {
  const features: Feature<LineString>[] = [];
  for (const route of model.routes) {
    if (route.line.length < 2) continue;
    const m = measureLine(route.line);
    const { edgesKm, count } = route.segments;
    for (let i = 0; i < count; i++) {
      features.push({
        type: 'Feature',
        id: route.offset + i,
        // Only what the style filters on: MapLibre decodes a feature's properties on every state
        // change, so chainage and pole numbers stay in the time model (the popup reads them there).
        properties: { routeId: route.routeId },
        geometry: { type: 'LineString', coordinates: sliceLineKm(m, edgesKm[i], edgesKm[i + 1]) },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}

/** Joins as points: at their chainage, or at their given point. */
export function joinFeatures(doc: ScenarioDoc): FC<Point> {
  const features: Feature<Point>[] = [];
  doc.routes.forEach((route) => {
    if (route.line.length < 2) return;
    let m: MeasuredLine | null = null;
    route.joins.forEach((join, j) => {
      let at: LonLat;
      if (join.at) at = join.at as LonLat;
      else {
        m ??= measureLine(route.line as LonLat[]);
        at = positionAtKm(m, join.atKm ?? 0);
      }
      features.push({
        type: 'Feature',
        properties: { routeId: route.id, join: j, walkers: join.walkers, atKm: join.atKm ?? null },
        geometry: { type: 'Point', coordinates: [at[0], at[1]] },
      });
    });
  });
  return { type: 'FeatureCollection', features };
}

/** Hotspot polygons with numeric ids in document order (the feature state carries persons per step). */
export function hotspotFeatures(doc: ScenarioDoc): FC<Polygon> {
  return {
    type: 'FeatureCollection',
    features: (doc.hotspots ?? []).map((h, i) => ({
      type: 'Feature',
      id: i,
      properties: { hotspotId: h.id, name: h.name },
      geometry: {
        type: 'Polygon',
        coordinates: h.area.coordinates.map((ring) => ring.map(([x, y]) => [x, y])),
      },
    })),
  };
}

/** Plan sites as points with the properties the style and the popup read. */
export function siteFeatures(sites: readonly PlannedSite[]): FC<Point> {
  return {
    type: 'FeatureCollection',
    features: sites.map((s, i) => ({
      type: 'Feature',
      id: i,
      properties: {
        id: s.id,
        index: i,
        name: s.name,
        isNew: s.isNew,
        siteTypeId: s.siteTypeId,
        peakUtilization: s.peakUtilization,
      },
      geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
    })),
  };
}

/** The document's existing sites as points (id, name, site type): on the map before any plan. */
export function existingSiteFeatures(doc: ScenarioDoc): FC<Point> {
  return {
    type: 'FeatureCollection',
    features: (doc.existingSites ?? [])
      .filter((s) => Number.isFinite(s.lon) && Number.isFinite(s.lat))
      .map((s, i) => ({
        type: 'Feature',
        id: i,
        properties: { id: s.id, name: s.name ?? s.id, siteTypeId: s.siteType },
        geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
      })),
  };
}

/** Each site's range as a circle polygon. */
export function coverageFeatures(sites: readonly PlannedSite[]): FC<Polygon> {
  return {
    type: 'FeatureCollection',
    features: sites
      .filter((s) => s.rangeKm > 0)
      .map((s) => ({
        type: 'Feature',
        properties: { id: s.id, isNew: s.isNew, rangeKm: s.rangeKm },
        geometry: { type: 'Polygon', coordinates: [coverageRing(s.lon, s.lat, s.rangeKm, 48)] },
      })),
  };
}

/** Unserved stretches along routes as line pieces (hotspot entries have no stretch to draw). */
export function unservedFeatures(doc: ScenarioDoc, stretches: readonly UnservedStretch[]): FC<LineString> {
  const lines = new Map(doc.routes.map((r) => [r.id, r.line as LonLat[]]));
  const measured = new Map<string, MeasuredLine>();
  const features: Feature<LineString>[] = [];
  for (const s of stretches) {
    if (s.routeId === null || s.fromKm === null || s.toKm === null) continue;
    const line = lines.get(s.routeId);
    if (!line || line.length < 2) continue;
    let m = measured.get(s.routeId);
    if (!m) {
      m = measureLine(line);
      measured.set(s.routeId, m);
    }
    features.push({
      type: 'Feature',
      properties: { routeId: s.routeId, reason: s.reason, peakUnservedDlMbps: s.peakUnservedDlMbps },
      geometry: { type: 'LineString', coordinates: sliceLineKm(m, s.fromKm, s.toKm) },
    });
  }
  return { type: 'FeatureCollection', features };
}

export const EMPTY: FC<Point> = { type: 'FeatureCollection', features: [] };
