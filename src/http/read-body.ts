import type { Context } from 'hono';
import { ValidationError } from '../domain/errors.ts';
import { HttpError } from './http-error.ts';

/** The request's JSON body; 415 for another media type, 400 for JSON that does not parse. */
export async function readJson(c: Context): Promise<unknown> {
  requireMediaType(c, 'application/json');
  try {
    return await c.req.json();
  } catch (error) {
    throw new ValidationError('the body is not valid JSON', { cause: error instanceof Error ? error.message : error });
  }
}

/** The request's body as text; 415 for another media type. */
export async function readText(c: Context, mediaType: string): Promise<string> {
  requireMediaType(c, mediaType);
  return c.req.text();
}

function requireMediaType(c: Context, mediaType: string): void {
  const actual = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (actual !== mediaType) {
    throw new HttpError(415, `expected Content-Type: ${mediaType}, got ${actual ? actual : 'none'}`);
  }
}
