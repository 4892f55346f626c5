import { Router, type Response } from 'express';
import { api, type ScenarioDocument } from '../../shared/api';
import { ApiError } from '../middleware/api-error';
import type { AuthTokens } from '../middleware/auth';
import type { ScenarioStore } from '../store/scenario-store';
import { register } from './register';

const notFound = (id: string) => new ApiError('not_found', `no scenario "${id}"`, 'params.id');

/**
 * The ETag names the revision (for If-Match), but the body also carries the plan state, which changes
 * without a new revision: `no-store` keeps browsers from revalidating it into a stale 304.
 */
function setRevisionHeaders(res: Response, doc: { revision: number }): void {
  res.setHeader('ETag', `"${doc.revision}"`);
  res.setHeader('Cache-Control', 'no-store');
}

function sendDocument(res: Response, status: number, doc: ScenarioDocument): void {
  setRevisionHeaders(res, doc);
  res.status(status).json(doc);
}

/** Scenario CRUD with revisions: thin handlers over the store. */
export function scenarioRoutes(store: ScenarioStore, tokens: AuthTokens): Router {
  const r = Router();

  register(r, tokens, api.listScenarios, ({ query }, _req, res) => {
    res.json({ scenarios: store.list(query.deleted) });
  });

  register(r, tokens, api.createScenario, ({ body }, _req, res) => {
    const doc = store.create(body);
    res.setHeader('Location', `/api/scenarios/${encodeURIComponent(doc.id)}`);
    sendDocument(res, 201, doc);
  });

  register(r, tokens, api.getScenario, ({ params }, _req, res) => {
    const doc = store.get(params.id);
    if (!doc) throw notFound(params.id);
    sendDocument(res, 200, doc);
  });

  register(r, tokens, api.updateScenario, ({ params, headers, body }, _req, res) => {
    const outcome = store.update(params.id, headers['if-match'], body);
    if (outcome.kind === 'not-found') throw notFound(params.id);
    if (outcome.kind === 'conflict') {
      throw new ApiError(
        'revision_conflict',
        `the scenario is at revision ${outcome.currentRevision}, not ${headers['if-match']}: reload it and apply your change again`,
        'headers.if-match',
        { currentRevision: outcome.currentRevision },
      );
    }
    sendDocument(res, 200, outcome.document);
  });

  register(r, tokens, api.deleteScenario, ({ params }, _req, res) => {
    const summary = store.softDelete(params.id);
    if (!summary) throw notFound(params.id);
    res.json(summary);
  });

  register(r, tokens, api.restoreScenario, ({ params }, _req, res) => {
    const summary = store.restore(params.id);
    if (!summary) throw new ApiError('not_found', `no deleted scenario "${params.id}"`, 'params.id');
    res.json(summary);
  });

  register(r, tokens, api.listRevisions, ({ params }, _req, res) => {
    const revisions = store.listRevisions(params.id);
    if (!revisions) throw notFound(params.id);
    res.json({ scenarioId: params.id, revisions });
  });

  register(r, tokens, api.getRevision, ({ params }, _req, res) => {
    const doc = store.getRevision(params.id, params.revision);
    if (!doc) {
      if (!store.get(params.id)) throw notFound(params.id);
      throw new ApiError(
        'not_found',
        `scenario "${params.id}" has no revision ${params.revision}`,
        'params.revision',
      );
    }
    setRevisionHeaders(res, doc);
    res.json(doc);
  });

  register(r, tokens, api.cloneScenario, ({ params, body }, _req, res) => {
    const doc = store.clone(params.id, { name: body?.name, revision: body?.revision });
    if (!doc) {
      if (!store.get(params.id)) throw notFound(params.id);
      throw new ApiError(
        'not_found',
        `scenario "${params.id}" has no revision ${body?.revision}`,
        'revision',
      );
    }
    res.setHeader('Location', `/api/scenarios/${encodeURIComponent(doc.id)}`);
    sendDocument(res, 201, doc);
  });

  return r;
}
