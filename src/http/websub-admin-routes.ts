import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { type SubscriptionStatus, subscriptionListQuerySchema } from '../domain/subscription.ts';
import type { WebSubHub } from '../websub/create-hub.ts';
import { createApiRouter } from './openapi/api-router.ts';
import { errors, json } from './openapi/api-schemas.ts';

const subscriptionSchema = z
  .object({
    callback: z.string(),
    state: z.enum(['pending', 'refused', 'active', 'failing', 'expired']),
    leaseSeconds: z.number().int(),
    since: z.string().meta({ description: 'When requested (pending, refused) or verified (the others)' }),
    expiresAt: z.string().optional(),
    signed: z.boolean().meta({ description: 'Deliveries carry X-Hub-Signature (the secret itself is never shown)' }),
    lastDeliveryAt: z.string().optional(),
    lastAttemptAt: z.string().optional(),
    lastStatus: z.number().int().optional(),
    lastError: z.string().optional(),
    consecutiveFailures: z.number().int(),
  })
  .passthrough()
  .meta({ id: 'WebSubSubscription' });

const list = createRoute({
  method: 'get',
  path: '/websub/subscriptions',
  tags: ['WebSub'],
  summary: 'Every subscription of our hub, by topic, with its state, last delivery and last error',
  request: { query: subscriptionListQuerySchema },
  responses: {
    200: json(
      z.object({
        hub: z.string(),
        topics: z.array(z.object({ topic: z.string(), subscriptions: z.array(subscriptionSchema) })),
      }),
      'Subscriptions grouped by topic',
    ),
    ...errors(400),
  },
});

/**
 * Admin API: every WebSub subscription of our hub, grouped by topic, with its state
 * (pending, refused, active, failing, expired), last delivery and last error. Secrets
 * are never shown, only whether deliveries are signed.
 */
export function createWebSubAdminRoutes(deps: { hub: WebSubHub }): OpenAPIHono {
  const app = createApiRouter();
  app.openapi(list, async (c) => {
    const all = await deps.hub.listSubscriptions(c.req.valid('query'));
    const byTopic = new Map<string, Omit<SubscriptionStatus, 'topic'>[]>();
    for (const { topic, ...subscription } of all) {
      const list = byTopic.get(topic) ?? [];
      list.push(subscription);
      byTopic.set(topic, list);
    }
    return c.json(
      { hub: deps.hub.hubUrl, topics: [...byTopic].map(([topic, subscriptions]) => ({ topic, subscriptions })) },
      200,
    );
  });
  return app;
}
