/**
 * Site symbols as signed-distance-field images, so one image takes any fill colour (`icon-color`, the
 * utilisation ramp) and a halo. Built at run time from polygons: no sprite file to ship. The encoding
 * follows MapLibre's SDF convention: alpha 0.75 on the outline, falling by 1/8 per pixel outwards.
 */
import { SITE_ICONS } from './layers/sites';

export interface SdfImage {
  width: number;
  height: number;
  data: Uint8Array;
}

type Pt = [number, number];

function distanceToSegment(p: Pt, a: Pt, b: Pt): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2)) : 0;
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

function inside(p: Pt, polygon: readonly Pt[]): boolean {
  let hit = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i];
    const [xj, yj] = polygon[j];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

/** Rasterises a polygon (pixel coordinates) into an SDF image of `size` × `size`. */
export function sdfPolygon(polygon: readonly Pt[], size: number): SdfImage {
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const p: Pt = [x + 0.5, y + 0.5];
      let d = Infinity;
      for (let i = 0; i < polygon.length; i++) {
        d = Math.min(d, distanceToSegment(p, polygon[i], polygon[(i + 1) % polygon.length]));
      }
      const signed = inside(p, polygon) ? -d : d;
      const value = Math.max(0, Math.min(1, 0.75 - signed / 8));
      const k = (y * size + x) * 4;
      data[k] = 255;
      data[k + 1] = 255;
      data[k + 2] = 255;
      data[k + 3] = Math.round(value * 255);
    }
  }
  return { width: size, height: size, data };
}

const SIZE = 40;
const PAD = 9;

/** The two site symbols: a triangle (new, temporary site) and a square (existing site). */
export function siteIconImages(): { id: string; image: SdfImage }[] {
  const lo = PAD;
  const hi = SIZE - PAD;
  const triangle: Pt[] = [
    [SIZE / 2, lo - 1],
    [hi + 1, hi],
    [lo - 1, hi],
  ];
  const square: Pt[] = [
    [lo + 2, lo + 2],
    [hi - 2, lo + 2],
    [hi - 2, hi - 2],
    [lo + 2, hi - 2],
  ];
  return [
    { id: SITE_ICONS.new, image: sdfPolygon(triangle, SIZE) },
    { id: SITE_ICONS.existing, image: sdfPolygon(square, SIZE) },
  ];
}
