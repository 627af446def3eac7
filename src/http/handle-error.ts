import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError } from '../domain/errors.ts';
import type { Logger } from '../log.ts';

/**
 * The one place errors become responses: an AppError answers with its status
 * and a JSON body naming the problem; anything else is a bug, logged once,
 * and a 500 that leaks nothing.
 */
export function createErrorHandler(log: Logger) {
  return (error: Error, c: Context) => {
    if (error instanceof AppError) {
      const body: { error: string; details?: unknown } = { error: error.message };
      if (error.details !== undefined) body.details = error.details;
      return c.json(body, error.status);
    }
    if (error instanceof HTTPException) return error.getResponse();
    log.error('http: unhandled error', { method: c.req.method, path: c.req.path, error });
    return c.json({ error: 'internal error' }, 500);
  };
}
