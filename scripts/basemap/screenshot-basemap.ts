/**
 * Draws the offline basemap in headless Chromium and saves screenshots, to look at what a planner
 * sees (labels joined and right-to-left in Arabic, readable in Latin, borders and rivers drawn).
 *
 *   npx tsx scripts/basemap/screenshot-basemap.ts [outDir]     # default outDir: the system temp folder
 *
 * Needs /usr/bin/chromium (apt-get install -y chromium). Serves a throwaway page from a temporary
 * folder with Vite (client/ itself is left alone) and exits non-zero if the page logs an error.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const outDir = process.argv[2] ?? tmpdir();

/** What to draw: label script, centre [lon, lat] and zoom. */
const VIEWS = [
  { labelScript: 'latin', center: [44.2, 32.3], zoom: 7 },
  { labelScript: 'arabic', center: [44.2, 32.3], zoom: 7 },
  { labelScript: 'latin', center: [46, 32.5], zoom: 5 },
  { labelScript: 'arabic', center: [46.6, 34], zoom: 8 },
] as const;

async function main(): Promise<void> {
  const pageDir = mkdtempSync(join(tmpdir(), 'basemap-proof-'));
  writeFileSync(
    join(pageDir, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><style>html,body,#map{margin:0;height:100%}</style></head>' +
      '<body><div id="map"></div><script type="module" src="./main.ts"></script></body></html>',
  );
  writeFileSync(
    join(pageDir, 'main.ts'),
    `import { createMap } from ${JSON.stringify(join(repo, 'client', 'map', 'create-map.ts'))};
const q = new URLSearchParams(location.search);
const map = createMap(document.getElementById('map'), {
  labelScript: q.get('script'),
  center: [Number(q.get('lon')), Number(q.get('lat'))],
  zoom: Number(q.get('zoom')),
});
map.on('error', (e) => console.error('map error: ' + (e.error?.message ?? e.error)));
map.once('idle', () => { window.basemapIdle = true; });
`,
  );
  const server = await createServer({
    configFile: false,
    root: pageDir,
    publicDir: join(repo, 'client', 'public'),
    logLevel: 'warn',
    optimizeDeps: { noDiscovery: true, include: [] },
    server: { port: 5199, host: '127.0.0.1', fs: { allow: [repo, pageDir] } },
  });
  await server.listen();
  const base = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5199/';
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--enable-unsafe-swiftshader',
      '--use-angle=swiftshader',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const problems: string[] = [];
  try {
    for (const view of VIEWS) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
      page.on('pageerror', (e) => problems.push(`${view.labelScript}: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error' && !m.text().includes('favicon'))
          problems.push(`${view.labelScript}: ${m.text()}`);
      });
      page.on('response', (r) => {
        if (r.status() >= 400 && !r.url().endsWith('/favicon.ico'))
          problems.push(`HTTP ${r.status()} ${r.url()}`);
      });
      const [lon, lat] = view.center;
      await page.goto(`${base}?script=${view.labelScript}&lon=${lon}&lat=${lat}&zoom=${view.zoom}`);
      await page.waitForFunction(
        () => (window as unknown as { basemapIdle?: boolean }).basemapIdle === true,
        null,
        {
          timeout: 60_000,
        },
      );
      const file = join(outDir, `basemap-${view.labelScript}-z${view.zoom}.png`);
      await page.screenshot({ path: file });
      console.error(`wrote ${file}`);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  // A missing favicon is the page's, not the map's; anything else is a failure.
  const real = problems.filter(
    (p) => !/Failed to load resource: .*404/.test(p) || /\.(pbf|geojson|js|mjs)/.test(p),
  );
  if (real.length > 0) {
    console.error(real.join('\n'));
    process.exitCode = 1;
  }
}

await main();
