import type { MiddlewareHandler } from 'hono';
import { timingSafeEqual } from 'hono/utils/buffer';
import { UnavailableError } from '../domain/errors.ts';
import { HttpError } from './http-error.ts';

/** Bearer-token guard for the admin API. */
export function requireAdmin(token: string | undefined): MiddlewareHandler {
  return requireBearer([token], 'the admin API is disabled: set ADMIN_TOKEN to enable it');
}

/**
 * A guard that lets in a request bearing any of `tokens` (unset ones are skipped;
 * with none set, the route is unavailable). The comparison is constant-time
 * (hashes of both values compared in full), so response timing says nothing
 * about how much of a guess was right. Every failure is a 401.
 */
export function requireBearer(tokens: (string | undefined)[], disabledMessage: string): MiddlewareHandler {
  const accepted = tokens.filter((t): t is string => t !== undefined);
  return async (c, next) => {
    if (accepted.length === 0) throw new UnavailableError(disabledMessage);
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const given = match?.[1];
    // Every token is compared, whichever matches, so timing does not tell which one it was.
    const matches = given ? await Promise.all(accepted.map((token) => timingSafeEqual(token, given))) : [];
    if (!matches.includes(true)) {
      c.header('WWW-Authenticate', match ? 'Bearer error="invalid_token"' : 'Bearer realm="tidings"');
      throw new HttpError(
        401,
        match ? 'the bearer token is not valid' : 'an Authorization: Bearer <token> header is required',
      );
    }
    await next();
  };
}
