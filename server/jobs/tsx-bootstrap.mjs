// Worker entry: registers tsx's loader in this worker thread (loader hooks and `--import tsx` in
// execArgv do not reach a worker's own entry module on Node 20), then loads the TypeScript entry.
import { workerData } from 'node:worker_threads';

if (workerData.entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.entry);
