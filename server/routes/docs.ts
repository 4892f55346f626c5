import express, { Router } from 'express';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { api, buildOpenApi } from '../../shared/api';
import type { AuthTokens } from '../middleware/auth';
import { register } from './register';

const swaggerDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

const DOCS_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Arbaeen planner API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body>
</html>
`;

const INIT_JS = `window.ui = SwaggerUIBundle({
  url: '/api/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  validatorUrl: null,
  tryItOutEnabled: false,
  persistAuthorization: false,
});
`;

/** OpenAPI 3.1 (generated from the contract's zod schemas once) and a Swagger UI served from node_modules. */
export function docsRoutes(tokens: AuthTokens): Router {
  const r = Router();
  const document = JSON.stringify(buildOpenApi());
  register(r, tokens, api.openapi, (_input, _req, res) => {
    res.type('application/json').send(document);
  });
  r.get('/api/docs', (_req, res) => {
    res.type('html').send(DOCS_HTML);
  });
  r.get('/api/docs/init.js', (_req, res) => {
    res.type('application/javascript').send(INIT_JS);
  });
  r.use('/api/docs/assets', express.static(swaggerDir, { index: false, maxAge: '1d' }));
  return r;
}
