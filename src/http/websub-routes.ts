import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { hubRequestSchema } from '../domain/subscription.ts';
import { validate } from '../domain/validate.ts';
import type { Logger } from '../log.ts';
import type { WebSubHub } from '../websub/create-hub.ts';
import { createErrorHandler } from './handle-error.ts';
import { HttpError } from './http-error.ts';
import { readText } from './read-body.ts';

/** A subscription request is a few URLs and a secret; anything near this size is not one. */
const MAX_HUB_BODY_BYTES = 16 * 1024;

export interface WebSubRouteDeps {
  /** Our own hub, or undefined when an external one (WEBSUB_HUB) serves our feeds. */
  hub?: WebSubHub;
  externalHub?: string;
  log: Logger;
}

/**
 * The hub endpoint, /websub (WebSub §5.1): subscribe and unsubscribe requests, form-encoded.
 * Answers 202 and verifies the intent afterwards (§5.1.2: the answer MUST NOT depend on the
 * verification); errors are plain text. With an external hub configured, requests are sent
 * there with a 307, as §5.1.2 allows.
 */
export function createWebSubRoutes(deps: WebSubRouteDeps): Hono {
  const app = new Hono();
  app.onError(createErrorHandler(deps.log, { format: 'text' }));
  const { hub, externalHub } = deps;
  if (!hub) {
    if (externalHub) app.post('/', (c) => c.redirect(externalHub, 307));
    return app;
  }
  app.post(
    '/',
    bodyLimit({
      maxSize: MAX_HUB_BODY_BYTES,
      onError: (c) => {
        c.header('Connection', 'close');
        throw new HttpError(413, `request body is larger than ${MAX_HUB_BODY_BYTES} bytes`);
      },
    }),
    async (c) => {
      const form = new URLSearchParams(await readText(c, 'application/x-www-form-urlencoded'));
      // §5.1: hubs MUST ignore parameters they do not understand; a repeated one counts once.
      const input = validate(hubRequestSchema, Object.fromEntries(form), 'subscription request');
      const wait = hub.takeRequest(input['hub.callback']);
      if (wait !== undefined) {
        // RFC 6585 §4: 429 with Retry-After; plain text, as the hub's other answers (WebSub §5.1.2).
        c.header('Retry-After', String(wait));
        const host = new URL(input['hub.callback']).hostname;
        return c.text(`Too many subscription requests for callbacks on ${host}; retry after ${wait} s.`, 429);
      }
      await hub.request(input);
      afterResponse(c, hub.run());
      return c.text('Accepted: the callback will be asked to confirm (hub.challenge).', 202);
    },
  );
  return app;
}

/**
 * Keeps verification going after the answer: on Workers the invocation waits for it
 * (waitUntil); on Node the promise simply runs on (Hono throws when there is no execution context).
 */
function afterResponse(c: Context, work: Promise<unknown>): void {
  try {
    c.executionCtx.waitUntil(work);
  } catch {
    // Node: nothing to tell; the hub logs its own failures.
  }
}
