import type { Express } from 'express';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { ScenarioInput } from '../../shared';
import { createApp, type AppDeps } from '../../server/app';
import { assemblePlanner } from '../../server/planner-parts';
import type { PlanJobs } from '../../server/jobs/plan-jobs';
import type { PlanWorkerPool } from '../../server/jobs/worker-pool';
import type { AuthTokens } from '../../server/middleware/auth';
import type { Db } from '../../server/store/database';
import type { ScenarioStore } from '../../server/store/scenario-store';

export const FIXTURES = new URL('./fixtures/', import.meta.url);
export const FAKE_PLANNER = new URL('./fixtures/fake-planner.ts', import.meta.url).href;

/** The example scenario (Hillah → Karbala) as a fresh object. */
export function exampleScenario(): ScenarioInput & Record<string, unknown> {
  return JSON.parse(readFileSync(new URL('hillah-karbala.json', FIXTURES), 'utf8'));
}

export interface TestApp {
  app: Express;
  store: ScenarioStore;
  jobs: PlanJobs;
  pool: PlanWorkerPool;
  db: Db;
  dataDir: string;
  /** Closes workers and the database; removes the data folder unless `keepData`. */
  close(options?: { keepData?: boolean }): Promise<void>;
}

export interface TestAppOptions {
  dataDir?: string;
  tokens?: AuthTokens;
  plannerModule?: string;
  workers?: number;
  seedDir?: string | null;
  planRateLimit?: AppDeps['planRateLimit'];
  bodyLimitBytes?: number;
  cancelGraceMs?: number;
  model?: string;
  clientDir?: string;
  mapStyleUrl?: string;
}

/** createApp on a temporary DATA_DIR, with the fake planner unless told otherwise. */
export function makeTestApp(options: TestAppOptions = {}): TestApp {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'planner-test-'));
  const logger = pino({ level: 'silent' });
  const planner = assemblePlanner({
    databaseFile: join(dataDir, 'planner.sqlite'),
    model: options.model ?? 'test-model',
    seedDir: options.seedDir === null ? undefined : (options.seedDir ?? new URL('.', FIXTURES).pathname),
    logger,
    workers: options.workers ?? 2,
    plannerModule: options.plannerModule ?? FAKE_PLANNER,
    cancelGraceMs: options.cancelGraceMs ?? 500,
  });
  const { store, jobs, pool, db } = planner;
  const app = createApp({
    ...planner.appDeps,
    tokens: options.tokens,
    planRateLimit: options.planRateLimit ?? { limit: 10_000, windowMs: 60_000 },
    bodyLimitBytes: options.bodyLimitBytes,
    clientDir: options.clientDir,
    mapStyleUrl: options.mapStyleUrl,
  });
  return {
    app,
    store,
    jobs,
    pool,
    db,
    dataDir,
    async close({ keepData = false } = {}) {
      await planner.close();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls until `check` returns a value (not undefined) or the time runs out. */
export async function waitFor<T>(
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 10_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Listens on a random loopback port; returns the base URL and a close function. */
export async function listen(app: Express): Promise<{ url: string; close: () => Promise<void> }> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((r) => server.once('listening', () => r()));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** Reads a server-sent event stream to its end: the list of (event, data). */
export async function readEvents(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ event: string; data: unknown }[]> {
  const res = await fetch(url, { headers: { Accept: 'text/event-stream', ...headers } });
  if (!res.ok || !res.body) throw new Error(`events: HTTP ${res.status}`);
  const text = await res.text();
  return text
    .split('\n\n')
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      return event && data ? { event, data: JSON.parse(data) as unknown } : undefined;
    })
    .filter((e): e is { event: string; data: unknown } => e !== undefined);
}
