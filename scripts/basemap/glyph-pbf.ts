/**
 * The glyph protobuf MapLibre reads from `{fontstack}/{range}.pbf`, written and read without a
 * protobuf library (the message is small and fixed):
 *
 *   message glyphs    { repeated fontstack stacks = 1; }
 *   message fontstack { string name = 1; string range = 2; repeated glyph glyphs = 3; }
 *   message glyph     { uint32 id = 1; bytes bitmap = 2; uint32 width = 3; uint32 height = 4;
 *                       sint32 left = 5; sint32 top = 6; uint32 advance = 7; }
 *
 * `bitmap` is a signed distance field of (width + 2·3) × (height + 2·3) bytes: MapLibre assumes a
 * 3 px buffer around every glyph. Metrics are in pixels at a 24 px font size; `top` is the bitmap's
 * top edge relative to the baseline minus the font's ascender (the convention of node-fontnik).
 */

/** Pixels of padding MapLibre expects around each glyph's bitmap. */
export const GLYPH_BUFFER_PX = 3;

export interface SdfGlyph {
  id: number;
  bitmap: Uint8Array;
  width: number;
  height: number;
  left: number;
  top: number;
  advance: number;
}

class ProtoWriter {
  private bytes: number[] = [];

  varint(value: number): this {
    let v = value >>> 0;
    while (v > 0x7f) {
      this.bytes.push((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    this.bytes.push(v);
    return this;
  }

  tag(field: number, wireType: 0 | 2): this {
    return this.varint((field << 3) | wireType);
  }

  uint32(field: number, value: number): this {
    return this.tag(field, 0).varint(value);
  }

  sint32(field: number, value: number): this {
    return this.tag(field, 0).varint(((value << 1) ^ (value >> 31)) >>> 0);
  }

  bytesField(field: number, value: Uint8Array): this {
    this.tag(field, 2).varint(value.length);
    for (const b of value) this.bytes.push(b);
    return this;
  }

  string(field: number, value: string): this {
    return this.bytesField(field, new TextEncoder().encode(value));
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

/** Encodes one range of one fontstack, e.g. ("Noto Sans Regular", 0, glyphs of U+0000–U+00FF). */
export function encodeGlyphRange(
  fontstack: string,
  rangeStart: number,
  glyphs: readonly SdfGlyph[],
): Uint8Array {
  const stack = new ProtoWriter().string(1, fontstack).string(2, `${rangeStart}-${rangeStart + 255}`);
  for (const g of [...glyphs].sort((a, b) => a.id - b.id)) {
    const expected =
      g.width > 0 && g.height > 0 ? (g.width + 2 * GLYPH_BUFFER_PX) * (g.height + 2 * GLYPH_BUFFER_PX) : 0;
    if (g.bitmap.length !== expected) {
      throw new Error(
        `glyph U+${g.id.toString(16)}: bitmap has ${g.bitmap.length} bytes, expected ${expected}`,
      );
    }
    const glyph = new ProtoWriter().uint32(1, g.id);
    if (g.bitmap.length > 0) glyph.bytesField(2, g.bitmap);
    glyph.uint32(3, g.width).uint32(4, g.height).sint32(5, g.left).sint32(6, g.top).uint32(7, g.advance);
    stack.bytesField(3, glyph.finish());
  }
  return new ProtoWriter().bytesField(1, stack.finish()).finish();
}

class ProtoReader {
  pos = 0;
  constructor(
    private readonly buf: Uint8Array,
    private readonly end = buf.length,
  ) {}

  done(): boolean {
    return this.pos >= this.end;
  }

  varint(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = this.buf[this.pos++];
      result += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return result;
      shift += 7;
    }
  }

  bytes(): Uint8Array {
    const len = this.varint();
    const out = this.buf.subarray(this.pos, this.pos + len);
    this.pos += len;
    return out;
  }

  skip(wireType: number): void {
    if (wireType === 0) this.varint();
    else if (wireType === 2) this.pos += this.varint();
    else if (wireType === 1) this.pos += 8;
    else if (wireType === 5) this.pos += 4;
    else throw new Error(`unsupported wire type ${wireType}`);
  }
}

/** Decodes a glyph PBF into its fontstacks (name, range, glyphs). */
export function decodeGlyphPbf(data: Uint8Array): { name: string; range: string; glyphs: SdfGlyph[] }[] {
  const stacks: { name: string; range: string; glyphs: SdfGlyph[] }[] = [];
  const top = new ProtoReader(data);
  while (!top.done()) {
    const key = top.varint();
    if (key >> 3 !== 1 || (key & 7) !== 2) {
      top.skip(key & 7);
      continue;
    }
    const sub = top.bytes();
    const r = new ProtoReader(sub);
    const stack = { name: '', range: '', glyphs: [] as SdfGlyph[] };
    while (!r.done()) {
      const k = r.varint();
      const field = k >> 3;
      if (field === 1 && (k & 7) === 2) stack.name = new TextDecoder().decode(r.bytes());
      else if (field === 2 && (k & 7) === 2) stack.range = new TextDecoder().decode(r.bytes());
      else if (field === 3 && (k & 7) === 2) {
        const gr = new ProtoReader(r.bytes());
        const g: SdfGlyph = {
          id: 0,
          bitmap: new Uint8Array(0),
          width: 0,
          height: 0,
          left: 0,
          top: 0,
          advance: 0,
        };
        while (!gr.done()) {
          const gk = gr.varint();
          const zigzag = (): number => {
            const v = gr.varint();
            return (v >>> 1) ^ -(v & 1);
          };
          switch (gk >> 3) {
            case 1:
              g.id = gr.varint();
              break;
            case 2:
              g.bitmap = gr.bytes();
              break;
            case 3:
              g.width = gr.varint();
              break;
            case 4:
              g.height = gr.varint();
              break;
            case 5:
              g.left = zigzag();
              break;
            case 6:
              g.top = zigzag();
              break;
            case 7:
              g.advance = gr.varint();
              break;
            default:
              gr.skip(gk & 7);
          }
        }
        stack.glyphs.push(g);
      } else r.skip(k & 7);
    }
    stacks.push(stack);
  }
  return stacks;
}
