/**
 * Reads route lines from a GeoJSON, KML or GPX file in the browser (KML and GPX through @tmcw/togeojson
 * with the browser's DOMParser; tests pass another parser). One format registry: detect by extension,
 * then by content. Every failure is a sentence for the user; nothing here touches the scenario.
 */
import { gpx, kml } from '@tmcw/togeojson';
import type { Geometry, Position } from 'geojson';
import { dropRepeatedPositions, joinLineParts, type LonLat } from '../../shared/index';

export type RouteFileFormat = 'geojson' | 'kml' | 'gpx';

/** A line found in a file, ready to become a route. */
export interface ImportedLine {
  name: string;
  line: LonLat[];
}

/** Why a file could not be read; `reason` is a message key plus parameters. */
export type ImportFailure =
  | { reason: 'unknownType' }
  | { reason: 'invalidJson'; detail: string }
  | { reason: 'invalidXml' }
  | { reason: 'noLines' };

export type ImportResult =
  { ok: true; format: RouteFileFormat; lines: ImportedLine[] } | ({ ok: false } & ImportFailure);

/** Something that parses XML text into a DOM (the browser's DOMParser, or xmldom's in tests). */
export interface XmlParser {
  parseFromString(text: string, type: 'application/xml' | 'text/xml'): Document;
}

/** The file's format from its name, else from its first characters. */
export function detectFormat(fileName: string, text: string): RouteFileFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'geojson' || ext === 'json') return 'geojson';
  if (ext === 'kml') return 'kml';
  if (ext === 'gpx') return 'gpx';
  const head = text.trimStart().slice(0, 2000);
  if (head.startsWith('{')) return 'geojson';
  if (/<kml[\s>]/i.test(head)) return 'kml';
  if (/<gpx[\s>]/i.test(head)) return 'gpx';
  return null;
}

function validPosition(p: Position): boolean {
  return (
    Array.isArray(p) &&
    p.length >= 2 &&
    Number.isFinite(p[0]) &&
    Number.isFinite(p[1]) &&
    Math.abs(p[0]) <= 180 &&
    Math.abs(p[1]) <= 90
  );
}

/**
 * Positions of a line geometry, elevations dropped; MultiLineString parts joined in order where they meet
 * (within 1 km, `joinLineParts`) and separate lines where they do not.
 */
function linesOf(geometry: Geometry | null | undefined): LonLat[][] {
  if (!geometry) return [];
  const positions = (part: Position[]) => part.filter(validPosition).map((p) => [p[0], p[1]] as LonLat);
  switch (geometry.type) {
    case 'LineString':
      return [positions(geometry.coordinates)];
    case 'MultiLineString':
      return joinLineParts(geometry.coordinates.map(positions));
    case 'GeometryCollection':
      return geometry.geometries.flatMap((g) => linesOf(g));
    default:
      return [];
  }
}

function fromFeatures(
  features: readonly { geometry?: Geometry | null; properties?: Record<string, unknown> | null }[],
  baseName: string,
): ImportedLine[] {
  const out: ImportedLine[] = [];
  for (const f of features) {
    const props = f.properties ?? {};
    const given = typeof props.name === 'string' && props.name.trim() ? props.name.trim() : null;
    for (const line of linesOf(f.geometry)) {
      const clean = dropRepeatedPositions(line);
      if (clean.length < 2) continue;
      out.push({ name: (given ?? `${baseName} ${out.length + 1}`).slice(0, 200), line: clean });
    }
  }
  return out;
}

function geoJsonFeatures(
  value: unknown,
): { geometry?: Geometry | null; properties?: Record<string, unknown> | null }[] {
  if (typeof value !== 'object' || value === null) return [];
  const v = value as { type?: unknown; features?: unknown; geometry?: unknown };
  if (v.type === 'FeatureCollection' && Array.isArray(v.features)) return v.features.flatMap(geoJsonFeatures);
  if (v.type === 'Feature')
    return [value as { geometry?: Geometry | null; properties?: Record<string, unknown> | null }];
  if (typeof v.type === 'string' && /LineString|GeometryCollection/.test(v.type))
    return [{ geometry: value as Geometry }];
  return [];
}

function parseXml(text: string, parser: XmlParser): Document | null {
  try {
    const doc = parser.parseFromString(text, 'application/xml');
    if (!doc || !doc.documentElement || doc.getElementsByTagName('parsererror').length > 0) return null;
    return doc;
  } catch {
    return null;
  }
}

/** Reads the lines of a route file. */
export function readRouteFile(fileName: string, text: string, parser: XmlParser): ImportResult {
  const format = detectFormat(fileName, text);
  if (!format) return { ok: false, reason: 'unknownType' };
  const baseName = fileName.replace(/\.[^.]+$/, '') || 'route';
  let lines: ImportedLine[];
  if (format === 'geojson') {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      return { ok: false, reason: 'invalidJson', detail: e instanceof Error ? e.message : String(e) };
    }
    lines = fromFeatures(geoJsonFeatures(value), baseName);
  } else {
    const doc = parseXml(text, parser);
    if (!doc) return { ok: false, reason: 'invalidXml' };
    const root = doc.documentElement.nodeName.toLowerCase();
    if ((format === 'kml' && !root.endsWith('kml')) || (format === 'gpx' && !root.endsWith('gpx'))) {
      return { ok: false, reason: 'invalidXml' };
    }
    const collection = format === 'kml' ? kml(doc) : gpx(doc);
    lines = fromFeatures(collection.features, baseName);
  }
  if (lines.length === 0) return { ok: false, reason: 'noLines' };
  return { ok: true, format, lines };
}
