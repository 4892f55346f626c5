import express, { type Express, type RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import compression from 'compression';
import helmet from 'helmet';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Health } from '../shared/api';
import type { PlanJobs } from './jobs/plan-jobs';
import { SseStreams } from './jobs/sse';
import { ApiError } from './middleware/api-error';
import type { AuthTokens } from './middleware/auth';
import { apiNotFound, errorHandler } from './middleware/error-handler';
import { requestLog } from './middleware/request-log';
import { docsRoutes } from './routes/docs';
import { exportRoutes } from './routes/exports';
import { healthRoutes } from './routes/health';
import { importRoutes } from './routes/imports';
import { planRoutes } from './routes/plans';
import { scenarioRoutes } from './routes/scenarios';
import type { ScenarioStore } from './store/scenario-store';

/** Everything the HTTP app needs, built by main.ts (or a test). */
export interface AppDeps {
  store: ScenarioStore;
  jobs: PlanJobs;
  logger: Logger;
  /** Worker pool figures for /api/health. */
  workers: () => Health['workers'];
  tokens?: AuthTokens;
  /** Folder of the built browser app (dist/client); omitted or missing: API only. */
  clientDir?: string | null;
  /** Online MapLibre style URL the app should use instead of its offline basemap (MAP_STYLE); optional. */
  mapStyleUrl?: string;
  /** Request body limit, bytes (default 5 MB). */
  bodyLimitBytes?: number;
  /** Plan starts allowed per client per window (default 30 per minute). */
  planRateLimit?: { limit: number; windowMs: number };
  /** Open event streams (shared with main.ts so shutdown can end them). */
  sse?: SseStreams;
}

/**
 * Content Security Policy for the app and the docs: only this origin, plus the blob: workers and
 * data:/blob: images MapLibre needs; inline styles (MapLibre and Swagger UI set them); no external host.
 */
/**
 * Content Security Policy: nothing outside the app's origin. With an online style configured (MAP_STYLE),
 * the map may also fetch styles, tiles, glyphs and sprites over https (from any host, as styles name
 * several), and then `?style=` and the in-app setting work too.
 */
function contentSecurityPolicy(onlineStyle: boolean) {
  const online = onlineStyle ? ['https:'] : [];
  return {
    ...CSP,
    directives: {
      ...CSP.directives,
      imgSrc: [...CSP.directives.imgSrc, ...online],
      connectSrc: [...CSP.directives.connectSrc, ...online],
    },
  };
}

const CSP = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'", 'blob:', 'data:'],
    workerSrc: ["'self'", 'blob:'],
    childSrc: ["'self'", 'blob:'],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    scriptSrcAttr: ["'none'"],
  },
};

function escapeHtmlAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Builds the express app (no listen): security headers, logging, the API, the docs and the browser app. */
export function createApp(deps: AppDeps): Express {
  const tokens = deps.tokens ?? {};
  const bodyLimit = deps.bodyLimitBytes ?? 5 * 1024 * 1024;
  const sse = deps.sse ?? new SseStreams();
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.locals.sse = sse;

  app.use(
    helmet({
      contentSecurityPolicy: contentSecurityPolicy(Boolean(deps.mapStyleUrl)),
      crossOriginEmbedderPolicy: false,
      hsts: false,
    }),
  );
  app.use(requestLog(deps.logger));
  // gzip JSON and the app's assets (a default plan with service arrays is ~13 MB of JSON); never the
  // server-sent event streams, which must reach the browser event by event.
  app.use(
    compression({
      filter: (req, res) => !req.path.endsWith('/events') && compression.filter(req, res),
    }),
  );

  app.use(
    healthRoutes(tokens, {
      database: () => deps.store.healthy(),
      workers: () => deps.workers(),
    }),
  );
  app.use(docsRoutes(tokens));
  app.use(importRoutes(tokens, bodyLimit));

  app.use('/api', express.json({ limit: bodyLimit, type: ['application/json', 'application/*+json'] }));
  const planLimit = deps.planRateLimit ?? { limit: 30, windowMs: 60_000 };
  const planRateLimit: RequestHandler = rateLimit({
    windowMs: planLimit.windowMs,
    limit: planLimit.limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) =>
      next(
        new ApiError(
          'rate_limited',
          `at most ${planLimit.limit} plan runs per ${planLimit.windowMs / 1000} s; try again later`,
        ),
      ),
  });
  app.use(scenarioRoutes(deps.store, tokens));
  app.use(planRoutes(deps.store, deps.jobs, sse, tokens, planRateLimit));
  app.use(exportRoutes(deps.store, tokens));
  app.use('/api', apiNotFound);

  const clientDir = deps.clientDir;
  if (clientDir && existsSync(join(clientDir, 'index.html'))) {
    // With MAP_STYLE, the page carries <meta name="map-style"> telling the app which online style to use.
    const indexFile = join(clientDir, 'index.html');
    const page = deps.mapStyleUrl
      ? readFileSync(indexFile, 'utf8').replace(
          '</head>',
          `<meta name="map-style" content="${escapeHtmlAttribute(deps.mapStyleUrl)}"></head>`,
        )
      : null;
    const sendPage = (res: express.Response) => {
      res.setHeader('Cache-Control', 'no-cache');
      if (page) res.type('html').send(page);
      else res.sendFile(indexFile);
    };
    app.get(['/', '/index.html'], (_req, res) => sendPage(res));
    app.use(express.static(clientDir, { index: false, maxAge: '1h', setHeaders: immutableAssets }));
    app.get(/^\/(?!api(\/|$)).*/, (req, res, next) => {
      if (!req.accepts('html')) {
        next();
        return;
      }
      sendPage(res);
    });
  }
  app.use((req, _res, next) => next(new ApiError('not_found', `nothing at ${req.path}`)));
  app.use(errorHandler(deps.logger));
  return app;
}

/** Vite's hashed assets never change: cache them for a year. */
function immutableAssets(res: express.Response, path: string): void {
  if (/[/\\]assets[/\\]/.test(path)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
  else if (path.endsWith('index.html')) res.setHeader('Cache-Control', 'no-cache');
}
