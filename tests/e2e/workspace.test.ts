/**
 * The browser workspace end to end: the real server, the built app, Debian's Chromium. One journey
 * through the app in order (load, scrub, plan, draw, undo, import, join), each step checked through
 * the DOM, the map's rendered pixels and feature states, with screenshots in tests/e2e/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapView } from '../../client/map/map-view';
import type { WorkspaceStore } from '../../client/state/workspace';
import {
  SCREENSHOTS,
  buildClient,
  chromiumAvailable,
  launchChromium,
  startServer,
  type RunningServer,
} from './harness';

interface PlannerHandle {
  store: WorkspaceStore;
  map: MapLibreMap;
  view: MapView;
}

declare global {
  interface Window {
    __planner: PlannerHandle;
    __saved?: unknown;
  }
}

const available = chromiumAvailable();
if (!available)
  console.warn('e2e: /usr/bin/chromium is missing (apt-get install -y chromium): browser tests skipped');

/** 2025-08-12 06:00 and 18:00 local on the default scenario's grid (starts 2025-07-26 00:00). */
const MORNING_STEP = 17 * 24 + 6;
const EVENING_STEP = 17 * 24 + 18;

describe.skipIf(!available)('browser workspace (Chromium, real server)', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const pageErrors: string[] = [];

  const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });

  /** Resolves when the map has drawn everything it is waiting for. */
  const mapIdle = () =>
    page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const map = window.__planner.map;
          map.once('idle', () => resolve());
          map.triggerRepaint();
        }),
    );

  const routeCount = () => page.evaluate(() => window.__planner.store.get().history.present.routes.length);

  /** Screen position (page coordinates) of a lon/lat on the map. */
  const screenPoint = async (lonLat: [number, number]) => {
    const box = (await page.locator('[data-testid=map] canvas').boundingBox())!;
    const p = await page.evaluate((ll) => window.__planner.map.project(ll), lonLat);
    return { x: box.x + p.x, y: box.y + p.y };
  };

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await buildClient();
    server = await startServer();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => pageErrors.push(e.message));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('loads offline with the default scenario and renders the map', async () => {
    await page.goto(server.url);
    await page.waitForFunction(() => !!window.__planner?.store.get().timeModel, null, { timeout: 60_000 });
    await mapIdle();
    const name = await page.locator('[data-testid=top-scenario-name]').textContent();
    expect(name).toContain('Arbaeen 2025');
    expect(await routeCount()).toBeGreaterThanOrEqual(5);
    // The map's pixels, read back from a screenshot: a blank canvas has (almost) no variance.
    const png = await page.locator('[data-testid=map]').screenshot();
    const stats = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const { data } = ctx.getImageData(0, 0, img.width, img.height);
      let sum = 0;
      let sum2 = 0;
      const colours = new Set<number>();
      const n = data.length / 4;
      for (let i = 0; i < data.length; i += 4) {
        const y = 0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2];
        sum += y;
        sum2 += y * y;
        if (colours.size < 5000) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      }
      const mean = sum / n;
      return { variance: sum2 / n - mean * mean, colours: colours.size };
    }, png.toString('base64'));
    expect(stats.variance).toBeGreaterThan(50);
    expect(stats.colours).toBeGreaterThan(50);
    await shot('01-loaded');
  }, 120_000);

  it('moves the crowd along the roads when the time slider is scrubbed', async () => {
    const states = async (step: number) => {
      await page.locator('[data-testid=time-slider]').fill(String(step));
      await page.waitForFunction((s) => window.__planner.store.get().step === s, step);
      await mapIdle();
      return page.evaluate(() => {
        const { map, store } = window.__planner;
        const n = store.get().timeModel!.segmentCount;
        const out: number[] = [];
        for (let id = 0; id < n; id++)
          out.push(Number(map.getFeatureState({ source: 'ap-segments', id }).p ?? 0));
        return out;
      });
    };
    const morning = await states(MORNING_STEP);
    await shot('02-crowd-morning');
    const evening = await states(EVENING_STEP);
    await shot('03-crowd-evening');
    const occupied = (a: number[]) => a.filter((v) => v > 0).length;
    expect(occupied(morning)).toBeGreaterThan(10);
    expect(occupied(evening)).toBeGreaterThan(10);
    const differing = morning.filter((v, i) => Math.abs(v - evening[i]) > 1e-3).length;
    expect(differing).toBeGreaterThan(10);
    const label = await page.locator('[data-testid=time-label]').textContent();
    expect(label).toMatch(/12 Aug 2025/);
    expect(await page.locator('[data-testid=safar-label]').textContent()).toBe('18 Safar');
    // Playback advances the hours by itself until paused.
    await page.locator('[data-testid=play]').click();
    await page.waitForFunction((s) => window.__planner.store.get().step > s + 2, EVENING_STEP);
    await page.locator('[data-testid=play]').click();
    expect(await page.evaluate(() => window.__planner.store.get().playing)).toBe(false);
  }, 60_000);

  it('runs a plan with progress from the event stream and shows the sites', async () => {
    await page.evaluate(() => {
      const seen: { stage: string; progress: number }[] = [];
      (window as unknown as { __progress: typeof seen }).__progress = seen;
      window.__planner.store.subscribe((s) => {
        if (s.planStatus.kind === 'running')
          seen.push({ stage: s.planStatus.stage, progress: s.planStatus.progress });
      });
    });
    await page.locator('[data-testid=plan]').click();
    await page.locator('[data-testid=plan-progress]').waitFor({ state: 'visible' });
    await page.waitForFunction(() => window.__planner.store.get().planStatus.kind !== 'running', null, {
      timeout: 180_000,
    });
    const status = await page.evaluate(() => window.__planner.store.get().planStatus);
    expect(status.kind, JSON.stringify(status)).toBe('done');
    const progress = await page.evaluate(
      () => (window as unknown as { __progress: { stage: string; progress: number }[] }).__progress,
    );
    // Stages beyond saving and starting came from the job's event stream.
    const streamed = progress.filter((p) => !['saving', 'queued', 'loading'].includes(p.stage));
    expect(streamed.length, JSON.stringify(progress)).toBeGreaterThan(0);
    const sites = await page.evaluate(() => window.__planner.store.get().plan!.sites.length);
    expect(sites).toBeGreaterThan(0);
    await mapIdle();
    const rendered = await page.evaluate(
      () => window.__planner.map.queryRenderedFeatures(undefined, { layers: ['ap-sites'] }).length,
    );
    expect(rendered).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=kpi-new-sites]').textContent()).toMatch(/\d/);
    // Click the first new site: its popup and its utilisation chart.
    const site = await page.evaluate(() => {
      const s = window.__planner.store.get().plan!.sites.find((x) => x.isNew)!;
      return [s.lon, s.lat] as [number, number];
    });
    await page.evaluate((ll) => window.__planner.map.jumpTo({ center: ll, zoom: 10 }), site);
    await mapIdle();
    const p = await screenPoint(site);
    await page.mouse.click(p.x, p.y);
    await page.locator('[data-testid=popup]').waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-testid=popup]').textContent()).toMatch(
      /Peak load[\d,]+ Mbps DL, [\d,]+ Mbps ULPeak utilisation[\d.]+ % \(downlink\)/,
    );
    // The popup's title, labels and values stay inside its box: long ones wrap.
    const spill = await page.evaluate(() => {
      const box = document.querySelector('.maplibregl-popup-content')!.getBoundingClientRect();
      const table = document.querySelector<HTMLElement>('[data-testid=popup] table')!;
      const outside = [...document.querySelectorAll('[data-testid=popup] :is(h4, th, td)')].filter((el) => {
        const r = el.getBoundingClientRect();
        return r.left < box.left - 0.5 || r.right > box.right + 0.5;
      });
      return {
        outside: outside.map((el) => el.textContent),
        overflow: table.scrollWidth - table.clientWidth,
      };
    });
    expect(spill).toEqual({ outside: [], overflow: 0 });
    await shot('04-plan-sites');
    await page.keyboard.press('Escape');
    // Where the plan leaves demand unserved: jump to the first stretch at its first hour.
    const stretch = await page.evaluate(() => {
      const { store } = window.__planner;
      const s = store.get();
      const u = s.plan!.unserved.find((x) => x.routeId !== null && x.fromKm !== null);
      if (!u) return null;
      const model = s.timeModel!;
      const route = model.routes.find((r) => r.routeId === u.routeId)!;
      const i = route.segments.edgesKm.findIndex((km) => km >= u.fromKm!);
      const lonLat = [route.segments.midLonLat[2 * i], route.segments.midLonLat[2 * i + 1]] as [
        number,
        number,
      ];
      const [d, t] = u.from.split('T');
      const minutes =
        Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / 60000 + +t.slice(0, 2) * 60;
      return { lonLat, step: (minutes - model.grid.startMinutes) / model.grid.stepMinutes };
    });
    if (stretch) {
      await page.locator('[data-testid=time-slider]').fill(String(stretch.step));
      await page.evaluate((ll) => window.__planner.map.jumpTo({ center: ll, zoom: 11 }), stretch.lonLat);
      await mapIdle();
      const unserved = await page.evaluate(
        () =>
          window.__planner.map.queryRenderedFeatures(undefined, { layers: ['ap-unserved-stretches'] }).length,
      );
      expect(unserved).toBeGreaterThan(0);
      await shot('04b-unserved');
    }
  }, 240_000);

  it('draws a new route with clicks and a double-click, and undoes and redoes it', async () => {
    await page.evaluate(() => window.__planner.map.jumpTo({ center: [43.6, 31.2], zoom: 8 }));
    await mapIdle();
    const before = await routeCount();
    await page.locator('[data-testid=draw-route]').click();
    const box = (await page.locator('[data-testid=map] canvas').boundingBox())!;
    const at = (fx: number, fy: number) => ({ x: box.x + box.width * fx, y: box.y + box.height * fy });
    const a = at(0.2, 0.3);
    const b = at(0.35, 0.5);
    const c = at(0.5, 0.6);
    await page.mouse.click(a.x, a.y);
    await page.mouse.click(b.x, b.y);
    await page.mouse.dblclick(c.x, c.y);
    await page.waitForFunction(
      (n) => window.__planner.store.get().history.present.routes.length === n + 1,
      before,
    );
    const drawn = await page.evaluate(() => {
      const s = window.__planner.store.get();
      return {
        selected: s.selectedRouteId,
        tool: s.tool,
        points: s.history.present.routes.at(-1)!.line.length,
      };
    });
    expect(drawn.tool).toBe('browse');
    expect(drawn.selected).toMatch(/^new-route/);
    expect(drawn.points).toBe(3);
    await mapIdle();
    await shot('05-route-drawn');
    await page.locator('[data-testid=map] canvas').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    expect(await routeCount()).toBe(before);
    await page.keyboard.press('Control+Shift+z');
    expect(await routeCount()).toBe(before + 1);
  }, 60_000);

  it('adds a join by clicking the selected route', async () => {
    const routeId = await page.evaluate(() => window.__planner.store.get().history.present.routes.at(-1)!.id);
    await page.evaluate((id) => window.__planner.store.set({ selectedRouteId: id }), routeId);
    const joins = () =>
      page.evaluate(() => window.__planner.store.get().history.present.routes.at(-1)!.joins.length);
    const before = await joins();
    const mid = await page.evaluate(() => {
      const line = window.__planner.store.get().history.present.routes.at(-1)!.line;
      const [a, b] = [line[0], line[1]];
      return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2] as [number, number];
    });
    await page.locator('[data-testid=add-join]').click();
    const p = await screenPoint(mid);
    await page.mouse.click(p.x, p.y);
    await page.waitForFunction(
      (n) => window.__planner.store.get().history.present.routes.at(-1)!.joins.length === n + 1,
      before,
    );
    expect(await page.locator('[data-testid=route-editor] .join').count()).toBe(before + 1);
    await shot('06-join-added');
  }, 60_000);

  it('edits a route’s vertices by dragging, undoably', async () => {
    const id = 'hillah-karbala';
    const line = () =>
      page.evaluate(
        (rid) => window.__planner.store.get().history.present.routes.find((r) => r.id === rid)!.line,
        id,
      );
    const before = await line();
    const vertex = before[1] as [number, number];
    await page.evaluate((rid) => window.__planner.store.set({ selectedRouteId: rid, tool: 'browse' }), id);
    await page.evaluate((ll) => window.__planner.map.jumpTo({ center: ll, zoom: 11 }), vertex);
    await mapIdle();
    await page.locator('[data-testid=edit-line]').click();
    await mapIdle();
    const p = await screenPoint(vertex);
    await page.mouse.move(p.x, p.y);
    await page.mouse.down();
    await page.mouse.move(p.x + 40, p.y + 30, { steps: 8 });
    await page.mouse.move(p.x + 80, p.y + 60, { steps: 8 });
    await page.mouse.up();
    await page.waitForFunction(
      ([rid, x]) =>
        window.__planner.store.get().history.present.routes.find((r) => r.id === rid)!.line[1][0] !== x,
      [id, vertex[0]] as const,
    );
    const after = await line();
    expect(after).toHaveLength(before.length);
    expect(after[1][0]).toBeGreaterThan(vertex[0]);
    expect(after[1][1]).toBeLessThan(vertex[1]);
    await shot('06b-vertex-dragged');
    await page.locator('[data-testid=edit-line]').click();
    await page.locator('[data-testid=undo]').click();
    expect(await line()).toEqual(before);
  }, 60_000);

  it('edits a departure profile by dragging bars, shows the field-path error, and normalises', async () => {
    const id = 'hillah-karbala';
    await page.evaluate((rid) => window.__planner.store.set({ selectedRouteId: rid }), id);
    const chart = page.locator(`[data-testid="dep-${id}-0"]`);
    await chart.scrollIntoViewIfNeeded();
    const box = (await chart.boundingBox())!;
    // Drag the bar of the first horizon date up to the top.
    await page.mouse.move(box.x + 32, box.y + box.height - 20);
    await page.mouse.down();
    await page.mouse.move(box.x + 32, box.y + 10, { steps: 6 });
    await page.mouse.up();
    const validation = page.locator('[data-testid=validation]');
    await validation.waitFor({ state: 'visible' });
    const index = await page.evaluate(
      (rid) => window.__planner.store.get().history.present.routes.findIndex((r) => r.id === rid),
      id,
    );
    expect(await validation.textContent()).toContain(`routes[${index}].joins[0].departures`);
    expect(await page.locator('[data-testid=plan]').isDisabled()).toBe(true);
    await shot('06c-departures-invalid');
    await page.locator('[data-testid=normalise-0]').click();
    await validation.waitFor({ state: 'hidden' });
    const sum = await page.evaluate(
      (rid) =>
        window.__planner.store
          .get()
          .history.present.routes.find((r) => r.id === rid)!
          .joins[0].departures.reduce((a, d) => a + d.share, 0),
      id,
    );
    expect(sum).toBeCloseTo(1, 9);
    // One drag is one undo step: undo the normalisation and the drag.
    await page.locator('[data-testid=undo]').click();
    await page.locator('[data-testid=undo]').click();
    expect(await page.evaluate(() => window.__planner.store.get().errors.length)).toBe(0);
  }, 60_000);

  it('switches the segment colours to DL Mbps per km', async () => {
    await page.locator('[data-testid=metric-dlMbps]').check();
    const paint = await page.evaluate(() =>
      JSON.stringify(window.__planner.map.getPaintProperty('ap-segments', 'line-color')),
    );
    expect(paint).toContain('"feature-state","m"');
    expect(await page.locator('[data-testid=legend]').textContent()).toContain('Mbps per km');
    await page.locator('[data-testid=metric-persons]').check();
    // No two labels of a colour ramp overlap, and the first and last value are always shown.
    const ramps = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid=legend] .ramp-labels')].map((labels) => {
        const spans = [...labels.querySelectorAll('span')];
        const shown = spans.filter((s) => !s.hidden).map((s) => s.getBoundingClientRect());
        const overlaps = shown.filter((r, i) => i > 0 && r.left < shown[i - 1].right).length;
        return { overlaps, ends: !spans[0].hidden && !spans[spans.length - 1].hidden };
      }),
    );
    expect(ramps.length).toBeGreaterThan(0);
    for (const ramp of ramps) expect(ramp).toEqual({ overlaps: 0, ends: true });
  }, 30_000);

  it('recomputes demand when a parameter changes, undoably', async () => {
    const peak = () => page.evaluate(() => Math.max(...window.__planner.store.get().timeModel!.totalDlMbps));
    const before = await peak();
    const daily = await page.evaluate(() => window.__planner.store.get().history.present.demand.dailyMB);
    await page.locator('.parameters summary').click();
    await page.locator('[data-testid=p-daily]').fill(String(daily * 2));
    await page.waitForFunction(
      (b) => Math.max(...window.__planner.store.get().timeModel!.totalDlMbps) > b * 1.5,
      before,
      { timeout: 30_000 },
    );
    expect((await peak()) / before).toBeCloseTo(2, 1);
    await page.locator('[data-testid=map] canvas').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    expect(await page.evaluate(() => window.__planner.store.get().history.present.demand.dailyMB)).toBe(
      daily,
    );
  }, 60_000);

  it('shows each site type’s range, capacity and model validity, and edits them undoably', async () => {
    await page.locator('.site-types > summary').click();
    const rangeText = page.locator('[data-testid=st-cow-lte-range-text]');
    const before = await rangeText.textContent();
    expect(before).toMatch(/^[\d.]+ km, set by the uplink path loss \(MAPL [\d.]+ dB at 800 MHz\)$/);
    expect(await page.locator('[data-testid=st-cow-lte-capacity]').textContent()).toMatch(
      /^DL [\d,]+ Mbps, UL/,
    );
    // At a 40 % uplink share the small cell's TDD uplink reaches the cap before its downlink.
    const smallCapacity = page.locator('[data-testid=st-nr-small-capacity]');
    expect(await smallCapacity.textContent()).toMatch(/at most 259 Mbps DL \(70 %\)$/);
    await page.locator('[data-testid=p-uplink]').fill('40');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=st-nr-small-capacity]')?.textContent?.includes('UL reaches'),
    );
    expect(await smallCapacity.textContent()).toBe(
      'DL 370 Mbps, UL 130 Mbps; the planner loads it with at most 136 Mbps DL: at an uplink share of 40 % its UL reaches 70 % first',
    );
    await page.locator('[data-testid=map] canvas').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await page.waitForFunction(
      () =>
        !document.querySelector('[data-testid=st-nr-small-capacity]')?.textContent?.includes('UL reaches'),
    );
    expect(await page.locator('[data-testid=st-cow-lte-validity]').textContent()).toContain(
      'used inside its validity range',
    );
    // The itemised uplink budget ends in the MAPL the range text names.
    await page.locator('[data-testid=site-type-cow-lte] .link-budgets summary').click();
    const ulMapl = await page.locator('[data-testid=st-cow-lte-budget-ul] tr.total td.n').textContent();
    expect(before).toContain(`MAPL ${ulMapl}`);
    await page.locator('[data-testid=st-cow-lte-budget-ul]').scrollIntoViewIfNeeded();
    await shot('09a-link-budget');
    // Planning for people indoors: 15 dB of building penetration costs 15 dB of MAPL and shortens the range.
    await page.locator('[data-testid=st-cow-lte-lb-penetrationLossDb]').fill('15');
    await page.waitForFunction(
      (b) => document.querySelector('[data-testid=st-cow-lte-range-text]')?.textContent !== b,
      before,
    );
    const mapl = (text: string | null) => Number(/MAPL ([\d.]+) dB/.exec(text ?? '')?.[1]);
    const km = (text: string | null) => Number(/^([\d.]+) km/.exec(text ?? '')?.[1]);
    const indoor = await rangeText.textContent();
    expect(mapl(indoor)).toBeCloseTo(mapl(before) - 15, 5);
    expect(km(indoor)).toBeLessThan(km(before));
    // The unfolded budget stays open while editing, and focus stays in the field.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'st-cow-lte-lb-penetrationLossDb',
    );
    await page.locator('[data-testid=map] canvas').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await page.waitForFunction(
      (b) => document.querySelector('[data-testid=st-cow-lte-range-text]')?.textContent === b,
      before,
    );
    // A 250 m mast: Hata's range of base heights ends at 200 m, and the panel says so.
    await page.locator('[data-testid=st-cow-lte-height]').fill('250');
    await page.waitForFunction(
      (b) => document.querySelector('[data-testid=st-cow-lte-range-text]')?.textContent !== b,
      before,
    );
    expect(await page.locator('[data-testid=st-cow-lte-validity]').textContent()).toContain(
      'base height 250 m is outside 30–200 m; extrapolating',
    );
    await page.locator('[data-testid=st-cow-lte-validity]').scrollIntoViewIfNeeded();
    await shot('09-site-types');
    // A mast of −5 m: the field's error under it, and no range until it is fixed.
    await page.locator('[data-testid=st-cow-lte-height]').fill('-5');
    await page.locator('[data-testid=site-type-cow-lte] .field-errors').waitFor();
    expect(await rangeText.textContent()).toBe('Fix this type’s fields to see its range and capacity.');
    // Each filled value is its own edit: undo goes back to 250 m, then to the scenario's mast.
    await page.locator('[data-testid=map] canvas').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await page.waitForFunction(
      () => window.__planner.store.get().history.present.siteTypes[0].heightM === 250,
    );
    await page.keyboard.press('Control+z');
    await page.waitForFunction(
      (b) => document.querySelector('[data-testid=st-cow-lte-range-text]')?.textContent === b,
      before,
    );
    // The planner may leave a type out; unticking the last one is a field error, not a lost scenario.
    await page.locator('[data-testid=st-nr-small-planned]').uncheck();
    expect(
      await page.evaluate(() => window.__planner.store.get().history.present.planning.siteTypes),
    ).toEqual(['cow-lte', 'macro-lte-nr']);
    await page.locator('[data-testid=map] canvas').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    expect(
      await page.evaluate(() => window.__planner.store.get().history.present.planning.siteTypes),
    ).toEqual(['cow-lte', 'macro-lte-nr', 'nr-small']);
    await page.locator('.site-types > summary').click();
  }, 60_000);

  it('imports existing sites from CSV, lists the rows it could not read, and undoes the import', async () => {
    const count = () =>
      page.evaluate(() => (window.__planner.store.get().history.present.existingSites ?? []).length);
    const before = await count();
    await page.locator('.existing-sites > summary').click();
    expect(await page.locator('[data-testid=existing-sites-count]').textContent()).toContain(
      `${before} existing sites`,
    );
    await page.locator('[data-testid=existing-sites-type]').selectOption('existing-macro');
    await page.locator('[data-testid=existing-sites-input]').setInputFiles({
      name: 'towers.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'name,longitude,latitude\nTower A,44.10,32.50\nTower B,"44°12′00″E","32°30′00″N"\nNo place,xx,32.5\nTower C,44.2,32.4\nTower D,44.3,32.3,spare\n',
      ),
    });
    await page.locator('[data-testid=existing-sites-last]').waitFor();
    expect(await count()).toBe(before + 4);
    const last = await page.locator('[data-testid=existing-sites-last]').innerText();
    expect(last).toContain('Last import, towers.csv: 4 sites added, 1 rows skipped.');
    expect(last).toContain('Row 3, longitude: "xx" is not a coordinate (decimal degrees or DMS such as');
    // A field too many is listed, and the row is still read.
    expect(last).toContain('Row 5: 4 fields where the header has 3 (the extra ones are ignored)');
    const added = await page.evaluate(() =>
      window.__planner.store.get().history.present.existingSites!.slice(-4),
    );
    expect(added.map((x) => [x.name, x.siteType])).toEqual([
      ['Tower A', 'existing-macro'],
      ['Tower B', 'existing-macro'],
      ['Tower C', 'existing-macro'],
      ['Tower D', 'existing-macro'],
    ]);
    expect(added[1].lon).toBeCloseTo(44.2, 9);
    // On the map at once, before any new plan.
    const onMap = () =>
      page.evaluate(
        () =>
          (
            window.__planner.map.getSource('ap-existing') as unknown as {
              serialize(): { data: { features: unknown[] } };
            }
          ).serialize().data.features.length,
      );
    expect(await onMap()).toBe(before + 4);
    await shot('07b-existing-sites');
    await page.locator('[data-testid=map] canvas').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    expect(await count()).toBe(before);
    expect(await onMap()).toBe(before);
    await page.locator('.existing-sites > summary').click();
  }, 30_000);

  it('refuses a broken file with a clear error and changes nothing', async () => {
    await page.evaluate(() => {
      window.__saved = window.__planner.store.get().history;
    });
    await page.locator('[data-testid=import-input]').setInputFiles({
      name: 'broken.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from('{"type": "FeatureCollection", "features": [ {"type": "Feature", '),
    });
    const notice = page.locator('[data-testid=notice]');
    await notice.waitFor({ state: 'visible' });
    expect(await notice.getAttribute('data-kind')).toBe('error');
    expect(await notice.textContent()).toMatch(/Could not import broken\.geojson: not valid JSON/);
    expect(await page.evaluate(() => window.__planner.store.get().history === window.__saved)).toBe(true);
    await shot('07-broken-import');
  }, 30_000);

  it('imports a KML route dropped on the map', async () => {
    const before = await routeCount();
    await page.evaluate(() => {
      const kml = `<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>Dropped road</name>
        <LineString><coordinates>44.0,31.0 44.2,31.2 44.4,31.3</coordinates></LineString></Placemark></Document></kml>`;
      const dt = new DataTransfer();
      dt.items.add(new File([kml], 'dropped.kml', { type: 'application/vnd.google-earth.kml+xml' }));
      const target = document.querySelector('.map-area')!;
      target.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    await page.waitForFunction(
      (n) => window.__planner.store.get().history.present.routes.length === n + 1,
      before,
    );
    const name = await page.evaluate(() => window.__planner.store.get().history.present.routes.at(-1)!.name);
    expect(name).toBe('Dropped road');
    await mapIdle();
    await shot('08-kml-dropped');
  }, 30_000);

  it('never requested anything outside the local origin', () => {
    const origin = new URL(server.url).origin;
    const outside = requests.filter(
      (u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:'),
    );
    expect(outside).toEqual([]);
    expect(requests.length).toBeGreaterThan(5);
    expect(pageErrors).toEqual([]);
  });
});
