import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError, type DomainErrorKind } from '../domain/errors.ts';
import type { Logger } from '../log.ts';
import { HttpError } from './http-error.ts';
import { wantsHtml } from './pages/error-page.ts';

/** The one map from what went wrong to an HTTP status. */
const STATUS_BY_KIND = {
  invalid: 400,
  unreadable: 422,
  'not-found': 404,
  conflict: 409,
  unavailable: 503,
} as const satisfies Record<DomainErrorKind, number>;

/** What a 500 says, whoever asks: the cause is in the log, never in the answer. */
const INTERNAL_ERROR = 'internal error';
const INTERNAL_ERROR_PAGE = 'The error is in our server log; please try again in a little while.';

/** The status a domain or HTTP error answers with; undefined for anything else (a bug: 500). */
export function statusOf(error: Error): number | undefined {
  if (error instanceof DomainError) return STATUS_BY_KIND[error.kind];
  if (error instanceof HttpError) return error.status;
  if (error instanceof HTTPException) return error.status;
  return undefined;
}

/** Renders an error for a browser: the site's error page (pages/error-page.ts), bound by create-app. */
export type ErrorPage = (c: Context, status: ContentfulStatusCode, message: string) => Response | Promise<Response>;

export interface ErrorHandlerOptions {
  /** 'text' for the WebSub hub: its clients get the status with the message as plain text. */
  format?: 'json' | 'text';
  /** Without it, browsers get JSON like everyone else. */
  errorPage?: ErrorPage;
}

/**
 * The one place errors become responses: a domain error answers with the status of its kind, an
 * HttpError or Hono's HTTPException with its own; anything else is a bug, logged once, and a 500
 * that leaks nothing. The body names the problem as JSON (`{ error, details? }`), or as the HTML
 * error page for a browser (`Accept: text/html`) outside /api: the admin API answers JSON to
 * everyone, as its OpenAPI document says.
 */
export function createErrorHandler(log: Logger, options: ErrorHandlerOptions = {}) {
  const { format = 'json', errorPage } = options;
  return (error: Error, c: Context): Response | Promise<Response> => {
    // A middleware that built its own answer (headers such as WWW-Authenticate included) keeps it.
    if (error instanceof HTTPException && error.res) return error.getResponse();
    const known = statusOf(error);
    if (known === undefined) log.error('http: unhandled error', { method: c.req.method, path: c.req.path, error });
    const status = (known ?? 500) as ContentfulStatusCode;
    const message = known === undefined ? INTERNAL_ERROR : error.message || defaultMessage(status);
    // WebSub §5.1.2: a hub SHOULD describe the error as plain text.
    if (format === 'text') return c.text(message, status);
    if (errorPage && wantsHtml(c) && !isApiPath(c.req.path)) {
      return errorPage(c, status, known === undefined ? INTERNAL_ERROR_PAGE : message);
    }
    const body: { error: string; details?: unknown } = { error: message };
    if (error instanceof DomainError && error.details !== undefined) body.details = error.details;
    return c.json(body, status);
  };
}

function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

/** Hono's own exceptions may carry no message (csrf's 403 says "Forbidden" only in its response). */
function defaultMessage(status: number): string {
  return `request refused (${status})`;
}
