/**
 * The scenario-management part of the HTTP contract the workspace client (client/api.ts) does not cover:
 * listing with deleted ones, soft delete and restore, revisions, clone, the stored plan without its
 * per-step arrays, export downloads and the existing-sites CSV import. Paths come from shared/api; answers are checked by its schemas.
 */
import { z } from 'zod';
import { authHeaders } from '../auth-token';
import {
  api,
  exportParamsSchema,
  importSitesResponseSchema,
  planResultResponseSchema,
  revisionDocumentSchema,
  revisionListSchema,
  scenarioDocumentSchema,
  scenarioListSchema,
  scenarioSummarySchema,
  type ImportSitesResponse,
  type PlanResultResponse,
  type RevisionDocument,
  type RevisionSummary,
  type ScenarioDocument,
  type ScenarioSummary,
} from '../../shared/api/index';
import { ApiError, pathOf, request } from '../api';

export type DeletedFilter = 'exclude' | 'include' | 'only';

export function listScenariosFiltered(deleted: DeletedFilter): Promise<ScenarioSummary[]> {
  return request('GET', `${api.listScenarios.path}?deleted=${deleted}`, scenarioListSchema).then(
    (r) => r.scenarios,
  );
}

export function deleteScenario(id: string): Promise<ScenarioSummary> {
  return request('DELETE', pathOf(api.deleteScenario.path, { id }), scenarioSummarySchema);
}

export function restoreScenario(id: string): Promise<ScenarioSummary> {
  return request('POST', pathOf(api.restoreScenario.path, { id }), scenarioSummarySchema);
}

/** Revisions, newest first. */
export function listRevisions(id: string): Promise<RevisionSummary[]> {
  return request('GET', pathOf(api.listRevisions.path, { id }), revisionListSchema).then((r) => r.revisions);
}

export function getRevision(id: string, revision: number): Promise<RevisionDocument> {
  return request('GET', pathOf(api.getRevision.path, { id, revision }), revisionDocumentSchema);
}

/** Copies a revision (the latest when omitted) into a new scenario. */
export function cloneScenario(
  id: string,
  options: { name?: string; revision?: number } = {},
): Promise<ScenarioDocument> {
  return request('POST', pathOf(api.cloneScenario.path, { id }), scenarioDocumentSchema, options);
}

/** The plan KPIs and sites need no per-step arrays: the summary is small even for the default scenario. */
const planSummarySchema = planResultResponseSchema.omit({ service: true }).loose();

/** The stored plan of a revision without the per-step service arrays, or null when it is not planned. */
export async function getPlanSummary(id: string, revision: number): Promise<PlanResultResponse | null> {
  try {
    return await request(
      'GET',
      `${pathOf(api.getPlanResult.path, { id })}?revision=${revision}`,
      planSummarySchema as unknown as z.ZodType<PlanResultResponse>,
    );
  } catch (e) {
    if (e instanceof ApiError && e.status === 404 && e.code === 'not_planned') return null;
    throw e;
  }
}

/** A server export: `sites.csv`, `plan.geojson`, `plan.kml` or `report.html`. */
export type ExportFormat = z.infer<typeof exportParamsSchema>['format'];

/** URL of a server export of a stored plan. */
export function exportUrl(id: string, revision: number, format: ExportFormat): string {
  return `${pathOf(api.exportPlan.path, { id, format })}?revision=${revision}`;
}

/** Fetches an export as a Blob (errors as ApiError, e.g. `not_planned`). */
export async function fetchExport(id: string, revision: number, format: ExportFormat): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(exportUrl(id, revision, format), { headers: authHeaders() });
  } catch (e) {
    throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e));
  }
  if (!response.ok) {
    let code = 'http';
    let message = `${response.status} ${response.statusText}`.trim();
    try {
      const body = (await response.json()) as { error?: { code?: string; message?: string } };
      code = body.error?.code ?? code;
      message = body.error?.message ?? message;
    } catch {
      // Not a JSON error body: keep the status line.
    }
    throw new ApiError(response.status, code, message);
  }
  return response.blob();
}

/**
 * Reads existing sites from a CSV file on the server (header aliases, decimal or DMS coordinates);
 * `siteType` is the type of rows without one. Nothing is stored: the answer lists the sites and the rows
 * that could not be read.
 */
export function importSitesCsv(text: string, siteType?: string): Promise<ImportSitesResponse> {
  const query = siteType ? `?siteType=${encodeURIComponent(siteType)}` : '';
  return request(
    'POST',
    `${api.importSites.path}${query}`,
    importSitesResponseSchema,
    new Blob([text], { type: 'text/csv' }),
  );
}
