/**
 * A `BoundRunner` on a worker thread: a large component's longer bound LP runs on a second core while the
 * planning thread solves the windows. One short-lived thread per task (its start, ~0.3 s, is small
 * against the LP it runs); the task is copied to it.
 */
import { Worker } from 'node:worker_threads';
import type { BoundResult, BoundRunner } from '../../shared/placement/bound-task';

const BOOTSTRAP = new URL('./tsx-bootstrap.mjs', import.meta.url);
const BOUND_ENTRY = new URL('./bound-worker.ts', import.meta.url).href;

/** Runs the bound task on a new worker thread; ends the thread when `signal` aborts. */
export const boundOnThread: BoundRunner = (task, signal) =>
  new Promise<BoundResult>((resolve, reject) => {
    signal?.throwIfAborted();
    const worker = new Worker(BOOTSTRAP, { workerData: { entry: BOUND_ENTRY, task }, name: 'bound-worker' });
    const stop = () => {
      void worker.terminate();
      reject(signal?.reason instanceof Error ? signal.reason : new Error('bound cancelled'));
    };
    signal?.addEventListener('abort', stop, { once: true });
    const settle = () => signal?.removeEventListener('abort', stop);
    worker.once('message', (result: BoundResult) => {
      settle();
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', (error) => {
      settle();
      reject(error);
    });
    worker.once('exit', (code) => {
      settle();
      reject(new Error(`bound worker exited (code ${code})`));
    });
  });
