import type { Scenario } from '../../shared';
import type { PlanSummary } from '../../shared/export';

/** Main thread → plan worker. */
export type ToWorker =
  { type: 'run'; taskId: number; scenario: Scenario } | { type: 'cancel'; taskId: number };

/** Plan worker → main thread. */
export type FromWorker =
  | { type: 'progress'; taskId: number; stage: string; fraction: number }
  | { type: 'done'; taskId: number; summary: PlanSummary; serviceGz: Uint8Array; computeMs: number }
  | { type: 'error'; taskId: number; message: string; aborted: boolean };

/** What the worker is started with. */
export interface PlanWorkerData {
  /** Module that exports `runPlan(scenario, { onProgress, signal })` (file URL). */
  plannerModule: string;
  /** The worker's TypeScript entry, loaded by the tsx bootstrap. */
  entry: string;
}
