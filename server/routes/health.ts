import { Router } from 'express';
import { api, type Health } from '../../shared/api';
import type { AuthTokens } from '../middleware/auth';
import { register } from './register';

/** Liveness: cheap on purpose (one `SELECT 1`), answered on the main thread while workers plan. */
export function healthRoutes(
  tokens: AuthTokens,
  probe: { database: () => boolean; workers: () => Health['workers'] },
): Router {
  const started = Date.now();
  const r = Router();
  register(r, tokens, api.health, (_input, _req, res) => {
    let database: Health['database'] = 'closed';
    try {
      database = probe.database() ? 'ok' : 'closed';
    } catch {
      database = 'closed';
    }
    const body: Health = {
      status: database === 'ok' ? 'ok' : 'degraded',
      uptimeSeconds: Math.round((Date.now() - started) / 1000),
      database,
      workers: probe.workers(),
      time: new Date().toISOString(),
    };
    res.setHeader('Cache-Control', 'no-store');
    res.status(database === 'ok' ? 200 : 503).json(body);
  });
  return r;
}
