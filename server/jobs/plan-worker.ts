import { parentPort, workerData } from 'node:worker_threads';
import type { PlanResult, Scenario } from '../../shared';
import { summarizePlan } from '../../shared/export/plan-summary';
import type { FromWorker, PlanWorkerData, ToWorker } from './messages';
import { encodeService } from './service-codec';
import { boundOnThread } from './bound-thread';
import type { BoundRunner } from '../../shared/placement/bound-task';

type RunPlan = (
  scenario: Scenario,
  options: {
    onProgress?: (...args: never[]) => void;
    signal?: AbortSignal;
    placement?: { boundRunner?: BoundRunner };
  },
) => Promise<PlanResult>;

const port = parentPort;
if (!port) throw new Error('plan-worker must run in a worker thread');
const { plannerModule } = workerData as PlanWorkerData;

let runPlan: RunPlan | undefined;
let loadError = '';
try {
  runPlan = ((await import(plannerModule)) as { runPlan: RunPlan }).runPlan;
  if (typeof runPlan !== 'function') loadError = `${plannerModule} does not export runPlan`;
} catch (e) {
  loadError = `planner not available: ${(e as Error).message}`;
}

const controllers = new Map<number, AbortController>();
const post = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

/** Reads the planner's progress callback in any of the shapes it may use: (stage, fraction) or an object. */
function readProgress(args: unknown[]): { stage: string; fraction: number } | undefined {
  const [a, b] = args;
  if (typeof a === 'number') return { stage: typeof b === 'string' ? b : 'planning', fraction: a };
  if (typeof a === 'string') return { stage: a, fraction: typeof b === 'number' ? b : 0 };
  if (a && typeof a === 'object') {
    const o = a as Record<string, unknown>;
    const stage = typeof o.stage === 'string' ? o.stage : 'planning';
    let fraction =
      typeof o.fraction === 'number' ? o.fraction : typeof o.progress === 'number' ? o.progress : 0;
    if (typeof o.done === 'number' && typeof o.total === 'number' && o.total > 0) fraction = o.done / o.total;
    return { stage, fraction };
  }
  return undefined;
}

async function run(taskId: number, scenario: Scenario): Promise<void> {
  if (!runPlan) {
    post({ type: 'error', taskId, message: loadError, aborted: false });
    return;
  }
  const controller = new AbortController();
  controllers.set(taskId, controller);
  const started = performance.now();
  let lastPost = 0;
  let lastStage = '';
  const onProgress = (...args: unknown[]) => {
    const p = readProgress(args);
    if (!p) return;
    const t = performance.now();
    // At most ~20 messages a second, but always on a stage change.
    if (p.stage === lastStage && t - lastPost < 50) return;
    lastPost = t;
    lastStage = p.stage;
    const fraction = Math.min(1, Math.max(0, Number.isFinite(p.fraction) ? p.fraction : 0));
    post({ type: 'progress', taskId, stage: p.stage, fraction });
  };
  try {
    // A large component's bound runs on a further thread while this one plans its windows.
    const result = await runPlan(scenario, {
      onProgress,
      signal: controller.signal,
      placement: { boundRunner: boundOnThread },
    });
    if (controller.signal.aborted) throw new Error('cancelled');
    const summary = summarizePlan(result);
    const bytes = encodeService(result).slice();
    post({ type: 'done', taskId, summary, serviceGz: bytes, computeMs: performance.now() - started }, [
      bytes.buffer as ArrayBuffer,
    ]);
  } catch (e) {
    post({
      type: 'error',
      taskId,
      message: (e as Error)?.message ?? String(e),
      aborted: controller.signal.aborted,
    });
  } finally {
    controllers.delete(taskId);
  }
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'run') void run(message.taskId, message.scenario);
  else if (message.type === 'cancel') controllers.get(message.taskId)?.abort();
});
