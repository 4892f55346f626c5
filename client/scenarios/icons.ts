/**
 * Small line icons for the top bar and the banner, drawn as inline SVG in the text colour (no icon font,
 * no emoji: the app must look the same on machines without colour-emoji fonts).
 */
import { svg } from '../panels/dom';

const PATHS = {
  list: 'M3 4h10M3 8h10M3 12h10',
  history: 'M8 3.5a4.5 4.5 0 1 1-4.2 2.9M3.5 3v3h3M8 5.5V8l2 1.5',
  compare: 'M5 3 2.5 5.5 5 8M2.5 5.5h9M11 8l2.5 2.5L11 13M13.5 10.5h-9',
  export: 'M8 2.5v7M5 7l3 3 3-3M3 11.5v2h10v-2',
  globe:
    'M8 2a6 6 0 1 0 0 12A6 6 0 0 0 8 2ZM2 8h12M8 2c1.8 1.7 2.6 3.7 2.6 6S9.8 12.3 8 14M8 2C6.2 3.7 5.4 5.7 5.4 8s.8 4.3 2.6 6',
  lock: 'M4.5 7.5h7v6h-7zM6 7.5V5.5a2 2 0 0 1 4 0v2',
} as const;

export type IconName = keyof typeof PATHS;

/** A 16 × 16 icon, hidden from screen readers (the control's label names it). */
export function icon(name: IconName): SVGSVGElement {
  const el = svg('svg', {
    viewBox: '0 0 16 16',
    width: 16,
    height: 16,
    fill: 'none',
    stroke: 'currentColor',
    'stroke-width': 1.5,
    'stroke-linecap': 'round',
    'stroke-linejoin': 'round',
    'aria-hidden': 'true',
    class: 'ap-icon',
  });
  const path = svg('path', { d: PATHS[name] });
  el.append(path);
  return el;
}
