/**
 * uPlot in a panel cell: sizes the plot to its container (ResizeObserver), and offers a "now" marker
 * plugin that draws the slider's current time as a vertical line without re-running the data.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** Creates a plot that follows the size of `container`. */
export function mountPlot(
  container: HTMLElement,
  options: Omit<uPlot.Options, 'width' | 'height'>,
  data: uPlot.AlignedData,
): uPlot {
  let legendHeight = 24;
  const size = () => ({
    width: Math.max(120, Math.floor(container.clientWidth)),
    height: Math.max(60, Math.floor(container.clientHeight - legendHeight - 4)),
  });
  const plot = new uPlot({ ...options, ...size() }, data, container);
  const legend = plot.root.querySelector<HTMLElement>('.u-legend');
  if (legend) {
    legendHeight = legend.offsetHeight;
    plot.setSize(size());
  }
  let pending = 0;
  new ResizeObserver(() => {
    if (pending) return;
    pending = requestAnimationFrame(() => {
      pending = 0;
      if (legend) legendHeight = legend.offsetHeight;
      plot.setSize(size());
    });
  }).observe(container);
  return plot;
}

/** Draws a vertical line at the x value `at()` returns (null: none). Call `plot.redraw(false)` to move it. */
export function nowMarker(at: () => number | null, colour = '#d6006e'): uPlot.Plugin {
  return {
    hooks: {
      draw: [
        (u: uPlot) => {
          const x = at();
          if (x === null) return;
          const px = u.valToPos(x, 'x', true);
          if (!(px >= u.bbox.left && px <= u.bbox.left + u.bbox.width)) return;
          const ctx = u.ctx;
          ctx.save();
          ctx.strokeStyle = colour;
          ctx.lineWidth = 1.5 * devicePixelRatio;
          ctx.beginPath();
          ctx.moveTo(px, u.bbox.top);
          ctx.lineTo(px, u.bbox.top + u.bbox.height);
          ctx.stroke();
          ctx.restore();
        },
      ],
    },
  };
}

/** Axis and grid styling shared by the app's plots. */
export const AXIS_STYLE = {
  stroke: '#4b5563',
  grid: { stroke: '#e5e7eb', width: 1 },
  ticks: { stroke: '#d1d5db', width: 1 },
  font: '11px system-ui, sans-serif',
  labelFont: '11px system-ui, sans-serif',
} as const;

/**
 * An axis size (for `size`) that leaves room for the widest tick label, so the axis title beside the
 * labels never overlaps them ("۱۰۰ هزار" is much wider than "100k"): tick length, gap, the widest
 * label and some clearance before the title, at least `min` pixels.
 */
export function fitAxisSize(min: number): uPlot.Axis.Size {
  let last = min;
  return (u, values, axisIdx, cycleNum) => {
    // uPlot re-runs the layout until the axes settle: keep the size found once the values are known.
    if (cycleNum > 1 || !values) return last;
    const axis = u.axes[axisIdx];
    const ctx = u.ctx;
    ctx.save();
    ctx.font = AXIS_STYLE.font;
    let widest = 0;
    for (const value of values) {
      for (const line of String(value ?? '').split('\n'))
        widest = Math.max(widest, ctx.measureText(line).width);
    }
    ctx.restore();
    const tick = axis.ticks?.size ?? 10;
    const gap = axis.gap ?? 5;
    last = Math.max(min, Math.ceil(tick + gap + widest + 6));
    return last;
  };
}

/** Local-epoch seconds are local wall time: show them as UTC so uPlot does not shift them. */
export const localTzDate = (ts: number): Date => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC');
