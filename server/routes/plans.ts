import { Router, type RequestHandler } from 'express';
import { api, type PlanJobStatus, type PlanResultResponse } from '../../shared/api';
import type { PlanJobs } from '../jobs/plan-jobs';
import { decodeService } from '../jobs/service-codec';
import type { SseStreams } from '../jobs/sse';
import { ApiError } from '../middleware/api-error';
import type { AuthTokens } from '../middleware/auth';
import type { ScenarioStore } from '../store/scenario-store';
import { register } from './register';
import { resolveRevision } from './resolve';

/** How many plans' service arrays stay cached as JSON text. */
const SERVICE_CACHE_ENTRIES = 3;

/** The event that ends a stream, by job status. */
const FINAL_EVENT: Partial<Record<PlanJobStatus, 'done' | 'error' | 'cancelled'>> = {
  done: 'done',
  failed: 'error',
  cancelled: 'cancelled',
};

/** Plan runs: start (rate limited), status, progress events, cancel, and the stored result. */
export function planRoutes(
  store: ScenarioStore,
  jobs: PlanJobs,
  sse: SseStreams,
  tokens: AuthTokens,
  planRateLimit: RequestHandler,
): Router {
  const r = Router();
  /** JSON text of recently requested service arrays, by content hash (insertion order = age). */
  const serviceJson = new Map<string, string>();

  register(
    r,
    tokens,
    api.startPlan,
    ({ params, body }, _req, res) => {
      const target = resolveRevision(store, params.id, body?.revision, 'revision');
      const { job, cached } = jobs.start(target);
      res.setHeader('Location', job.links.self);
      res.status(cached ? 200 : 202).json(job);
    },
    planRateLimit,
  );

  register(r, tokens, api.getPlanResult, async ({ params, query }, _req, res) => {
    const target = resolveRevision(store, params.id, query.revision, 'query.revision');
    const stored = store.planText(target.hash);
    if (!stored) {
      throw new ApiError(
        'not_planned',
        `revision ${target.revision} of "${params.id}" has not been planned yet: POST /api/scenarios/${params.id}/plans`,
        query.revision === undefined ? '' : 'query.revision',
      );
    }
    const head: Pick<PlanResultResponse, 'scenarioId' | 'revision' | 'createdAt'> = {
      scenarioId: target.scenarioId,
      revision: target.revision,
      createdAt: stored.createdAt,
    };
    let service = '';
    if (query.include === 'service') {
      let text = serviceJson.get(target.hash);
      if (text === undefined) {
        const blob = store.planService(target.hash);
        text = JSON.stringify(blob ? await decodeService(blob) : []);
        serviceJson.set(target.hash, text);
        // Keep the few most recent: the default scenario's arrays are ~13 MB of JSON and take ~0.4 s to build.
        if (serviceJson.size > SERVICE_CACHE_ENTRIES)
          serviceJson.delete(serviceJson.keys().next().value as string);
      }
      service = `,"service":${text}`;
    }
    // The stored summary is sent as stored (no parse and re-serialise): {head..., summary..., service?}.
    const headJson = JSON.stringify(head);
    res.setHeader('ETag', `"${target.hash.slice(0, 16)}-${target.revision}"`);
    res
      .type('application/json')
      .send(`${headJson.slice(0, -1)},${stored.summaryJson.slice(1, -1)}${service}}`);
  });

  register(r, tokens, api.getJob, ({ params }, _req, res) => {
    const job = jobs.get(params.jobId);
    if (!job) throw new ApiError('not_found', `no plan job ${params.jobId}`, 'params.jobId');
    res.json(job);
  });

  register(r, tokens, api.jobEvents, ({ params }, req, res) => {
    const job = jobs.get(params.jobId);
    if (!job) throw new ApiError('not_found', `no plan job ${params.jobId}`, 'params.jobId');
    const subscription: { off?: () => void } = {};
    const send = sse.start(res, () => subscription.off?.());
    send('progress', { stage: job.stage ?? 'queued', fraction: job.fraction, status: job.status });
    const finalEvent = FINAL_EVENT[job.status];
    if (finalEvent) {
      send(finalEvent, finalEvent === 'error' ? { error: job.error, job } : job);
      sse.end(res);
      return;
    }
    subscription.off = jobs.subscribe(job.id, (event) => {
      if (event.type === 'progress') {
        send('progress', { stage: event.stage, fraction: event.fraction, status: 'running' });
        return;
      }
      send(event.type, event.type === 'error' ? { error: event.job.error, job: event.job } : event.job);
      sse.end(res);
    });
    req.on('close', () => subscription.off?.());
  });

  register(r, tokens, api.cancelJob, ({ params }, _req, res) => {
    const outcome = jobs.cancel(params.jobId);
    if (outcome.kind === 'not-found')
      throw new ApiError('not_found', `no plan job ${params.jobId}`, 'params.jobId');
    if (outcome.kind === 'finished') {
      throw new ApiError(
        'job_finished',
        `the job has already finished (${outcome.job.status})`,
        'params.jobId',
      );
    }
    res.json(outcome.job);
  });

  return r;
}
