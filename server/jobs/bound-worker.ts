/** Worker thread entry: computes one bound task (bound-thread.ts) and posts its result. */
import { parentPort, workerData } from 'node:worker_threads';
import { computeBound, type BoundTask } from '../../shared/placement/bound-task';

const port = parentPort;
if (!port) throw new Error('bound-worker must run in a worker thread');
port.postMessage(await computeBound((workerData as { task: BoundTask }).task));
