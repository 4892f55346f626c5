import type { Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import { formatPath } from '../../shared';
import type { EndpointInput, EndpointSpec } from '../../shared/api';
import { ApiError } from './api-error';

/** A handler receives the validated, typed input (parsed once, here) and the raw request and response. */
export type Handler<E extends EndpointSpec> = (
  input: EndpointInput<E>,
  req: Request,
  res: Response,
) => unknown | Promise<unknown>;

function problems(error: z.ZodError, prefix: string) {
  return error.issues.map((i) => ({
    path: prefix && i.path.length > 0 ? `${prefix}.${formatPath(i.path)}` : prefix || formatPath(i.path),
    message: i.message,
  }));
}

function failure(code: ApiError['code'], details: { path: string; message: string }[]): ApiError {
  const first = details[0] ?? { path: '', message: 'invalid input' };
  const more = details.length > 1 ? ` (and ${details.length - 1} more)` : '';
  const where = first.path ? `${first.path}: ` : '';
  return new ApiError(code, `${where}${first.message}${more}`, first.path, { details });
}

/**
 * Validates path parameters, query, headers and body against the endpoint's zod schemas and hands the
 * parsed values to the handler: bad parameters, queries and headers are 400, a missing If-Match is 428,
 * an invalid body is 422 with every field path in `details`.
 */
export function validated<E extends EndpointSpec>(spec: E, handler: Handler<E>): RequestHandler {
  return async (req, res) => {
    const input: Record<string, unknown> = {};
    if (spec.params) {
      const r = spec.params.safeParse(req.params);
      if (!r.success) throw failure('bad_request', problems(r.error, 'params'));
      input.params = r.data;
    }
    if (spec.query) {
      const r = spec.query.safeParse(req.query ?? {});
      if (!r.success) throw failure('bad_request', problems(r.error, 'query'));
      input.query = r.data;
    }
    if (spec.headers) {
      const r = spec.headers.safeParse(req.headers);
      if (!r.success) {
        const details = problems(r.error, 'headers');
        const missing = r.error.issues.find(
          (i) => i.path.length === 1 && req.headers[String(i.path[0])] === undefined,
        );
        if (missing) {
          const name = String(missing.path[0]);
          throw new ApiError('precondition_required', `the ${name} header is required`, `headers.${name}`, {
            details,
          });
        }
        throw failure('bad_request', details);
      }
      input.headers = r.data;
    }
    if (spec.body) {
      const body: unknown = req.body;
      const hasBody =
        Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
      if (body === undefined) {
        if (hasBody) {
          throw new ApiError(
            'unsupported_media_type',
            `send the body as ${spec.body.contentTypes.join(' or ')}`,
            'headers.content-type',
          );
        }
        if (spec.body.required) throw new ApiError('invalid_body', 'a request body is required', '');
        input.body = undefined;
      } else {
        const r = spec.body.schema.safeParse(body);
        if (!r.success) throw failure(spec.body.errorCode, problems(r.error, ''));
        input.body = r.data;
      }
    }
    await handler(input as unknown as EndpointInput<E>, req, res);
  };
}

/** Express path of an OpenAPI path: `/api/scenarios/{id}` → `/api/scenarios/:id`. */
export function expressPath(path: string): string {
  return path.replace(/\{([^}]+)\}/g, ':$1');
}
