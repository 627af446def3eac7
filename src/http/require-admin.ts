import type { MiddlewareHandler } from 'hono';
import { timingSafeEqual } from 'hono/utils/buffer';
import { UnavailableError } from '../domain/errors.ts';
import { HttpError } from './http-error.ts';

/**
 * Bearer-token guard for the admin API. The comparison is constant-time
 * (hashes of both values compared in full), so response timing says nothing
 * about how much of a guess was right. Every failure is a 401.
 */
export function requireAdmin(token: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (!token) throw new UnavailableError('the admin API is disabled: set ADMIN_TOKEN to enable it');
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1] || !(await timingSafeEqual(token, match[1]))) {
      c.header('WWW-Authenticate', match ? 'Bearer error="invalid_token"' : 'Bearer realm="tidings"');
      throw new HttpError(
        401,
        match ? 'the bearer token is not valid' : 'an Authorization: Bearer <token> header is required',
      );
    }
    await next();
  };
}
