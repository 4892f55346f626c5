import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateStyleMin, type StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  BASEMAP_BOUNDS,
  BASEMAP_FILES,
  BASEMAP_FONTSTACK,
  basemapStyle,
  type LabelScript,
} from '../../../client/map/basemap-style';
import { decodeGlyphPbf, GLYPH_BUFFER_PX } from '../../../scripts/basemap/glyph-pbf';

const publicDir = join(import.meta.dirname, '..', '..', '..', 'client', 'public');
const GLYPHS_URL = '/glyphs/{fontstack}/{range}.pbf';
const BASEMAP_URL = '/basemap';
const SCRIPTS: LabelScript[] = ['latin', 'arabic'];

function styleFor(labelScript: LabelScript): StyleSpecification {
  return basemapStyle({ glyphsUrl: GLYPHS_URL, basemapUrl: BASEMAP_URL, labelScript });
}

function readGeoJson(file: string): FeatureCollection {
  return JSON.parse(readFileSync(join(publicDir, 'basemap', file), 'utf8')) as FeatureCollection;
}

/** The file a style URL served from client/public points at. */
function publicPath(url: string): string {
  return join(publicDir, decodeURIComponent(url.replace(/^\//, '')));
}

function positionsOf(geometry: Geometry): Position[] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'LineString':
      return geometry.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
    default:
      throw new Error(`unexpected geometry ${geometry.type}`);
  }
}

const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F]/u;

/**
 * Every Arabic Presentation Form a shaper may substitute for the letters of `text`: all forms whose
 * compatibility decomposition is one of those letters, and the lam-alef ligatures when both occur.
 */
function presentationFormsFor(letters: Set<string>): number[] {
  const forms: number[] = [];
  const ranges: [number, number][] = [
    [0xfb50, 0xfdff],
    [0xfe70, 0xfeff],
  ];
  for (const [from, to] of ranges) {
    for (let cp = from; cp <= to; cp++) {
      const decomposed = String.fromCodePoint(cp).normalize('NFKC');
      const chars = [...decomposed];
      const isLamAlef = cp >= 0xfef5 && cp <= 0xfefc;
      if (chars.length === 1 && chars[0] !== String.fromCodePoint(cp) && letters.has(chars[0]))
        forms.push(cp);
      else if (isLamAlef && chars.every((c) => letters.has(c))) forms.push(cp);
    }
  }
  return forms;
}

const glyphCache = new Map<string, Set<number>>();
function glyphIdsIn(file: string): Set<number> {
  let ids = glyphCache.get(file);
  if (!ids) {
    const stacks = decodeGlyphPbf(readFileSync(file));
    ids = new Set(stacks.flatMap((s) => s.glyphs.map((g) => g.id)));
    glyphCache.set(file, ids);
  }
  return ids;
}

