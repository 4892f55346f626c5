/**
 * A small editable bar chart of a join's departure profile: one bar per horizon date, height = share of
 * the join's walkers setting out that day. Drag up and down on a bar (or across bars) to set shares;
 * one drag is one undo step. SVG: 20-odd bars need no canvas, and stay crisp and accessible.
 */
import { svg } from '../panels/dom';
import { formatNumber, formatPercent, t } from '../i18n/index';
import { digitsLabel } from './axis-format';

export interface DepartureChartOptions {
  key: string;
  dates: readonly string[];
  shares: ReadonlyMap<string, number>;
  arbaeenDay: string;
  /** A share changed while dragging. */
  onChange(date: string, share: number): void;
  /** The drag ended (seal the undo step). */
  onCommit(): void;
}

const W = 276;
const H = 96;
const PAD = { left: 28, right: 4, top: 6, bottom: 18 };

interface LiveChart {
  el: SVGSVGElement;
  dragging: boolean;
  update(o: DepartureChartOptions): void;
}

const live = new Map<string, LiveChart>();

/** Snaps a share to 0.5 % steps so dragged profiles stay readable. */
export function snapShare(share: number): number {
  return Math.round(Math.min(1, Math.max(0, share)) * 200) / 200;
}

function scaleMax(shares: ReadonlyMap<string, number>): number {
  const max = Math.max(0, ...shares.values());
  return Math.min(1, Math.max(0.25, Math.ceil(max * 1.25 * 20) / 20));
}

/** The chart for `o.key`: the live one while it is being dragged (so a re-render does not break the drag). */
export function departureChart(o: DepartureChartOptions): SVGSVGElement {
  const existing = live.get(o.key);
  if (existing?.dragging) {
    existing.update(o);
    return existing.el;
  }
  const el = svg('svg', {
    viewBox: `0 0 ${W} ${H}`,
    width: W,
    height: H,
    class: 'departure-chart',
    role: 'img',
  });
  el.dataset.testid = o.key;
  el.setAttribute('aria-label', t('route.departures'));
  let options = o;
  let yMax = scaleMax(o.shares);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const barW = () => plotW / Math.max(1, options.dates.length);

  const draw = () => {
    el.replaceChildren();
    const axis = svg('g', { class: 'axis' });
    for (const f of [0, 0.5, 1]) {
      const y = PAD.top + plotH * (1 - f);
      axis.append(svg('line', { x1: PAD.left, x2: W - PAD.right, y1: y, y2: y, class: 'grid' }));
      const label = svg('text', { x: PAD.left - 3, y: y + 3, 'text-anchor': 'end' });
      label.textContent = formatPercent(yMax * f, 0);
      axis.append(label);
    }
    el.append(axis);
    const arbaeenIndex = options.dates.indexOf(options.arbaeenDay);
    options.dates.forEach((date, i) => {
      const share = options.shares.get(date) ?? 0;
      const x = PAD.left + i * barW();
      const hgt = (Math.min(share, yMax) / yMax) * plotH;
      const isArbaeen = date === options.arbaeenDay;
      const bar = svg('rect', {
        x: x + 1,
        y: PAD.top + plotH - hgt,
        width: Math.max(1, barW() - 2),
        height: Math.max(0, hgt),
        class: isArbaeen ? 'bar arbaeen' : 'bar',
      });
      const title = svg('title');
      title.textContent = `${date}: ${formatNumber(share * 100, 1)} %`;
      bar.append(title);
      el.append(bar);
      const day = Number(date.slice(8, 10));
      // Every fifth day and the first, but not beside Arbaeen's starred label (they would overlap).
      const besideArbaeen = arbaeenIndex >= 0 && Math.abs(i - arbaeenIndex) === 1;
      if (isArbaeen || ((i === 0 || day % 5 === 0) && !besideArbaeen)) {
        const label = svg('text', {
          x: x + barW() / 2,
          y: H - 5,
          'text-anchor': 'middle',
          class: isArbaeen ? 'arbaeen' : '',
        });
        label.textContent = isArbaeen ? `${digitsLabel(day)}*` : digitsLabel(day);
        el.append(label);
      }
    });
  };

  const valueAt = (e: PointerEvent): { date: string; share: number } | null => {
    const rect = el.getBoundingClientRect();
    const x = ((e.clientX - rect.left) / rect.width) * W - PAD.left;
    const y = ((e.clientY - rect.top) / rect.height) * H - PAD.top;
    const i = Math.floor(x / barW());
    if (i < 0 || i >= options.dates.length) return null;
    return { date: options.dates[i], share: snapShare((1 - y / plotH) * yMax) };
  };

  const chart: LiveChart = {
    el,
    dragging: false,
    update(next) {
      options = next;
      draw();
    },
  };
  el.addEventListener('pointerdown', (e) => {
    chart.dragging = true;
    yMax = scaleMax(options.shares);
    el.setPointerCapture(e.pointerId);
    const v = valueAt(e);
    if (v) options.onChange(v.date, v.share);
  });
  el.addEventListener('pointermove', (e) => {
    if (!chart.dragging) return;
    const v = valueAt(e);
    if (v) options.onChange(v.date, v.share);
  });
  const end = () => {
    if (!chart.dragging) return;
    chart.dragging = false;
    options.onCommit();
    yMax = scaleMax(options.shares);
    draw();
  };
  el.addEventListener('pointerup', end);
  el.addEventListener('pointercancel', end);
  live.set(o.key, chart);
  draw();
  return el;
}
