import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { ApiError } from './api-error';

/** Errors thrown by body-parser carry a `type` and a status. */
interface HttpishError {
  type?: string;
  status?: number;
  statusCode?: number;
  expose?: boolean;
  message?: string;
}

/** Maps anything thrown to an ApiError; unknown errors become a 500 without details. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  const e = (err ?? {}) as HttpishError;
  switch (e.type) {
    case 'entity.parse.failed':
      return new ApiError('invalid_json', 'the body is not valid JSON');
    case 'entity.too.large':
      return new ApiError('payload_too_large', 'the body is larger than the limit');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new ApiError('unsupported_media_type', e.message ?? 'unsupported encoding');
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return new ApiError('bad_request', 'the request body could not be read');
  }
  const status = e.status ?? e.statusCode;
  if (status === 413) return new ApiError('payload_too_large', 'the body is larger than the limit');
  if (status === 415) return new ApiError('unsupported_media_type', 'unsupported media type');
  if (status !== undefined && status >= 400 && status < 500) {
    return new ApiError('bad_request', e.expose && e.message ? e.message : 'bad request');
  }
  return new ApiError('internal', 'internal error');
}

/** The one error handler: logs server faults with their stack, answers with the error body only. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, next) => {
    const apiError = toApiError(err);
    if (apiError.status >= 500) logger.error({ err, method: req.method, url: req.path }, 'request failed');
    if (res.headersSent) {
      next(err);
      return;
    }
    res.status(apiError.status).json(apiError.body());
  };
}

/** 404 for unknown API paths (JSON, not the SPA page). */
export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new ApiError('not_found', `no endpoint ${req.method} ${req.originalUrl.split('?')[0]}`));
};