describe('basemapStyle', () => {
  it.each(SCRIPTS)('validates against the style specification with %s labels', (labelScript) => {
    const errors = validateStyleMin(styleFor(labelScript));
    expect(errors.map((e) => e.message)).toEqual([]);
  });

  it('shows name_ar first for arabic labels and name first for latin labels, each falling back to the other', () => {
    const textField = (s: LabelScript): unknown =>
      styleFor(s).layers.find((l) => l.id === 'basemap-town-labels')?.layout?.['text-field' as never];
    expect(textField('arabic')).toEqual(['coalesce', ['get', 'name_ar'], ['get', 'name']]);
    expect(textField('latin')).toEqual(['coalesce', ['get', 'name'], ['get', 'name_ar']]);
  });

  it('reads every source from a file that is committed', () => {
    const style = styleFor('latin');
    for (const source of Object.values(style.sources)) {
      expect(source.type).toBe('geojson');
      const data = (source as { data: string }).data;
      expect(existsSync(publicPath(data)), data).toBe(true);
    }
  });

  it.each(SCRIPTS)('has on disk every glyph its %s labels can ask for', (labelScript) => {
    const style = styleFor(labelScript);
    const missing: string[] = [];
    for (const layer of style.layers) {
      if (layer.type !== 'symbol') continue;
      const fontstacks = layer.layout?.['text-font'] as string[];
      expect(fontstacks).toEqual([BASEMAP_FONTSTACK]);
      const source = style.sources[layer.source] as { data: string };
      const fc = JSON.parse(readFileSync(publicPath(source.data), 'utf8')) as FeatureCollection;
      // The text field coalesces name and name_ar, so either can be drawn.
      const texts = fc.features.flatMap((f) => [f.properties?.name, f.properties?.name_ar]).filter(Boolean);
      const chars = new Set(texts.flatMap((t: string) => [...t]));
      const arabicLetters = new Set([...chars].filter((c) => ARABIC_LETTER.test(c)));
      const needed = new Set([...chars].map((c) => c.codePointAt(0)!));
      for (const form of presentationFormsFor(arabicLetters)) needed.add(form);
      for (const fontstack of fontstacks) {
        for (const cp of needed) {
          const start = Math.floor(cp / 256) * 256;
          const url = GLYPHS_URL.replace('{fontstack}', fontstack).replace(
            '{range}',
            `${start}-${start + 255}`,
          );
          const file = publicPath(url);
          if (!existsSync(file)) missing.push(`${url} (U+${cp.toString(16)})`);
          else if (!glyphIdsIn(file).has(cp)) missing.push(`U+${cp.toString(16)} in ${url}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('glyph files', () => {
  const dir = join(publicDir, 'glyphs', BASEMAP_FONTSTACK);
  const ranges = [0, 256, 1536, 64256, 65024];

  it.each(ranges)('range %i names its fontstack and range and has bitmaps MapLibre can read', (start) => {
    const stacks = decodeGlyphPbf(readFileSync(join(dir, `${start}-${start + 255}.pbf`)));
    expect(stacks).toHaveLength(1);
    expect(stacks[0].name).toBe(BASEMAP_FONTSTACK);
    expect(stacks[0].range).toBe(`${start}-${start + 255}`);
    expect(stacks[0].glyphs.length).toBeGreaterThan(100);
    for (const g of stacks[0].glyphs) {
      expect(g.id).toBeGreaterThanOrEqual(start);
      expect(g.id).toBeLessThan(start + 256);
      const size = g.width > 0 ? (g.width + 2 * GLYPH_BUFFER_PX) * (g.height + 2 * GLYPH_BUFFER_PX) : 0;
      expect(g.bitmap.length).toBe(size);
    }
  });

  it('puts Latin capitals on the baseline convention MapLibre expects (top = glyph top − 24 px ascender)', () => {
    const [stack] = decodeGlyphPbf(readFileSync(join(dir, '0-255.pbf')));
    const capitalH = stack.glyphs.find((g) => g.id === 'H'.codePointAt(0))!;
    // Cap height of Noto Sans at 24 px is about 17 px; node-fontnik subtracts the 26 px ascender.
    expect(capitalH.height).toBeGreaterThanOrEqual(16);
    expect(capitalH.height).toBeLessThanOrEqual(18);
    expect(capitalH.top).toBeGreaterThanOrEqual(-10);
    expect(capitalH.top).toBeLessThanOrEqual(-8);
  });
});

describe('basemap GeoJSON', () => {
  const [[west, south], [east, north]] = BASEMAP_BOUNDS;
  const expectedTypes: Record<keyof typeof BASEMAP_FILES, string[]> = {
    countries: ['Polygon', 'MultiPolygon'],
    countryLabels: ['Point'],
    borders: ['LineString', 'MultiLineString'],
    rivers: ['LineString'],
    towns: ['Point'],
  };

  it.each(Object.entries(BASEMAP_FILES))(
    '%s parses, has the expected geometry and lies in the region',
    (key, file) => {
      const fc = readGeoJson(file);
      expect(fc.type).toBe('FeatureCollection');
      expect(fc.features.length).toBeGreaterThan(0);
      const types = [...new Set(fc.features.map((f) => f.geometry.type))];
      expect(expectedTypes[key as keyof typeof BASEMAP_FILES]).toEqual(expect.arrayContaining(types));
      const outside = fc.features
        .flatMap((f) => positionsOf(f.geometry))
        .filter(([lon, lat]) => !(lon >= west && lon <= east && lat >= south && lat <= north));
      expect(outside).toEqual([]);
    },
  );

  it('names Iraq and Iran among the countries, in Latin and Arabic', () => {
    const names = readGeoJson(BASEMAP_FILES.countries).features.map((f) => [
      f.properties?.name,
      f.properties?.name_ar,
    ]);
    expect(names).toContainEqual(['Iraq', 'العراق']);
    expect(names).toContainEqual(['Iran', 'إيران']);
  });

  it('has Najaf, Karbala and Basra with Arabic names, populations and the Arbaeen flag', () => {
    const towns = readGeoJson(BASEMAP_FILES.towns).features;
    const byName = (name: string): Feature | undefined => towns.find((f) => f.properties?.name === name);
    const expected: [string, string][] = [
      ['Najaf', 'النجف'],
      ['Karbala', 'كربلاء'],
      ['Basra', 'البصرة'],
    ];
    for (const [name, nameAr] of expected) {
      const town = byName(name);
      expect(town, name).toBeDefined();
      expect(town!.properties).toMatchObject({ name_ar: nameAr, country: 'IQ', arbaeen: true });
      expect(town!.properties!.population).toBeGreaterThan(100_000);
    }
  });

  it('keeps every town property typed as documented', () => {
    for (const f of readGeoJson(BASEMAP_FILES.towns).features) {
      const p = f.properties!;
      expect(typeof p.name).toBe('string');
      expect(p.name_ar === null || typeof p.name_ar === 'string').toBe(true);
      expect(p.population === null || (Number.isInteger(p.population) && p.population > 0)).toBe(true);
      expect(['IQ', 'IR']).toContain(p.country);
      expect([1, 2, 3, 4]).toContain(p.rank);
      expect(typeof p.arbaeen).toBe('boolean');
    }
  });

  it('draws the Euphrates, the Tigris and the Shatt al-Arab meeting at Qurnah', () => {
    const rivers = readGeoJson(BASEMAP_FILES.rivers).features;
    expect(rivers.map((r) => r.properties?.id).sort()).toEqual(['euphrates', 'shatt-al-arab', 'tigris']);
    const ends = new Map(
      rivers.map((r) => {
        const line = (r.geometry as { coordinates: Position[] }).coordinates;
        return [r.properties?.id as string, { first: line[0], last: line[line.length - 1] }];
      }),
    );
    expect(ends.get('euphrates')!.last).toEqual(ends.get('shatt-al-arab')!.first);
    expect(ends.get('tigris')!.last).toEqual(ends.get('shatt-al-arab')!.first);
  });
});
