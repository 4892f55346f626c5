import type { Scenario } from '../../shared/index';
import type { TimeModel } from './time-model';
import type { TimeModelReply, TimeModelRequest } from './time-model.worker';

/**
 * Computes time models in a module worker, one at a time; a newer request supersedes an older one
 * (its promise resolves to null), so rapid edits never queue up stale simulations.
 */
export class TimeModelClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending = new Map<number, (reply: TimeModelReply | null) => void>();

  private ensureWorker(): Worker {
    if (!this.worker) {
      this.worker = new Worker(new URL('./time-model.worker.ts', import.meta.url), { type: 'module' });
      this.worker.onmessage = (event: MessageEvent<TimeModelReply>) => {
        const resolve = this.pending.get(event.data.id);
        this.pending.delete(event.data.id);
        resolve?.(event.data);
      };
      this.worker.onerror = (event) => {
        for (const [id, resolve] of this.pending) resolve({ id, error: event.message || 'worker failed' });
        this.pending.clear();
      };
    }
    return this.worker;
  }

  /** The model of `scenario`, or null when a newer request replaced this one. Rejects on model errors. */
  compute(scenario: Scenario): Promise<{ model: TimeModel; ms: number } | null> {
    for (const [, resolve] of this.pending) resolve(null);
    this.pending.clear();
    const id = this.nextId++;
    const request: TimeModelRequest = { id, scenario };
    return new Promise((resolve, reject) => {
      this.pending.set(id, (reply) => {
        if (reply === null) resolve(null);
        else if ('error' in reply) reject(new Error(reply.error));
        else resolve({ model: reply.model, ms: reply.ms });
      });
      this.ensureWorker().postMessage(request);
    });
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
