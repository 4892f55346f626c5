/**
 * Generates the SDF glyph ranges MapLibre draws labels with, for one fontstack that holds both Latin
 * (Noto Sans) and Arabic-script (Noto Sans Arabic) glyphs, under client/public/glyphs/<fontstack>/.
 * The outputs are committed; the app never runs this.
 *
 *   apt-get install -y fonts-noto-core chromium     # the fonts (SIL OFL 1.1) and a browser to draw them
 *   npx tsx scripts/basemap/build-glyphs.ts
 *
 * Why a browser: no package here ships ready glyph PBFs, and node-fontnik is a native build. Headless
 * Chromium draws each code point on a canvas with the font loaded through the FontFace API, and
 * TinySDF (@mapbox/tiny-sdf, the rasteriser MapLibre itself uses for local glyphs) turns it into a
 * signed distance field with MapLibre's parameters: 24 px, 3 px buffer, radius 8, cutoff 0.25.
 *
 * Arabic is drawn glyph by glyph in its Presentation Forms (U+FB50–U+FDFF, U+FE70–U+FEFF): MapLibre
 * (or the RTL text plugin) rewrites each letter to the form it takes in its word before asking for a
 * glyph, so every form must be in the PBFs. Combining marks (general category Mn) are left out: drawn
 * alone, the browser puts them on a dotted circle.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { encodeGlyphRange, GLYPH_BUFFER_PX, type SdfGlyph } from './glyph-pbf';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));

/** The fontstack name the style's `text-font` uses. Must match client/map/basemap-style.ts. */
export const FONTSTACK = 'Noto Sans Regular';
const outDir = join(here, '..', '..', 'client', 'public', 'glyphs', FONTSTACK);

const FONT_DIR = process.env.NOTO_FONT_DIR ?? '/usr/share/fonts/truetype/noto';
const LATIN_FONT = join(FONT_DIR, 'NotoSans-Regular.ttf');
const ARABIC_FONT = join(FONT_DIR, 'NotoSansArabic-Regular.ttf');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Debian's copyright file for the fonts, whose OFL text is shipped beside the glyphs. */
const FONT_COPYRIGHT = '/usr/share/doc/fonts-noto-core/copyright';
const licenceFile = join(here, '..', '..', 'client', 'public', 'glyphs', 'OFL.txt');

/**
 * First code point of each 256-code-point range shipped: Latin-1, Latin Extended-A/B and spacing
 * modifiers, Arabic, Arabic Supplement, Latin Extended Additional, General Punctuation (ZWNJ, quotes),
 * Arabic Presentation Forms-A (3 ranges, incl. the Persian letters' forms) and -B.
 */
export const GLYPH_RANGE_STARTS = [0, 256, 512, 1536, 1792, 7680, 8192, 64256, 64512, 64768, 65024] as const;

const FONT_SIZE_PX = 24;
const SDF_RADIUS_PX = 8;
const SDF_CUTOFF = 0.25;

/** Code points a TrueType font maps, from fontconfig's charset listing ("20-7e a0-377 ..."). */
function fontCharset(file: string): Set<number> {
  const listing = execFileSync('fc-query', ['--format', '%{charset}', file], { encoding: 'utf8' });
  const set = new Set<number>();
  for (const part of listing.trim().split(/\s+/)) {
    const [a, b] = part.split('-').map((h) => parseInt(h, 16));
    for (let cp = a; cp <= (b ?? a); cp++) set.add(cp);
  }
  return set;
}

function isArabicBlock(cp: number): boolean {
  return (
    (cp >= 0x0600 && cp <= 0x06ff) ||
    (cp >= 0x0750 && cp <= 0x077f) ||
    (cp >= 0x08a0 && cp <= 0x08ff) ||
    (cp >= 0xfb50 && cp <= 0xfdff) ||
    (cp >= 0xfe70 && cp <= 0xfeff)
  );
}

type Face = 'latin' | 'arabic';

/** Which font draws a code point, or null to leave it out. */
function faceFor(cp: number, latin: Set<number>, arabic: Set<number>): Face | null {
  const ch = String.fromCodePoint(cp);
  if (/\p{Mn}|\p{Cc}|\p{Cs}/u.test(ch)) return null;
  if (isArabicBlock(cp) && arabic.has(cp)) return 'arabic';
  if (latin.has(cp)) return 'latin';
  if (arabic.has(cp)) return 'arabic';
  return null;
}

interface DrawnGlyph {
  id: number;
  data: string; // base64
  glyphWidth: number;
  glyphHeight: number;
  glyphTop: number;
  glyphLeft: number;
  glyphAdvance: number;
}

/**
 * The SIL Open Font License text and the fonts' copyright, from Debian's machine-readable copyright
 * file: the OFL asks that derivatives (these SDF renderings) travel with both.
 */
