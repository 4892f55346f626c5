import { describe, expect, it } from 'vitest';
import { resolveUrlTemplate } from '../../../client/map/basemap-style';
import { decodeGlyphPbf, encodeGlyphRange, type SdfGlyph } from '../../../scripts/basemap/glyph-pbf';

function glyph(
  id: number,
  width: number,
  height: number,
  left: number,
  top: number,
  advance: number,
): SdfGlyph {
  const size = width > 0 ? (width + 6) * (height + 6) : 0;
  return {
    id,
    bitmap: Uint8Array.from({ length: size }, (_, i) => (i * 37) % 256),
    width,
    height,
    left,
    top,
    advance,
  };
}

describe('glyph protobuf', () => {
  it('round-trips glyphs with negative metrics, empty bitmaps and large ids', () => {
    const glyphs = [
      glyph(0xfefc, 9, 18, -2, -9, 10),
      glyph(0x20, 0, 0, 0, -26, 6),
      glyph(0xfeff, 0, 0, 0, -26, 0),
    ];
    const [stack, ...rest] = decodeGlyphPbf(encodeGlyphRange('Test Stack', 65024, glyphs));
    expect(rest).toEqual([]);
    expect(stack.name).toBe('Test Stack');
    expect(stack.range).toBe('65024-65279');
    expect(stack.glyphs.map((g) => ({ ...g, bitmap: [...g.bitmap] }))).toEqual(
      [...glyphs].sort((a, b) => a.id - b.id).map((g) => ({ ...g, bitmap: [...g.bitmap] })),
    );
  });

  it('refuses a bitmap whose size does not match its metrics and the 3 px buffer', () => {
    const bad = { ...glyph(65, 10, 12, 0, -9, 12), bitmap: new Uint8Array(10 * 12) };
    expect(() => encodeGlyphRange('Test Stack', 0, [bad])).toThrow(/expected 288/);
  });
});

describe('resolveUrlTemplate', () => {
  it('makes a glyph template absolute and keeps its placeholders', () => {
    expect(resolveUrlTemplate('/glyphs/{fontstack}/{range}.pbf', 'http://localhost:5173/app/')).toBe(
      'http://localhost:5173/glyphs/{fontstack}/{range}.pbf',
    );
    expect(resolveUrlTemplate('glyphs/{fontstack}/{range}.pbf', 'http://localhost:5173/app/')).toBe(
      'http://localhost:5173/app/glyphs/{fontstack}/{range}.pbf',
    );
  });

  it('leaves absolute URLs alone', () => {
    expect(resolveUrlTemplate('https://tiles.example/basemap', 'http://localhost/')).toBe(
      'https://tiles.example/basemap',
    );
  });
});
