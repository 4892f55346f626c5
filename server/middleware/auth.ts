import type { RequestHandler } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Access } from '../../shared/api';
import { ApiError } from './api-error';

/** Tokens: API_TOKEN may read and write, READ_TOKEN may only read. No API_TOKEN: the API is open. */
export interface AuthTokens {
  apiToken?: string;
  readToken?: string;
}

const digest = (text: string) => createHash('sha256').update(text).digest();
const same = (a: Buffer, b: Buffer) => timingSafeEqual(a, b);

/** The bearer token of a request: `Authorization: Bearer …`, or `access_token` in the query for GET (EventSource, links). */
function presentedToken(authorization: string | undefined, method: string, url: string): string | undefined {
  if (authorization) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    return m ? m[1] : '';
  }
  if (method === 'GET' || method === 'HEAD') {
    const m = /[?&]access_token=([^&]*)/.exec(url);
    if (m) {
      try {
        return decodeURIComponent(m[1]);
      } catch {
        return '';
      }
    }
  }
  return undefined;
}

/**
 * Bearer-token access control for one endpoint. With no API_TOKEN configured every call passes. Otherwise
 * a missing or unknown token is 401 (with `WWW-Authenticate`), the read token on a write endpoint is 403.
 */
export function authorize(tokens: AuthTokens, access: Access): RequestHandler {
  const api = tokens.apiToken ? digest(tokens.apiToken) : undefined;
  const read = tokens.readToken ? digest(tokens.readToken) : undefined;
  return (req, res, next) => {
    if (!api || access === 'public') {
      next();
      return;
    }
    const token = presentedToken(req.headers.authorization, req.method, req.originalUrl);
    if (token === undefined || token === '') {
      res.setHeader('WWW-Authenticate', 'Bearer realm="arbaeen-planner"');
      next(new ApiError('unauthorized', 'a bearer token is required', 'headers.authorization'));
      return;
    }
    const d = digest(token);
    if (same(d, api)) {
      next();
      return;
    }
    if (read && same(d, read)) {
      if (access === 'write')
        next(new ApiError('forbidden', 'this token may only read', 'headers.authorization'));
      else next();
      return;
    }
    res.setHeader('WWW-Authenticate', 'Bearer realm="arbaeen-planner", error="invalid_token"');
    next(new ApiError('unauthorized', 'the bearer token is not valid', 'headers.authorization'));
  };
}
