/**
 * Browser test harness: builds the app with Vite, starts the real server (server/main.ts as a child
 * process on a free port, with a temporary DATA_DIR and the default scenarios), and launches Debian's
 * Chromium headless with software WebGL through playwright-core. Shared by the e2e tests and bench:ui.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { spawnServer } from '../server/spawn-server';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = join(ROOT, 'tests/e2e/screenshots');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

/** Newest modification time (ms) under `dir`. */
function newestMtimeMs(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const path = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtimeMs(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Builds client/ into dist/client (what the server serves). Browser test files may run in parallel
 * workers: a lock folder makes them build one at a time, and a build newer than every source is reused.
 */
export async function buildClient(): Promise<void> {
  const lock = join(ROOT, 'dist', '.e2e-build.lock');
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock left by a killed run is stale after five minutes.
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 300_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() - started > 600_000) throw new Error(`could not take ${lock}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    const index = join(ROOT, 'dist/client/index.html');
    const built = existsSync(index) ? statSync(index).mtimeMs : 0;
    const newest = Math.max(
      newestMtimeMs(join(ROOT, 'client')),
      newestMtimeMs(join(ROOT, 'shared')),
      statSync(join(ROOT, 'vite.config.ts')).mtimeMs,
    );
    if (built > newest) return;
    const { build } = await import('vite');
    await build({ configFile: join(ROOT, 'vite.config.ts'), root: join(ROOT, 'client'), logLevel: 'error' });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface RunningServer {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/** Starts the real server on a free port with a fresh data folder; resolves once it listens. */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'planner-e2e-'));
  const { child, url, output } = await spawnServer(dataDir, { LOG_LEVEL: 'warn', ...extraEnv }, 60_000);
  return {
    url,
    output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}
