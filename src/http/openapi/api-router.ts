import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { validationError } from '../../domain/validate.ts';
import { readJson } from '../read-body.ts';

/** What a failed request part is called in the 400's message ("invalid query: limit: …"). */
const PART_NAMES: Record<string, string> = {
  json: 'body',
  query: 'query',
  param: 'path',
  form: 'form',
  header: 'headers',
};

// Returns nothing a route must type: it throws on failure, and on success the handler answers.
type Hook = (result: { success: true } | { success: false; error: z.ZodError; target: string }) => never;

/**
 * A validation hook that names what failed the way validate() does, so the
 * admin API's 400s keep one shape whether a route validates by hand or through
 * its OpenAPI definition: `invalid <what>: <field>: <message>; …` with the
 * problems as details. `what` names the body (e.g. "article"); other parts keep theirs.
 */
export function invalid(what?: string): Hook {
  return (result) => {
    if (result.success) return undefined as never;
    throw validationError(
      result.error,
      result.target === 'json' && what ? what : (PART_NAMES[result.target] ?? result.target),
    );
  };
}

/**
 * An admin API router whose routes are documented as they are registered
 * (`app.openapi(createRoute({...}), handler)`): the same zod schemas validate
 * the request and describe it in /api/openapi.json.
 */
export function createApiRouter(): OpenAPIHono {
  return new OpenAPIHono({ defaultHook: invalid() });
}

/**
 * Route middleware for JSON bodies, run before the schema's validator: a 415
 * naming the media type received and a 400 for JSON that does not parse, as
 * readJson() answers. The parsed body is cached by Hono for the validator.
 */
export const requireJsonBody: MiddlewareHandler = async (c, next) => {
  await readJson(c);
  await next();
};
