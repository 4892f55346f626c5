/**
 * The browser's HTTP client, typed from the shared contract (shared/api): paths come from `api.*.path`,
 * responses are checked with the contract's zod schemas (except the large plan arrays, which are only
 * shape-checked), and error bodies become `ApiError` with the field path and, on 409, the current
 * revision. Relative URLs only: the app talks to the origin that served it. `request` is exported for
 * the scenario manager, comparison and exports (client/scenarios, client/compare, client/exports).
 */
import { z } from 'zod';
import { authHeaders, withAccessToken } from './auth-token';
import {
  api,
  apiErrorSchema,
  planJobSchema,
  scenarioDocumentSchema,
  scenarioListSchema,
  type PlanJob,
  type PlanResultResponse,
  type ScenarioDocument,
  type ScenarioSummary,
} from '../shared/api/index';
import type { FieldError } from '../shared/index';
import type { ScenarioDoc } from './state/scenario-edits';

/** An error answer of the API (or a network failure, with status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly path = '',
    readonly details: FieldError[] = [],
    readonly currentRevision: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Fills `{name}` placeholders of a contract path. */
export function pathOf(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params[name])));
}

export async function request<T>(
  method: string,
  url: string,
  schema: z.ZodType<T> | null,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: {
        Accept: 'application/json',
        ...(body !== undefined && !(body instanceof Blob) ? { 'Content-Type': 'application/json' } : {}),
        ...authHeaders(),
        ...headers,
      },
      // A Blob goes as it is, with its own media type (file imports); anything else as JSON.
      body: body === undefined ? undefined : body instanceof Blob ? body : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e));
  }
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!response.ok) {
    const parsed = apiErrorSchema.safeParse(json);
    if (parsed.success) {
      const e = parsed.data.error;
      throw new ApiError(
        response.status,
        e.code,
        e.message,
        e.path,
        e.details ?? [],
        e.currentRevision ?? null,
      );
    }
    throw new ApiError(response.status, 'http', `${response.status} ${response.statusText}`.trim());
  }
  if (!schema) return json as T;
  const checked = schema.safeParse(json);
  if (!checked.success) throw new ApiError(response.status, 'bad_response', `unexpected answer from ${url}`);
  return checked.data;
}

export function listScenarios(): Promise<ScenarioSummary[]> {
  return request('GET', api.listScenarios.path, scenarioListSchema).then((r) => r.scenarios);
}

export function getScenario(id: string): Promise<ScenarioDocument> {
  return request('GET', pathOf(api.getScenario.path, { id }), scenarioDocumentSchema);
}

export function createScenario(doc: ScenarioDoc): Promise<ScenarioDocument> {
  return request('POST', api.createScenario.path, scenarioDocumentSchema, doc);
}

/** Saves a new revision; refused with 409 (`ApiError.currentRevision`) when `revision` is stale. */
export function updateScenario(id: string, revision: number, doc: ScenarioDoc): Promise<ScenarioDocument> {
  return request('PUT', pathOf(api.updateScenario.path, { id }), scenarioDocumentSchema, doc, {
    'If-Match': `"${revision}"`,
  });
}

/** Starts planning a revision (a finished job when the plan is already stored). */
export function startPlan(id: string, revision: number): Promise<PlanJob> {
  return request('POST', pathOf(api.startPlan.path, { id }), planJobSchema, { revision });
}

export function getPlanJob(jobId: string): Promise<PlanJob> {
  return request('GET', pathOf(api.getJob.path, { jobId }), planJobSchema);
}

const planResultShape = z.looseObject({
  scenarioId: z.string(),
  revision: z.number(),
  sites: z.array(z.looseObject({ id: z.string(), lon: z.number(), lat: z.number() })),
  kpis: z.looseObject({ capexUsd: z.number() }),
  routes: z.array(z.looseObject({ routeId: z.string() })),
});

/** The stored plan of a revision, with the per segment-step service arrays. */
export async function getPlanResult(id: string, revision: number): Promise<PlanResultResponse> {
  const url = `${pathOf(api.getPlanResult.path, { id })}?revision=${revision}&include=service`;
  const result = await request('GET', url, null);
  if (!planResultShape.safeParse(result).success)
    throw new ApiError(200, 'bad_response', 'unexpected plan result');
  return result as PlanResultResponse;
}

/** Progress of a plan job as the event stream reports it. */
export type PlanEvent =
  | { kind: 'progress'; stage: string; fraction: number }
  | { kind: 'done'; job: PlanJob }
  | { kind: 'error'; message: string }
  | { kind: 'cancelled' };

/**
 * Follows a plan job's server-sent events until it ends. Resolves with the finished job; rejects on an
 * error event, a cancelled job or a dropped stream (after checking the job once more by GET).
 */
export function followPlanJob(
  job: PlanJob,
  onProgress: (stage: string, fraction: number) => void,
): Promise<PlanJob> {
  if (job.status === 'done') return Promise.resolve(job);
  return new Promise((resolve, reject) => {
    const source = new EventSource(withAccessToken(job.links.events));
    let finished = false;
    const finish = (fn: () => void) => {
      if (finished) return;
      finished = true;
      source.close();
      fn();
    };
    const data = (e: Event): Record<string, unknown> => {
      try {
        return JSON.parse((e as MessageEvent<string>).data) as Record<string, unknown>;
      } catch {
        return {};
      }
    };
    source.addEventListener('progress', (e) => {
      const d = data(e);
      onProgress(String(d.stage ?? ''), Number(d.fraction ?? 0));
    });
    source.addEventListener('done', (e) => {
      const parsed = planJobSchema.safeParse(data(e));
      finish(() => resolve(parsed.success ? parsed.data : { ...job, status: 'done' }));
    });
    source.addEventListener('cancelled', () =>
      finish(() => reject(new ApiError(200, 'cancelled', 'the plan was cancelled'))),
    );
    source.addEventListener('error', (e) => {
      const d = data(e);
      const err = d.error as { message?: string } | undefined;
      if (err?.message) {
        finish(() => reject(new ApiError(200, 'plan_failed', err.message ?? 'failed')));
        return;
      }
      // A dropped connection: ask for the job's state once instead of reconnecting forever.
      finish(() =>
        getPlanJob(job.id).then((current) => {
          if (current.status === 'done') resolve(current);
          else if (current.status === 'failed')
            reject(new ApiError(200, 'plan_failed', current.error?.message ?? 'failed'));
          else reject(new ApiError(0, 'stream', 'lost the progress stream'));
        }, reject),
      );
    });
  });
}
