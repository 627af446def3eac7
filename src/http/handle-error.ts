import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { DomainError, type DomainErrorKind } from '../domain/errors.ts';
import type { Logger } from '../log.ts';
import { HttpError } from './http-error.ts';

/** The one map from what went wrong to an HTTP status. */
const STATUS_BY_KIND = {
  invalid: 400,
  unreadable: 422,
  'not-found': 404,
  conflict: 409,
  unavailable: 503,
} as const satisfies Record<DomainErrorKind, number>;

/** The status a domain or HTTP error answers with; undefined for anything else (a bug: 500). */
export function statusOf(error: Error): number | undefined {
  if (error instanceof DomainError) return STATUS_BY_KIND[error.kind];
  if (error instanceof HttpError) return error.status;
  if (error instanceof HTTPException) return error.status;
  return undefined;
}

/**
 * The one place errors become responses: a domain error answers with the
 * status of its kind and a JSON body naming the problem; an HttpError with its
 * own status; anything else is a bug, logged once, and a 500 that leaks nothing. The WebSub
 * hub's clients get the same statuses with the message as plain text.
 */
export function createErrorHandler(log: Logger, format: 'json' | 'text' = 'json') {
  return (error: Error, c: Context) => {
    if (error instanceof DomainError) {
      // WebSub §5.1.2: a hub SHOULD describe the error as plain text.
      if (format === 'text') return c.text(error.message, STATUS_BY_KIND[error.kind]);
      const body: { error: string; details?: unknown } = { error: error.message };
      if (error.details !== undefined) body.details = error.details;
      return c.json(body, STATUS_BY_KIND[error.kind]);
    }
    if (error instanceof HttpError) {
      return format === 'text' ? c.text(error.message, error.status) : c.json({ error: error.message }, error.status);
    }
    if (error instanceof HTTPException) return error.getResponse();
    log.error('http: unhandled error', { method: c.req.method, path: c.req.path, error });
    return c.json({ error: 'internal error' }, 500);
  };
}
