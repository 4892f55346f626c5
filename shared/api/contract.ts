import { z } from 'zod';
import { scenarioSchema } from '../scenario/scenario';
import { apiErrorSchema } from './errors';
import { scenarioBodySchema } from './scenario-body';
import * as s from './schemas';

/** Who may call an endpoint when tokens are configured: anyone, read tokens and up, or write tokens. */
export type Access = 'public' | 'read' | 'write';

/** One response of an endpoint: JSON (with a schema) or another media type. */
export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  contentType?: string;
}

/** A request body: the schema that validates it, and (when that schema transforms) one to document it. */
export interface BodySpec {
  schema: z.ZodType;
  docSchema?: z.ZodType;
  contentTypes: readonly string[];
  required: boolean;
  /** Error code of a body that fails validation (422). */
  errorCode: 'invalid_body' | 'invalid_scenario' | 'invalid_file';
}

/** One HTTP endpoint: path (OpenAPI style, `{id}`), inputs, responses. The server and the docs read it. */
export interface EndpointSpec {
  operationId: string;
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  summary: string;
  description?: string;
  tag: 'health' | 'scenarios' | 'plans' | 'exports' | 'imports' | 'docs';
  access: Access;
  params?: z.ZodType;
  query?: z.ZodType;
  headers?: z.ZodType;
  body?: BodySpec;
  responses: Record<number, ResponseSpec>;
}

/** The validated input a handler receives (parts the endpoint does not declare are `undefined`). */
export interface EndpointInput<E extends EndpointSpec> {
  params: E extends { params: infer P extends z.ZodType } ? z.output<P> : undefined;
  query: E extends { query: infer Q extends z.ZodType } ? z.output<Q> : undefined;
  headers: E extends { headers: infer H extends z.ZodType } ? z.output<H> : undefined;
  body: E extends { body: { schema: infer B extends z.ZodType; required: true } }
    ? z.output<B>
    : E extends { body: { schema: infer B extends z.ZodType } }
      ? z.output<B> | undefined
      : undefined;
}

function endpoint<const S extends EndpointSpec>(spec: S): S {
  return spec;
}

const err = (description: string): ResponseSpec => ({ description, schema: apiErrorSchema });
const E400 = err('bad path parameter, query or header, or malformed JSON');
const E401 = err('missing or wrong bearer token (when tokens are configured)');
const E403 = err('a read-only token tried to write');
const E404 = err('no such scenario, revision, job or stored plan');
const E413 = err('body larger than the limit');
const E422 = err('the body is not valid; `details` lists every field path and reason');

const json = ['application/json'];
const scenarioBody = {
  schema: scenarioBodySchema,
  docSchema: scenarioSchema,
  contentTypes: json,
  required: true as const,
  errorCode: 'invalid_scenario' as const,
};

