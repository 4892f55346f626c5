import type { RequestHandler, Router } from 'express';
import type { EndpointSpec } from '../../shared/api';
import { authorize, type AuthTokens } from '../middleware/auth';
import { expressPath, validated, type Handler } from '../middleware/validate';

/** Mounts one contract endpoint: token check, then any extra middleware (rate limit), then validation and the handler. */
export function register<E extends EndpointSpec>(
  router: Router,
  tokens: AuthTokens,
  spec: E,
  handler: Handler<E>,
  ...before: RequestHandler[]
): void {
  router[spec.method](
    expressPath(spec.path),
    authorize(tokens, spec.access),
    ...before,
    validated(spec, handler),
  );
}
