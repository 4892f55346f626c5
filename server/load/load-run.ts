/**
 * `npm run load`: a bounded load run against loopback. Starts the server in this process on a random
 * port (temporary DATA_DIR, the scenarios of data/scenarios), then N virtual clients call read endpoints
 * and the plan endpoint in a loop for T seconds, and prints throughput and latency per endpoint.
 *
 *   npm run load -- --concurrency 16 --seconds 10 [--busy-plans 2]
 *
 * `--busy-plans` fresh plans (default: one per worker) are started with the load, so the figures show the
 * server answering while every worker computes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { createApp } from '../app';
import { assemblePlanner } from '../planner-parts';
import { modelFingerprint } from '../store/model-fingerprint';

/** One endpoint the virtual clients call. */
export interface LoadTarget {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
}

export interface TargetStats {
  name: string;
  requests: number;
  errors: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))];
}

/**
 * Calls the targets round-robin from `concurrency` clients for `seconds`, loopback only. A response
 * counts as an error when its status is 5xx or the request fails.
 */
export async function runLoad(options: {
  baseUrl: string;
  targets: LoadTarget[];
  concurrency: number;
  seconds: number;
}): Promise<TargetStats[]> {
  const { hostname } = new URL(options.baseUrl);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(hostname))
    throw new Error('load runs target loopback only');
  const concurrency = Math.min(Math.max(1, options.concurrency), 256);
  const seconds = Math.min(Math.max(0.1, options.seconds), 120);
  const latencies = options.targets.map(() => [] as number[]);
  const errors = options.targets.map(() => 0);
  const end = performance.now() + seconds * 1000;
  let turn = 0;
  const client = async () => {
    while (performance.now() < end) {
      const i = turn++ % options.targets.length;
      const t = options.targets[i];
      const began = performance.now();
      try {
        const res = await fetch(options.baseUrl + t.path, {
          method: t.method,
          headers: t.body === undefined ? {} : { 'Content-Type': 'application/json' },
          body: t.body === undefined ? undefined : JSON.stringify(t.body),
        });
        await res.arrayBuffer();
        if (res.status >= 500) errors[i]++;
      } catch {
        errors[i]++;
      }
      latencies[i].push(performance.now() - began);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, client));
  const elapsedS = (performance.now() - started) / 1000;
  return options.targets.map((t, i) => {
    const sorted = latencies[i].sort((a, b) => a - b);
    return {
      name: `${t.method} ${t.name}`,
      requests: sorted.length,
      errors: errors[i],
      perSecond: sorted.length / elapsedS,
      p50Ms: percentile(sorted, 0.5),
      p99Ms: percentile(sorted, 0.99),
      maxMs: sorted.at(-1) ?? 0,
    };
  });
}

