/**
 * The server's stateful parts wired together — the SQLite scenario store (seeded), the plan worker pool,
 * the plan jobs and the event streams — once for the server (main.ts), the load run and the tests.
 */
import type { Logger } from 'pino';
import type { AppDeps } from './app';
import { PlanJobs } from './jobs/plan-jobs';
import { SseStreams } from './jobs/sse';
import { PlanWorkerPool } from './jobs/worker-pool';
import { closeDatabase, openDatabase, type Db } from './store/database';
import { ScenarioStore } from './store/scenario-store';
import { seedScenarios } from './store/seed';

/** Options of `assemblePlanner`. */
export interface PlannerPartsOptions {
  /** The SQLite file (created with its folder when missing). */
  databaseFile: string;
  /** Fingerprint of the model code: stored plans of another model are not reused. */
  model: string;
  /** Folder of scenario files to seed an empty store with; none when omitted. */
  seedDir?: string;
  logger: Logger;
  /** Plan worker threads (default: the machine's cores). */
  workers?: number;
  /** Module exporting `runPlan` (default: shared/plan/run-plan.ts; tests pass a fake). */
  plannerModule?: string;
  cancelGraceMs?: number;
}

/** The wired parts, what `createApp` needs of them, and an orderly close. */
export interface PlannerParts {
  db: Db;
  store: ScenarioStore;
  pool: PlanWorkerPool;
  jobs: PlanJobs;
  sse: SseStreams;
  /** The app's dependencies these parts provide. */
  appDeps: Pick<AppDeps, 'store' | 'jobs' | 'logger' | 'sse' | 'workers'>;
  /** Ends the event streams, cancels plans, ends the workers and closes the database. */
  close(): Promise<void>;
}

/** Opens the store, seeds it, starts the worker pool and the jobs over it. */
export function assemblePlanner(options: PlannerPartsOptions): PlannerParts {
  const { logger } = options;
  const db = openDatabase(options.databaseFile);
  const store = new ScenarioStore(db, options.model);
  if (options.seedDir !== undefined) seedScenarios(store, options.seedDir, logger);
  const pool = new PlanWorkerPool({
    size: options.workers,
    plannerModule: options.plannerModule,
    cancelGraceMs: options.cancelGraceMs,
    logger,
  });
  const jobs = new PlanJobs(store, pool, logger);
  const sse = new SseStreams();
  return {
    db,
    store,
    pool,
    jobs,
    sse,
    appDeps: { store, jobs, logger, sse, workers: () => pool.load() },
    async close() {
      sse.closeAll();
      jobs.cancelAll();
      await pool.close();
      closeDatabase(db);
    },
  };
}
