import { gpx, kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import type { Feature, Geometry, Position } from 'geojson';
import { joinLineParts, lineLengthKm, type LonLat } from '../../shared';
import type { ImportRoutesResponse, RouteCandidate } from '../../shared/api';
import { ApiError } from '../middleware/api-error';

export type RouteFileFormat = 'geojson' | 'kml' | 'gpx';

/** Guesses the format from the content: JSON → GeoJSON, `<gpx` → GPX, `<kml` → KML. */
export function detectRouteFormat(text: string): RouteFileFormat | undefined {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{')) return 'geojson';
  if (head.startsWith('<')) {
    const sample = head.slice(0, 4000).toLowerCase();
    if (/<gpx[\s>]/.test(sample)) return 'gpx';
    if (/<kml[\s>]/.test(sample)) return 'kml';
  }
  return undefined;
}

function parseXml(text: string): ReturnType<DOMParser['parseFromString']> {
  // The parser's own sentence: the error it rethrows wraps it in its reporting internals.
  let reason: string | null = null;
  try {
    return new DOMParser({
      onError: (level, message) => {
        if (level === 'warning') return;
        reason ??= message;
        throw new Error(message);
      },
    }).parseFromString(text, 'text/xml');
  } catch (e) {
    const why = (reason ?? (e as Error).message).split('\n')[0];
    throw new ApiError('invalid_file', `not well-formed XML: ${why}`, '');
  }
}

/** [lon, lat] rounded to 7 decimals, elevation dropped, or null when out of range. */
function lonLat(p: Position): LonLat | null {
  const [lon, lat] = p;
  if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat))
    return null;
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90) return null;
  return [Math.round(lon * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7];
}

/**
 * The lines of a geometry's parts: out-of-range positions dropped (and counted), parts joined in order
 * where they meet (`joinLineParts`: within 1 km), split where they do not.
 */
function partLines(parts: Position[][]): { lines: LonLat[][]; invalid: number } {
  let invalid = 0;
  const valid = parts.map((part) =>
    part.flatMap((p) => {
      const q = lonLat(p);
      if (!q) invalid++;
      return q ? [q] : [];
    }),
  );
  return { lines: joinLineParts(valid), invalid };
}

function featureName(f: Feature, index: number): string {
  const p = (f.properties ?? {}) as Record<string, unknown>;
  for (const key of ['name', 'Name', 'NAME', 'title', 'route', 'id']) {
    const v = p[key];
    if ((typeof v === 'string' && v.trim() !== '') || typeof v === 'number')
      return String(v).trim().slice(0, 200);
  }
  if (f.id !== undefined) return String(f.id).slice(0, 200);
  return `Line ${index + 1}`;
}

/** Lines of a geometry: LineString and MultiLineString, searching inside GeometryCollections. */
function lines(g: Geometry | null): { type: 'LineString' | 'MultiLineString'; parts: Position[][] }[] {
  if (!g) return [];
  if (g.type === 'LineString') return [{ type: 'LineString', parts: [g.coordinates] }];
  if (g.type === 'MultiLineString') return [{ type: 'MultiLineString', parts: g.coordinates }];
  if (g.type === 'GeometryCollection') return g.geometries.flatMap(lines);
  return [];
}

function featuresOfGeoJson(text: string): Feature[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ApiError('invalid_file', `not valid JSON: ${(e as Error).message}`, '');
  }
  const o = doc as { type?: unknown; features?: unknown; geometry?: unknown };
  if (!o || typeof o !== 'object') throw new ApiError('invalid_file', 'not a GeoJSON object', '');
  if (o.type === 'FeatureCollection' && Array.isArray(o.features)) {
    return (o.features as unknown[]).filter(
      (f): f is Feature => !!f && typeof f === 'object' && (f as { type?: unknown }).type === 'Feature',
    );
  }
  if (o.type === 'Feature') return [o as Feature];
  if (typeof o.type === 'string') return [{ type: 'Feature', properties: {}, geometry: doc as Geometry }];
  throw new ApiError('invalid_file', 'not a GeoJSON FeatureCollection, Feature or geometry', '');
}

/**
 * Reads every line of a GeoJSON, KML or GPX file (LineString, MultiLineString, lines inside geometry
 * collections; GPX tracks and routes) and lists it with its name, point count and geodesic length, so the
 * user can pick routes. Elevations are dropped; MultiLineString parts are joined in order where they meet
 * (within 1 km) and listed as separate lines where they do not. Points and
 * polygons are reported as skipped. Throws a 422 ApiError for unreadable files or files without lines.
 */
export function readRouteFile(text: string, format = detectRouteFormat(text)): ImportRoutesResponse {
  if (!format) throw new ApiError('invalid_file', 'not a GeoJSON, KML or GPX file', '');
  let features: Feature[];
  if (format === 'geojson') features = featuresOfGeoJson(text);
  else {
    const doc = parseXml(text);
    const root = doc.documentElement?.localName?.toLowerCase();
    if (root !== format)
      throw new ApiError(
        'invalid_file',
        `not a ${format.toUpperCase()} document (root <${root ?? '?'}>)`,
        '',
      );
    features = (format === 'kml' ? kml(doc) : gpx(doc)).features as Feature[];
  }
  const routes: RouteCandidate[] = [];
  const skipped: ImportRoutesResponse['skipped'] = [];
  features.forEach((f, i) => {
    const name = featureName(f, i);
    const found = lines(f.geometry);
    if (found.length === 0) {
      skipped.push({ name, reason: `${f.geometry?.type ?? 'no geometry'} is not a line` });
      return;
    }
    const pieces = found.flatMap((l) => {
      const { lines, invalid } = partLines(l.parts);
      return (lines.length > 0 ? lines : [[]]).map((line) => ({ type: l.type, line, invalid }));
    });
    pieces.forEach(({ type, line, invalid }, k) => {
      const label = pieces.length > 1 ? `${name} (${k + 1})` : name;
      if (line.length < 2) {
        skipped.push({
          name: label,
          reason: `fewer than 2 valid positions${invalid ? ` (${invalid} out of range)` : ''}`,
        });
        return;
      }
      routes.push({
        index: routes.length,
        name: label,
        geometryType: type,
        pointCount: line.length,
        lengthKm: Math.round(lineLengthKm(line) * 1000) / 1000,
        line,
      });
    });
  });
  if (routes.length === 0) {
    throw new ApiError(
      'invalid_file',
      `no line found in the ${format.toUpperCase()} file${skipped.length ? ` (${skipped.length} other features skipped)` : ''}`,
      '',
    );
  }
  return { format, routes, skipped };
}
