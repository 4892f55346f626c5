import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { Scenario } from '../../shared';
import type { FromWorker, PlanWorkerData, ToWorker } from './messages';
import type { PlanSummary } from '../../shared/export';

/** One plan to compute. */
export interface PlanTask {
  scenario: Scenario;
  onStart?: () => void;
  onProgress?: (stage: string, fraction: number) => void;
  signal?: AbortSignal;
}

/** A computed plan, ready to store. */
export interface PlanOutput {
  summary: PlanSummary;
  serviceGz: Uint8Array;
  computeMs: number;
}

/** Raised when a task is cancelled (queued or running). */
export class PlanCancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'PlanCancelledError';
  }
}

interface Pending {
  taskId: number;
  task: PlanTask;
  resolve: (output: PlanOutput) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  current: Pending | null;
  killTimer: NodeJS.Timeout | null;
}

export interface WorkerPoolOptions {
  /** Worker threads; defaults to the machine's cores. */
  size?: number;
  /** File URL of the module exporting `runPlan`; defaults to shared/plan/run-plan.ts. */
  plannerModule?: string;
  /** After a cancel, how long a running plan may take to notice its abort signal before its worker is ended. */
  cancelGraceMs?: number;
  logger: Logger;
}

const DEFAULT_PLANNER = new URL('../../shared/plan/run-plan.ts', import.meta.url).href;
const WORKER_ENTRY = new URL('./plan-worker.ts', import.meta.url).href;
const BOOTSTRAP = new URL('./tsx-bootstrap.mjs', import.meta.url);

/**
 * A fixed pool of worker threads that run `runPlan` off the main thread, so the server keeps answering
 * while plans compute. Workers start on demand and are reused; a task waits in a FIFO queue while all
 * are busy. Cancelling a running task aborts its signal; a planner that does not stop within the grace
 * period has its worker terminated (and replaced on the next task).
 */
export class PlanWorkerPool {
  readonly size: number;
  private readonly plannerModule: string;
  private readonly cancelGraceMs: number;
  private readonly logger: Logger;
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextTaskId = 1;
  private closed = false;

  constructor(options: WorkerPoolOptions) {
    this.size = Math.max(1, options.size ?? availableParallelism());
    this.plannerModule = options.plannerModule ?? DEFAULT_PLANNER;
    this.cancelGraceMs = options.cancelGraceMs ?? 2000;
    this.logger = options.logger;
  }

  /** Workers busy, workers started, tasks waiting. */
  /** What /api/health reports of the pool. */
  load(): { size: number; busy: number; queued: number } {
    const { size, busy, queued } = this.stats();
    return { size, busy, queued };
  }

  stats(): { size: number; busy: number; queued: number; started: number } {
    return {
      size: this.size,
      busy: this.slots.filter((s) => s.current !== null).length,
      queued: this.queue.length,
      started: this.slots.length,
    };
  }

  /** Starts every worker now (they load the planner), so the first plans do not wait for start-up. */
  warm(): void {
    while (!this.closed && this.slots.length < this.size) this.spawn();
  }

  /** Computes a plan in a worker; rejects with PlanCancelledError when the task's signal aborts. */
  run(task: PlanTask): Promise<PlanOutput> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    if (task.signal?.aborted) return Promise.reject(new PlanCancelledError());
    return new Promise<PlanOutput>((resolve, reject) => {
      const pending: Pending = { taskId: this.nextTaskId++, task, resolve, reject };
      task.signal?.addEventListener('abort', () => this.cancel(pending), { once: true });
      this.queue.push(pending);
      this.dispatch();
    });
  }

  private spawn(): Slot {
    const data: PlanWorkerData = { plannerModule: this.plannerModule, entry: WORKER_ENTRY };
    const worker = new Worker(BOOTSTRAP, { workerData: data, name: 'plan-worker' });
    const slot: Slot = { worker, current: null, killTimer: null };
    worker.on('message', (m: FromWorker) => this.onMessage(slot, m));
    worker.on('error', (e) => {
      this.logger.error({ err: e.message }, 'plan worker failed');
      this.retire(slot, new Error(`plan worker failed: ${e.message}`));
    });
    worker.on('exit', (code) => {
      if (this.slots.includes(slot)) this.retire(slot, new Error(`plan worker exited (code ${code})`));
    });
    this.slots.push(slot);
    return slot;
  }

  /** Removes a slot (crashed or terminated): its task, if any, fails; queued tasks go to other workers. */
  private retire(slot: Slot, error: Error): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    if (slot.killTimer) clearTimeout(slot.killTimer);
    const current = slot.current;
    slot.current = null;
    if (current) current.reject(current.task.signal?.aborted ? new PlanCancelledError() : error);
    void slot.worker.terminate();
    this.dispatch();
  }

  private dispatch(): void {
    while (!this.closed && this.queue.length > 0) {
      let slot = this.slots.find((s) => s.current === null);
      if (!slot) {
        if (this.slots.length >= this.size) return;
        slot = this.spawn();
      }
      const pending = this.queue.shift() as Pending;
      slot.current = pending;
      pending.task.onStart?.();
      const message: ToWorker = { type: 'run', taskId: pending.taskId, scenario: pending.task.scenario };
      slot.worker.postMessage(message);
    }
  }

  private onMessage(slot: Slot, m: FromWorker): void {
    const current = slot.current;
    if (!current || current.taskId !== m.taskId) return;
    if (m.type === 'progress') {
      current.task.onProgress?.(m.stage, m.fraction);
      return;
    }
    slot.current = null;
    if (slot.killTimer) clearTimeout(slot.killTimer);
    slot.killTimer = null;
    if (m.type === 'done') {
      current.resolve({ summary: m.summary, serviceGz: m.serviceGz, computeMs: m.computeMs });
    } else {
      current.reject(
        m.aborted || current.task.signal?.aborted ? new PlanCancelledError() : new Error(m.message),
      );
    }
    this.dispatch();
  }

  private cancel(pending: Pending): void {
    const q = this.queue.indexOf(pending);
    if (q >= 0) {
      this.queue.splice(q, 1);
      pending.reject(new PlanCancelledError());
      return;
    }
    const slot = this.slots.find((s) => s.current === pending);
    if (!slot) return;
    const message: ToWorker = { type: 'cancel', taskId: pending.taskId };
    slot.worker.postMessage(message);
    slot.killTimer = setTimeout(() => {
      if (slot.current === pending) {
        this.logger.warn(
          { taskId: pending.taskId },
          'plan did not stop after cancel; terminating its worker',
        );
        this.retire(slot, new PlanCancelledError());
      }
    }, this.cancelGraceMs);
    slot.killTimer.unref();
  }

  /** Rejects queued and running tasks and terminates every worker. */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new PlanCancelledError());
    const slots = this.slots.splice(0);
    await Promise.all(
      slots.map(async (slot) => {
        if (slot.killTimer) clearTimeout(slot.killTimer);
        const current = slot.current;
        slot.current = null;
        current?.reject(new PlanCancelledError());
        await slot.worker.terminate();
      }),
    );
  }
}
