/**
 * `npm run bench:ui`: the browser's speed on the full default scenario, in headless Chromium with
 * software WebGL (SwiftShader: every frame is rasterised on the CPU, so absolute frame times are far
 * above a real GPU's). Prints
 *  - first load: navigation start → scenario loaded, map style ready, crowd model shown, map 'idle';
 *  - slider: 200 hourly steps scrubbed one per frame through the real slider, as requestAnimationFrame
 *    deltas and as main-thread work (our step update + MapLibre's render), each as a ratio to a plain
 *    repaint of the same map (the renderer's floor here) and to the 16.7 ms frame budget.
 */
import type { Page } from 'playwright-core';
import { buildClient, chromiumAvailable, launchChromium, startServer } from './harness';

interface Run {
  deltas: number[];
  updates: number[];
  renders: number[];
  stateSets: number[];
}

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? NaN };
}

const ms = (v: number) => `${v.toFixed(1)} ms`;
const BUDGET_MS = 1000 / 60;

/**
 * Runs `count` frames in the page: each frame either scrubs the slider one step or only asks the map
 * to repaint. MapLibre's render time is measured by wrapping its (private) per-frame `_render`.
 */
function frames(page: Page, mode: 'scrub' | 'repaint', count: number): Promise<Run> {
  return page.evaluate(
    ({ mode, count }) =>
      new Promise<Run>((resolve) => {
        type Handle = {
          map: { triggerRepaint(): void; _render(t: number): unknown };
          view: { showStep(s: number): number };
        };
        const planner = (window as unknown as { __planner: Handle }).__planner;
        const { map, view } = planner;
        const slider = document.querySelector<HTMLInputElement>('[data-testid=time-slider]')!;
        const run: Run = { deltas: [], updates: [], renders: [], stateSets: [] };
        const render = map._render.bind(map);
        map._render = (t: number) => {
          const t0 = performance.now();
          const out = render(t);
          run.renders.push(performance.now() - t0);
          return out;
        };
        const showStep = view.showStep.bind(view);
        view.showStep = (s: number) => {
          const n = showStep(s);
          run.stateSets.push(n);
          return n;
        };
        const first = Math.max(0, Number(slider.max) - count - 40);
        let i = 0;
        let last = 0;
        const frame = (now: number) => {
          if (last) run.deltas.push(now - last);
          last = now;
          if (i >= count) {
            map._render = render;
            view.showStep = showStep;
            resolve(run);
            return;
          }
          const t0 = performance.now();
          if (mode === 'scrub') {
            slider.value = String(first + i);
            slider.dispatchEvent(new Event('input', { bubbles: true }));
          } else {
            map.triggerRepaint();
          }
          run.updates.push(performance.now() - t0);
          i++;
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
    { mode, count },
  );
}

async function main(): Promise<void> {
  if (!chromiumAvailable()) {
    console.error('bench:ui needs /usr/bin/chromium (apt-get install -y chromium)');
    process.exit(2);
  }
  process.stderr.write('building the app…\n');
  await buildClient();
  const server = await startServer();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    // tsx keeps function names with a `__name` helper that does not exist in the page.
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    await page.goto(server.url);
    const load = await page.evaluate(
      () =>
        new Promise<{ idle: number; marks: Record<string, number>; segments: number; steps: number }>(
          (resolve) => {
            type Handle = {
              store: { get(): { timeModel: { segmentCount: number; grid: { stepCount: number } } | null } };
              map: { once(e: string, f: () => void): void; triggerRepaint(): void };
            };
            const wait = () => {
              const p = (window as unknown as { __planner?: Handle }).__planner;
              const model = p?.store.get().timeModel;
              if (!p || !model) return void setTimeout(wait, 10);
              p.map.once('idle', () => {
                const marks: Record<string, number> = {};
                for (const e of performance.getEntriesByType('mark')) marks[e.name] = e.startTime;
                for (const e of performance.getEntriesByType('measure')) marks[e.name] = e.duration;
                resolve({
                  idle: performance.now(),
                  marks,
                  segments: model.segmentCount,
                  steps: model.grid.stepCount,
                });
              });
              p.map.triggerRepaint();
            };
            wait();
          },
        ),
    );
    await page.waitForTimeout(1000);
    const base = await frames(page, 'repaint', 100);
    const scrub = await frames(page, 'scrub', 200);
    const bd = stats(base.deltas);
    const br = stats(base.renders);
    const sd = stats(scrub.deltas);
    const su = stats(scrub.updates);
    const sr = stats(scrub.renders);
    const ss = stats(scrub.stateSets);
    const mainThread = stats(scrub.updates.map((u, i) => u + (scrub.renders[i] ?? 0)));
    const m = load.marks;
    console.log(
      'bench:ui — full default scenario, headless Chromium 1600×1000, software WebGL (SwiftShader)',
    );
    console.log(`  model: ${load.segments} segments × ${load.steps} hourly steps`);
    console.log('  first load:');
    console.log(`    scenario loaded from the server   ${ms(m['ap:scenario-loaded'])}`);
    console.log(`    map style and layers ready        ${ms(m['ap:map-ready'])}`);
    console.log(`    crowd model computed (worker)     ${ms(m['ap:crowd-model'])}`);
    console.log(`    crowd shown                       ${ms(m['ap:model-shown'])}`);
    console.log(`    map idle (everything drawn)       ${ms(load.idle)}`);
    console.log('  slider, 200 steps one per frame, vs. plain repaints of the same map:');
    console.log(
      `    frame time (rAF deltas)    scrub median ${ms(sd.median)} p95 ${ms(sd.p95)} | repaint median ${ms(bd.median)}` +
        ` | ratio ${(sd.median / bd.median).toFixed(2)}`,
    );
    console.log(
      `    MapLibre render (CPU)      scrub median ${ms(sr.median)} p95 ${ms(sr.p95)} | repaint median ${ms(br.median)}`,
    );
    console.log(`    step update (input → feature states)  median ${ms(su.median)} p95 ${ms(su.p95)}`);
    console.log(
      `    main-thread work per step  median ${ms(mainThread.median)} p95 ${ms(mainThread.p95)}` +
        ` = ${(mainThread.median / BUDGET_MS).toFixed(2)}× / ${(mainThread.p95 / BUDGET_MS).toFixed(2)}× the 16.7 ms budget`,
    );
    console.log(
      `    feature states set per step: median ${Math.round(ss.median)}, max ${ss.max} of ${load.segments}`,
    );
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
