import express, { Router } from 'express';
import { api } from '../../shared/api';
import { readRouteFile } from '../imports/route-files';
import { readSitesCsv } from '../imports/sites-csv';
import type { AuthTokens } from '../middleware/auth';
import { register } from './register';

/** Imports: files in the body as text (any media type), converted and returned; nothing is stored. */
export function importRoutes(tokens: AuthTokens, bodyLimitBytes: number): Router {
  const r = Router();
  r.use('/api/imports', express.text({ type: () => true, limit: bodyLimitBytes }));
  register(r, tokens, api.importRoutes, ({ query, body }, _req, res) => {
    res.json(readRouteFile(body, query.format));
  });
  register(r, tokens, api.importSites, ({ query, body }, _req, res) => {
    res.json(readSitesCsv(body, query.siteType));
  });
  return r;
}
