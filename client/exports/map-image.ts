/**
 * A picture of the map as it is shown. The WebGL canvas keeps its pixels only until the frame is
 * composited (the map is created without `preserveDrawingBuffer`, which would cost every frame), so the
 * pixels are read inside the `render` event of a repaint asked for on purpose. A caption strip under the
 * map names the scenario, the revision, the hour shown and the map data's sources.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

/** Reads the map's canvas as a PNG data URL right after it has drawn a frame. */
export function captureMapCanvas(map: MapLibreMap): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = window.setTimeout(() => reject(new Error('the map did not draw a frame')), 10_000);
    map.once('render', () => {
      window.clearTimeout(timer);
      try {
        resolve(map.getCanvas().toDataURL('image/png'));
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
    map.triggerRepaint();
  });
}

export interface CaptionLines {
  /** Scenario name and revision. */
  title: string;
  /** The hour shown, the language's date. */
  subtitle: string;
  /** Data sources (Natural Earth, GeoNames) and the app's name. */
  credit: string;
  dir: 'ltr' | 'rtl';
}

async function loadImage(src: string): Promise<HTMLImageElement> {
  const img = new Image();
  img.src = src;
  await img.decode();
  return img;
}

/** The map with a caption strip below it, as a PNG data URL. */
export async function mapImageWithCaption(map: MapLibreMap, caption: CaptionLines): Promise<string> {
  const shot = await loadImage(await captureMapCanvas(map));
  const scale = shot.width / Math.max(1, map.getCanvas().clientWidth || shot.width);
  const strip = Math.round(54 * scale);
  const canvas = document.createElement('canvas');
  canvas.width = shot.width;
  canvas.height = shot.height + strip;
  const ctx = canvas.getContext('2d');
  if (!ctx) return canvas.toDataURL('image/png');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(shot, 0, 0);
  ctx.strokeStyle = '#c7cdd4';
  ctx.beginPath();
  ctx.moveTo(0, shot.height + 0.5);
  ctx.lineTo(canvas.width, shot.height + 0.5);
  ctx.stroke();
  const pad = Math.round(12 * scale);
  const rtl = caption.dir === 'rtl';
  ctx.direction = caption.dir;
  ctx.textAlign = rtl ? 'right' : 'left';
  const x = rtl ? canvas.width - pad : pad;
  const font = (px: number, weight = 400) =>
    `${weight} ${Math.round(px * scale)}px system-ui, "Noto Sans", "Noto Sans Arabic", sans-serif`;
  ctx.fillStyle = '#1f2933';
  ctx.font = font(15, 600);
  ctx.fillText(caption.title, x, shot.height + Math.round(22 * scale));
  ctx.fillStyle = '#4b5563';
  ctx.font = font(12);
  ctx.fillText(caption.subtitle, x, shot.height + Math.round(42 * scale));
  ctx.textAlign = rtl ? 'left' : 'right';
  ctx.fillStyle = '#6b7785';
  ctx.font = font(11);
  ctx.fillText(caption.credit, rtl ? pad : canvas.width - pad, shot.height + Math.round(42 * scale));
  return canvas.toDataURL('image/png');
}