function fontLicenceText(): string {
  const copyright = readFileSync(FONT_COPYRIGHT, 'utf8');
  const stanza = copyright.split(/\n(?=License: OFL-1\.1\n )/)[1];
  if (!stanza) throw new Error(`no OFL-1.1 licence text in ${FONT_COPYRIGHT}`);
  const body = stanza
    .split('\n')
    .slice(1)
    .filter((line) => line.startsWith(' '))
    .map((line) => (line.trim() === '.' ? '' : line.slice(1)))
    .join('\n');
  return [
    'The glyphs in this folder are signed distance field renderings of Noto Sans Regular and',
    'Noto Sans Arabic Regular (Debian package fonts-noto-core), made by scripts/basemap/build-glyphs.ts.',
    '',
    'Copyright 2010, 2012-2020 Google Inc.; 2015-2020 Google LLC.',
    'This Font Software is licensed under the SIL Open Font License, Version 1.1.',
    '',
    body.trim(),
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  for (const f of [LATIN_FONT, ARABIC_FONT, CHROMIUM, FONT_COPYRIGHT]) {
    if (!existsSync(f)) throw new Error(`${f} is missing: apt-get install -y fonts-noto-core chromium`);
  }
  const latin = fontCharset(LATIN_FONT);
  const arabic = fontCharset(ARABIC_FONT);
  const tinySdfSource = readFileSync(require.resolve('@mapbox/tiny-sdf'), 'utf8').replace(
    'export default class TinySDF',
    'window.TinySDF = class TinySDF',
  );
  // Plain browser JavaScript (kept out of the TypeScript that tsx compiles, whose helpers the page lacks).
  const drawGlyphsSource = `
    // A DOM canvas sees the document's FontFaces; TinySDF would otherwise pick an OffscreenCanvas.
    class DomTinySDF extends window.TinySDF {
      _createCanvas(n) {
        const c = document.createElement('canvas');
        c.width = c.height = n;
        return c;
      }
    }
    window.drawGlyphs = ({ wanted, size, buffer, radius, cutoff }) => {
      const sdfs = new Map();
      for (const face of ['latin', 'arabic']) {
        // Sized for glyphs three ems wide (Arabic ligatures), then drawn at the real size.
        const sdf = new DomTinySDF({ fontSize: size * 3, buffer, radius, cutoff, fontFamily: 'glyphs-' + face });
        sdf.ctx.font = size + 'px glyphs-' + face;
        sdfs.set(face, sdf);
      }
      return wanted.map(({ id, face }) => {
        const g = sdfs.get(face).draw(String.fromCodePoint(id));
        let bin = '';
        for (const b of g.data) bin += String.fromCharCode(b);
        return {
          id,
          data: btoa(bin),
          glyphWidth: g.glyphWidth,
          glyphHeight: g.glyphHeight,
          glyphTop: g.glyphTop,
          glyphLeft: g.glyphLeft,
          glyphAdvance: g.glyphAdvance,
        };
      });
    };`;

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--headless',
      '--disable-background-networking',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ content: tinySdfSource });
    await page.addScriptTag({ content: drawGlyphsSource });
    const fonts = {
      latin: readFileSync(LATIN_FONT).toString('base64'),
      arabic: readFileSync(ARABIC_FONT).toString('base64'),
    };
    const ascenderPx = await page.evaluate(
      async ({ fonts, size }) => {
        for (const [family, b64] of Object.entries(fonts)) {
          const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
          const face = new FontFace(`glyphs-${family}`, bytes);
          await face.load();
          document.fonts.add(face);
        }
        const ctx = document.createElement('canvas').getContext('2d')!;
        ctx.font = `${size}px glyphs-latin`;
        // FreeType rounds the scaled ascender up to whole pixels; node-fontnik subtracts that from top.
        return Math.ceil(ctx.measureText('H').fontBoundingBoxAscent);
      },
      { fonts, size: FONT_SIZE_PX },
    );
    console.error(`ascender at ${FONT_SIZE_PX}px: ${ascenderPx}px`);

    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    let total = 0;
    for (const start of GLYPH_RANGE_STARTS) {
      const wanted: { id: number; face: Face }[] = [];
      for (let cp = start; cp < start + 256; cp++) {
        const face = faceFor(cp, latin, arabic);
        if (face) wanted.push({ id: cp, face });
      }
      const drawn = (await page.evaluate(
        (args) => (window as unknown as { drawGlyphs: (a: unknown) => unknown }).drawGlyphs(args),
        { wanted, size: FONT_SIZE_PX, buffer: GLYPH_BUFFER_PX, radius: SDF_RADIUS_PX, cutoff: SDF_CUTOFF },
      )) as DrawnGlyph[];
      const glyphs: SdfGlyph[] = drawn.map((d) => {
        const empty = d.glyphWidth === 0 || d.glyphHeight === 0;
        return {
          id: d.id,
          bitmap: empty ? new Uint8Array(0) : Uint8Array.from(Buffer.from(d.data, 'base64')),
          width: empty ? 0 : d.glyphWidth,
          height: empty ? 0 : d.glyphHeight,
          left: d.glyphLeft,
          top: d.glyphTop - ascenderPx,
          advance: Math.max(0, Math.round(d.glyphAdvance)),
        };
      });
      const pbf = encodeGlyphRange(FONTSTACK, start, glyphs);
      writeFileSync(join(outDir, `${start}-${start + 255}.pbf`), pbf);
      total += pbf.length;
      console.error(
        `${start}-${start + 255}: ${glyphs.length} glyphs, ${(pbf.length / 1024).toFixed(0)} KiB`,
      );
    }
    writeFileSync(licenceFile, fontLicenceText());
    console.error(`total ${(total / 1024).toFixed(0)} KiB in ${outDir}; licence in ${licenceFile}`);
  } finally {
    await browser.close();
  }
}

await main();