/** Every endpoint of the HTTP API, in the order the docs list them. */
export const api = {
  health: endpoint({
    operationId: 'getHealth',
    method: 'get',
    path: '/api/health',
    summary: 'Liveness and load: database, worker pool',
    tag: 'health',
    access: 'public',
    responses: {
      200: { description: 'the server is up', schema: s.healthSchema },
      503: { description: 'the database does not answer', schema: s.healthSchema },
    },
  }),
  listScenarios: endpoint({
    operationId: 'listScenarios',
    method: 'get',
    path: '/api/scenarios',
    summary: 'List scenarios: name, last update, revision, KPIs of the latest plan',
    tag: 'scenarios',
    access: 'read',
    query: s.listScenariosQuerySchema,
    responses: { 200: { description: 'the scenarios', schema: s.scenarioListSchema }, 400: E400, 401: E401 },
  }),
  createScenario: endpoint({
    operationId: 'createScenario',
    method: 'post',
    path: '/api/scenarios',
    summary: 'Create a scenario (revision 1)',
    tag: 'scenarios',
    access: 'write',
    body: scenarioBody,
    responses: {
      201: { description: 'created; Location and ETag set', schema: s.scenarioDocumentSchema },
      400: E400,
      401: E401,
      403: E403,
      413: E413,
      422: E422,
    },
  }),
  getScenario: endpoint({
    operationId: 'getScenario',
    method: 'get',
    path: '/api/scenarios/{id}',
    summary: 'The latest revision of a scenario (ETag: its revision)',
    tag: 'scenarios',
    access: 'read',
    params: s.scenarioParamsSchema,
    responses: {
      200: { description: 'the scenario', schema: s.scenarioDocumentSchema },
      400: E400,
      401: E401,
      404: E404,
    },
  }),
  updateScenario: endpoint({
    operationId: 'updateScenario',
    method: 'put',
    path: '/api/scenarios/{id}',
    summary: 'Save a new revision; If-Match must name the revision the edit started from',
    description:
      'Every save is a new revision; nothing is overwritten. A stale If-Match is refused with 409 and the current revision in `error.currentRevision`.',
    tag: 'scenarios',
    access: 'write',
    params: s.scenarioParamsSchema,
    headers: s.ifMatchHeaderSchema,
    body: scenarioBody,
    responses: {
      200: { description: 'saved as the next revision', schema: s.scenarioDocumentSchema },
      400: E400,
      401: E401,
      403: E403,
      404: E404,
      409: err('the scenario has moved on since that revision'),
      413: E413,
      422: E422,
      428: err('If-Match missing'),
    },
  }),
  deleteScenario: endpoint({
    operationId: 'deleteScenario',
    method: 'delete',
    path: '/api/scenarios/{id}',
    summary: 'Soft-delete a scenario (restorable; revisions kept)',
    tag: 'scenarios',
    access: 'write',
    params: s.scenarioParamsSchema,
    responses: {
      200: { description: 'deleted', schema: s.scenarioSummarySchema },
      400: E400,
      401: E401,
      403: E403,
      404: E404,
    },
  }),
  restoreScenario: endpoint({
    operationId: 'restoreScenario',
    method: 'post',
    path: '/api/scenarios/{id}/restore',
    summary: 'Restore a soft-deleted scenario',
    tag: 'scenarios',
    access: 'write',
    params: s.scenarioParamsSchema,
    responses: {
      200: { description: 'restored', schema: s.scenarioSummarySchema },
      400: E400,
      401: E401,
      403: E403,
      404: E404,
    },
  }),
  listRevisions: endpoint({
    operationId: 'listRevisions',
    method: 'get',
    path: '/api/scenarios/{id}/revisions',
    summary: 'All revisions of a scenario, newest first',
    tag: 'scenarios',
    access: 'read',
    params: s.scenarioParamsSchema,
    responses: {
      200: { description: 'revisions', schema: s.revisionListSchema },
      400: E400,
      401: E401,
      404: E404,
    },
  }),
  getRevision: endpoint({
    operationId: 'getRevision',
    method: 'get',
    path: '/api/scenarios/{id}/revisions/{revision}',
    summary: 'One revision of a scenario',
    tag: 'scenarios',
    access: 'read',
    params: s.revisionParamsSchema,
    responses: {
      200: { description: 'the revision', schema: s.revisionDocumentSchema },
      400: E400,
      401: E401,
      404: E404,
    },
  }),
  cloneScenario: endpoint({
    operationId: 'cloneScenario',
    method: 'post',
    path: '/api/scenarios/{id}/clone',
    summary: 'Copy a scenario (its latest or a given revision) into a new scenario',
    tag: 'scenarios',
    access: 'write',
    params: s.scenarioParamsSchema,
    body: { schema: s.cloneBodySchema, contentTypes: json, required: false, errorCode: 'invalid_body' },
    responses: {
      201: { description: 'the copy', schema: s.scenarioDocumentSchema },
      400: E400,
      401: E401,
      403: E403,
      404: E404,
      422: E422,
    },
  }),
  startPlan: endpoint({
    operationId: 'startPlan',
    method: 'post',
    path: '/api/scenarios/{id}/plans',
    summary: 'Plan a revision in a worker thread (rate limited); 200 when already stored',
    tag: 'plans',
    access: 'write',
    params: s.scenarioParamsSchema,
    body: { schema: s.startPlanBodySchema, contentTypes: json, required: false, errorCode: 'invalid_body' },
    responses: {
      200: { description: 'the plan of this revision is stored: a finished job', schema: s.planJobSchema },
      202: { description: 'queued; follow links.events or poll links.self', schema: s.planJobSchema },
      400: E400,
      401: E401,
      403: E403,
      404: E404,
      422: E422,
      429: err('too many plan runs; try again later'),
    },
  }),
  getPlanResult: endpoint({
    operationId: 'getPlanResult',
    method: 'get',
    path: '/api/scenarios/{id}/plan',
    summary: 'The stored plan of a revision: sites, KPIs, unserved demand, warnings, service summary',
    tag: 'plans',
    access: 'read',
    params: s.scenarioParamsSchema,
    query: s.planResultQuerySchema,
    responses: {
      200: { description: 'the plan', schema: s.planResultResponseSchema },
      400: E400,
      401: E401,
      404: err('no such scenario or revision, or not planned yet (code not_planned)'),
    },
  }),
  getJob: endpoint({
    operationId: 'getPlanJob',
    method: 'get',
    path: '/api/plans/{jobId}',
    summary: 'Status of a plan job',
    tag: 'plans',
    access: 'read',
    params: s.jobParamsSchema,
    responses: { 200: { description: 'the job', schema: s.planJobSchema }, 400: E400, 401: E401, 404: E404 },
  }),
  jobEvents: endpoint({
    operationId: 'streamPlanJob',
    method: 'get',
    path: '/api/plans/{jobId}/events',
    summary: 'Progress as server-sent events',
    description:
      'Events: `progress` {stage, fraction}, then one of `done` (the job), `error` {error}, `cancelled` (the job). The current state is sent first. EventSource cannot send headers: pass `access_token` in the query when tokens are configured.',
    tag: 'plans',
    access: 'read',
    params: s.jobParamsSchema,
    responses: {
      200: { description: 'event stream', contentType: 'text/event-stream' },
      400: E400,
      401: E401,
      404: E404,
    },
  }),
  cancelJob: endpoint({
    operationId: 'cancelPlanJob',
    method: 'post',
    path: '/api/plans/{jobId}/cancel',
    summary: 'Cancel a queued or running plan job',
    tag: 'plans',
    access: 'write',
    params: s.jobParamsSchema,
    responses: {
      200: { description: 'cancelled', schema: s.planJobSchema },
      400: E400,
      401: E401,
      403: E403,
      404: E404,
      409: err('the job has already finished (code job_finished)'),
    },
  }),
  exportPlan: endpoint({
    operationId: 'exportPlan',
    method: 'get',
    path: '/api/scenarios/{id}/exports/{format}',
    summary: 'Export the stored plan: sites CSV, GeoJSON, KML or a printable HTML report',
    tag: 'exports',
    access: 'read',
    params: s.exportParamsSchema,
    query: s.exportQuerySchema,
    responses: {
      200: {
        description: 'the file (Content-Disposition: attachment, except the report)',
        contentType: 'text/plain',
      },
      400: E400,
      401: E401,
      404: err('no such scenario or revision, or not planned yet (code not_planned)'),
    },
  }),
  importRoutes: endpoint({
    operationId: 'importRoutes',
    method: 'post',
    path: '/api/imports/routes',
    summary: 'Read routes from a GeoJSON, KML or GPX file; lists every line with name, points and length',
    description:
      'Send the file as the request body. Nothing is stored: pick routes from the answer and save the scenario.',
    tag: 'imports',
    access: 'read',
    query: s.importRoutesQuerySchema,
    body: {
      schema: s.importFileBodySchema,
      contentTypes: [
        'application/geo+json',
        'application/json',
        'application/vnd.google-earth.kml+xml',
        'application/gpx+xml',
        'application/xml',
        'text/plain',
      ],
      required: true,
      errorCode: 'invalid_file',
    },
    responses: {
      200: { description: 'the lines found', schema: s.importRoutesResponseSchema },
      400: E400,
      401: E401,
      413: E413,
      422: err('not a readable GeoJSON/KML/GPX file, or no line in it'),
    },
  }),
  importSites: endpoint({
    operationId: 'importSites',
    method: 'post',
    path: '/api/imports/sites',
    summary: 'Read existing sites from CSV (name/id, lon/lat in decimal degrees or DMS, type)',
    description:
      'Headers are matched case-insensitively: name|site|site_name, id|site_id|code, lon|longitude|lng|long|x, lat|latitude|y, type|siteType|site_type. Rows with problems are reported, not dropped silently.',
    tag: 'imports',
    access: 'read',
    query: s.importSitesQuerySchema,
    body: {
      schema: s.importFileBodySchema,
      contentTypes: ['text/csv', 'text/plain'],
      required: true,
      errorCode: 'invalid_file',
    },
    responses: {
      200: {
        description: 'the sites read, and the rows that could not be',
        schema: s.importSitesResponseSchema,
      },
      400: E400,
      401: E401,
      413: E413,
      422: err('no usable header (longitude and latitude columns are needed)'),
    },
  }),
  openapi: endpoint({
    operationId: 'getOpenApi',
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This API as OpenAPI 3.1',
    tag: 'docs',
    access: 'public',
    responses: { 200: { description: 'the OpenAPI document', contentType: 'application/json' } },
  }),
} as const;

export type Api = typeof api;
