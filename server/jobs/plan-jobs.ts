import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { PlanJob, PlanJobStatus } from '../../shared/api';
import type { ResolvedRevision, ScenarioStore } from '../store/scenario-store';
import { PlanCancelledError, type PlanWorkerPool } from './worker-pool';

/** What subscribers of a job hear: progress, then exactly one final event. */
export type JobEvent =
  | { type: 'progress'; stage: string; fraction: number }
  | { type: 'done'; job: PlanJob }
  | { type: 'error'; job: PlanJob }
  | { type: 'cancelled'; job: PlanJob };

interface JobRecord {
  id: string;
  scenarioId: string;
  revision: number;
  hash: string;
  status: PlanJobStatus;
  stage: string | null;
  fraction: number;
  cached: boolean;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: { code: string; message: string } | null;
  controller: AbortController;
  listeners: Set<(event: JobEvent) => void>;
}

const FINAL: ReadonlySet<PlanJobStatus> = new Set(['done', 'failed', 'cancelled']);

/**
 * Plan jobs: starts plans on the worker pool, tracks their progress for polling and event streams, stores
 * each finished plan under its revision's content hash (so it survives restarts and is reused by any
 * revision with the same content). A second start of a revision that is queued or running joins that job.
 * Job records live in memory (the last `keepFinished` finished ones); stored plans live in SQLite.
 */
export class PlanJobs {
  private readonly jobs = new Map<string, JobRecord>();
  private readonly keepFinished: number;

  constructor(
    private readonly store: ScenarioStore,
    private readonly pool: PlanWorkerPool,
    private readonly logger: Logger,
    options: { keepFinished?: number } = {},
  ) {
    this.keepFinished = options.keepFinished ?? 500;
  }

  /** The job of a revision: a finished one if its plan is stored, a running one if any, else a new one. */
  start(target: ResolvedRevision): { job: PlanJob; cached: boolean } {
    const at = new Date().toISOString();
    if (this.store.hasPlan(target.hash)) {
      const record = this.record(target, at);
      Object.assign(record, {
        status: 'done',
        stage: 'done',
        fraction: 1,
        cached: true,
        startedAt: at,
        finishedAt: at,
      });
      this.prune();
      return { job: this.view(record), cached: true };
    }
    for (const r of this.jobs.values()) {
      if (r.hash === target.hash && !FINAL.has(r.status)) return { job: this.view(r), cached: false };
    }
    const record = this.record(target, at);
    this.prune();
    this.pool
      .run({
        scenario: target.scenario,
        signal: record.controller.signal,
        onStart: () => {
          record.status = 'running';
          record.startedAt = new Date().toISOString();
          this.emit(record, { type: 'progress', stage: 'starting', fraction: 0 });
        },
        onProgress: (stage, fraction) => {
          record.stage = stage;
          record.fraction = Math.max(record.fraction, fraction);
          this.emit(record, { type: 'progress', stage, fraction: record.fraction });
        },
      })
      .then(
        (output) => {
          this.store.savePlan(target.hash, output.summary, output.serviceGz);
          this.finish(record, 'done', null);
          this.logger.info(
            {
              job: record.id,
              scenario: record.scenarioId,
              revision: record.revision,
              ms: Math.round(output.computeMs),
            },
            'plan done',
          );
        },
        (e: Error) => {
          if (e instanceof PlanCancelledError) this.finish(record, 'cancelled', null);
          else {
            this.logger.warn({ job: record.id, err: e.message }, 'plan failed');
            this.finish(record, 'failed', { code: 'plan_failed', message: e.message });
          }
        },
      )
      .catch((e: Error) => {
        this.logger.error({ job: record.id, err: e.message }, 'storing the plan failed');
        this.finish(record, 'failed', { code: 'store_failed', message: 'the plan could not be stored' });
      });
    return { job: this.view(record), cached: false };
  }

  private record(target: ResolvedRevision, at: string): JobRecord {
    const record: JobRecord = {
      id: randomUUID(),
      scenarioId: target.scenarioId,
      revision: target.revision,
      hash: target.hash,
      status: 'queued',
      stage: null,
      fraction: 0,
      cached: false,
      createdAt: at,
      startedAt: null,
      finishedAt: null,
      error: null,
      controller: new AbortController(),
      listeners: new Set(),
    };
    this.jobs.set(record.id, record);
    return record;
  }

  private finish(
    record: JobRecord,
    status: 'done' | 'failed' | 'cancelled',
    error: JobRecord['error'],
  ): void {
    if (FINAL.has(record.status)) return;
    record.status = status;
    record.error = error;
    record.finishedAt = new Date().toISOString();
    if (status === 'done') {
      record.stage = 'done';
      record.fraction = 1;
    }
    const job = this.view(record);
    this.emit(
      record,
      status === 'done'
        ? { type: 'done', job }
        : status === 'failed'
          ? { type: 'error', job }
          : { type: 'cancelled', job },
    );
    record.listeners.clear();
    this.prune();
  }

  private emit(record: JobRecord, event: JobEvent): void {
    for (const listener of record.listeners) {
      try {
        listener(event);
      } catch (e) {
        this.logger.warn({ err: (e as Error).message }, 'job listener failed');
      }
    }
  }

  /** Forgets the oldest finished jobs beyond `keepFinished`. */
  private prune(): void {
    const finished = [...this.jobs.values()].filter((r) => FINAL.has(r.status));
    for (const r of finished.slice(0, Math.max(0, finished.length - this.keepFinished)))
      this.jobs.delete(r.id);
  }

  private view(r: JobRecord): PlanJob {
    return {
      id: r.id,
      scenarioId: r.scenarioId,
      revision: r.revision,
      status: r.status,
      stage: r.stage,
      fraction: r.fraction,
      cached: r.cached,
      createdAt: r.createdAt,
      startedAt: r.startedAt,
      finishedAt: r.finishedAt,
      error: r.error,
      links: {
        self: `/api/plans/${r.id}`,
        events: `/api/plans/${r.id}/events`,
        result: `/api/scenarios/${encodeURIComponent(r.scenarioId)}/plan?revision=${r.revision}`,
      },
    };
  }

  get(id: string): PlanJob | undefined {
    const r = this.jobs.get(id);
    return r ? this.view(r) : undefined;
  }

  /**
   * Listens to a job's events; returns the unsubscribe function, or undefined when the job is unknown.
   * A finished job has no further events: callers send its final state themselves.
   */
  subscribe(id: string, listener: (event: JobEvent) => void): (() => void) | undefined {
    const r = this.jobs.get(id);
    if (!r) return undefined;
    r.listeners.add(listener);
    return () => r.listeners.delete(listener);
  }

  /** Cancels a queued or running job. */
  cancel(
    id: string,
  ): { kind: 'ok'; job: PlanJob } | { kind: 'not-found' } | { kind: 'finished'; job: PlanJob } {
    const r = this.jobs.get(id);
    if (!r) return { kind: 'not-found' };
    if (FINAL.has(r.status)) return { kind: 'finished', job: this.view(r) };
    r.controller.abort();
    // The pool rejects a queued task at once; a running one once the worker stops. Report it cancelled now.
    this.finish(r, 'cancelled', null);
    return { kind: 'ok', job: this.view(r) };
  }

  /** Cancels every unfinished job (shutdown). */
  cancelAll(): void {
    for (const r of this.jobs.values()) if (!FINAL.has(r.status)) this.cancel(r.id);
  }

  /** Unfinished jobs. */
  active(): number {
    return [...this.jobs.values()].filter((r) => !FINAL.has(r.status)).length;
  }
}
