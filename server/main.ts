import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app';
import { prepareClient } from './client-build';
import { readEnv } from './config';
import { createLogger } from './logger';
import { assemblePlanner } from './planner-parts';
import { closeDatabase } from './store/database';
import { modelFingerprint } from './store/model-fingerprint';

/** How long shutdown waits for requests in flight before closing their connections. */
const DRAIN_MS = 10_000;

const root = fileURLToPath(new URL('..', import.meta.url));

let env: ReturnType<typeof readEnv>;
try {
  env = readEnv();
} catch (e) {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(2);
}
const logger = createLogger(env.LOG_LEVEL);

const dataDir = resolve(env.DATA_DIR);
const planner = assemblePlanner({
  databaseFile: join(dataDir, 'planner.sqlite'),
  model: modelFingerprint(join(root, 'shared')),
  seedDir: resolve(root, env.SCENARIOS_DIR),
  logger,
  workers: env.PLAN_WORKERS,
});
const { db, pool, jobs, sse } = planner;
pool.warm();
const clientDir = await prepareClient(root, logger, env.CLIENT_BUILD);

const app = createApp({
  ...planner.appDeps,
  tokens: { apiToken: env.API_TOKEN, readToken: env.READ_TOKEN },
  clientDir,
  mapStyleUrl: env.MAP_STYLE,
  bodyLimitBytes: Math.round(env.BODY_LIMIT_MB * 1024 * 1024),
  planRateLimit: { limit: env.PLAN_RUNS_PER_MINUTE, windowMs: 60_000 },
});

let listenFailed = false;
/** A port in use or a host that does not exist: say so plainly and stop. */
function cannotListen(e: NodeJS.ErrnoException): void {
  if (listenFailed) return;
  listenFailed = true;
  const why =
    e.code === 'EADDRINUSE'
      ? `${env.HOST}:${env.PORT} is already in use (set PORT to another port)`
      : e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND'
        ? `${env.HOST} is not an address of this machine (set HOST)`
        : e.message;
  logger.fatal({ err: e.message, code: e.code }, 'cannot listen');
  process.stderr.write(`Arbaeen planner: cannot listen: ${why}\n`);
  closeDatabase(db);
  process.exit(1);
}

// Express 5 hands a listen error to this callback (and the server emits it too).
const server = app.listen(env.PORT, env.HOST, (error?: Error) => {
  if (error) return cannotListen(error);
  const { port } = server.address() as AddressInfo;
  const host = env.HOST === '0.0.0.0' || env.HOST === '::' ? '127.0.0.1' : env.HOST;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
  logger.info(
    {
      url,
      dataDir,
      workers: pool.size,
      auth: env.API_TOKEN ? (env.READ_TOKEN ? 'api+read tokens' : 'api token') : 'open',
      app: clientDir ? 'served' : 'API only',
    },
    'listening',
  );
  process.stdout.write(`Arbaeen planner: ${url}${clientDir ? '' : ' (API only)'}  docs: ${url}api/docs\n`);
});
server.on('error', cannotListen);

let stopping = false;
/** Stop accepting, end event streams, let requests in flight finish, cancel plans, end workers, close the DB. */
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  const closed = new Promise<void>((done) => server.close(() => done()));
  sse.closeAll();
  server.closeIdleConnections();
  jobs.cancelAll();
  const timer = setTimeout(() => {
    logger.warn('requests still open after the drain period: closing their connections');
    server.closeAllConnections();
  }, DRAIN_MS);
  timer.unref();
  await closed;
  clearTimeout(timer);
  await planner.close();
  logger.info('stopped');
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('uncaughtException', (e) => {
  logger.fatal({ err: e }, 'uncaught exception');
  try {
    closeDatabase(db);
  } finally {
    process.exit(1);
  }
});