/** The stats as a fixed-width text table. */
export function formatTable(stats: TargetStats[]): string {
  const head = ['endpoint', 'requests', 'errors', 'req/s', 'p50 ms', 'p99 ms', 'max ms'];
  const rows = stats.map((s) => [
    s.name,
    String(s.requests),
    String(s.errors),
    s.perSecond.toFixed(0),
    s.p50Ms.toFixed(1),
    s.p99Ms.toFixed(1),
    s.maxMs.toFixed(1),
  ]);
  const total = stats.reduce((a, s) => a + s.requests, 0);
  const perSecond = stats.reduce((a, s) => a + s.perSecond, 0);
  rows.push([
    'all',
    String(total),
    String(stats.reduce((a, s) => a + s.errors, 0)),
    perSecond.toFixed(0),
    '',
    '',
    '',
  ]);
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join(' | ')} |`;
  return [
    line(head),
    `|${widths.map((w, c) => (c === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      concurrency: { type: 'string', short: 'c', default: '16' },
      seconds: { type: 'string', short: 's', default: '10' },
      'busy-plans': { type: 'string', default: '' },
    },
  });
  const concurrency = Number(values.concurrency);
  const seconds = Number(values.seconds);
  const busyPlansArg = values['busy-plans'];
  if (!(concurrency >= 1 && concurrency <= 256) || !(seconds > 0 && seconds <= 120)) {
    throw new Error('--concurrency 1–256, --seconds up to 120');
  }
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const dataDir = mkdtempSync(join(tmpdir(), 'planner-load-'));
  const logger = pino({ level: 'error' });
  const planner = assemblePlanner({
    databaseFile: join(dataDir, 'planner.sqlite'),
    model: modelFingerprint(join(root, 'shared')),
    seedDir: join(root, 'data', 'scenarios'),
    logger,
  });
  const { store, pool } = planner;
  const app = createApp({
    ...planner.appDeps,
    planRateLimit: { limit: 1_000_000, windowMs: 60_000 },
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((r) => server.once('listening', () => r()));
  const { port } = server.address() as { port: number };
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    const scenarios = store.list();
    if (scenarios.length === 0) throw new Error('no scenario in data/scenarios to load-test with');
    const id = (scenarios.find((s) => s.id === 'najaf-karbala-mini') ?? scenarios[0]).id;
    // Plan once first, so the result endpoint has something to serve.
    const warm = await fetch(`${baseUrl}/api/scenarios/${id}/plans`, { method: 'POST' });
    const job = (await warm.json()) as { id: string; status: string };
    const planEnd = Date.now() + 60_000;
    let status = job.status;
    while (!['done', 'failed', 'cancelled'].includes(status) && Date.now() < planEnd) {
      await new Promise((r) => setTimeout(r, 100));
      status = ((await (await fetch(`${baseUrl}/api/plans/${job.id}`)).json()) as { status: string }).status;
    }
    const planned = status === 'done';
    const targets: LoadTarget[] = [
      { name: '/api/health', method: 'GET', path: '/api/health' },
      { name: '/api/scenarios', method: 'GET', path: '/api/scenarios' },
      { name: '/api/scenarios/{id}', method: 'GET', path: `/api/scenarios/${id}` },
      { name: '/api/scenarios/{id}/revisions', method: 'GET', path: `/api/scenarios/${id}/revisions` },
      { name: '/api/scenarios/{id}/plan', method: 'GET', path: `/api/scenarios/${id}/plan` },
      { name: '/api/scenarios/{id}/plans', method: 'POST', path: `/api/scenarios/${id}/plans` },
    ];
    process.stdout.write(
      `load: ${concurrency} clients for ${seconds} s against ${baseUrl} (scenario ${id}; first plan ${status}${planned ? '' : ': result and plan endpoints answer 404/failed jobs'}; ${pool.size} plan workers)\n\n`,
    );
    // Warm-up (not measured): JIT, connection pool, caches.
    await runLoad({ baseUrl, targets, concurrency, seconds: Math.min(2, seconds) });
    // Keep every worker busy with fresh plans (copies under another name) during the measured run.
    const busy: string[] = [];
    const busyPlans = busyPlansArg === '' ? pool.size : Math.min(8, Math.max(0, Number(busyPlansArg) || 0));
    if (planned) {
      for (let i = 0; i < busyPlans; i++) {
        const copy = store.clone(id, { name: `load copy ${i + 1}` });
        if (!copy) continue;
        const started = await fetch(`${baseUrl}/api/scenarios/${copy.id}/plans`, { method: 'POST' });
        busy.push(((await started.json()) as { id: string }).id);
      }
    }
    const stats = await runLoad({ baseUrl, targets, concurrency, seconds });
    const busyAtEnd = pool.stats().busy;
    process.stdout.write(`${formatTable(stats)}\n`);
    process.stdout.write(
      `\n${busy.length} fresh plans were started with the load; ${busyAtEnd} of ${pool.size} workers still busy at the end.\n`,
    );
  } finally {
    await new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
    await planner.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e: Error) => {
    process.stderr.write(`${e.message}\n`);
    process.exit(1);
  });
}
