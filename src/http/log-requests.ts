import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../log.ts';

/**
 * One info line per request once it is answered: method, path, status, duration.
 * The path only, never the query or headers, so no token can reach the log.
 */
export function logRequests(log: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    log.info('http: request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      duration_ms: Math.round((performance.now() - started) * 10) / 10,
    });
  };
}
