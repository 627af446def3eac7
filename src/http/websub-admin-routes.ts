import { Hono } from 'hono';
import { type SubscriptionStatus, subscriptionListQuerySchema } from '../domain/subscription.ts';
import { validate } from '../domain/validate.ts';
import type { WebSubHub } from '../websub/create-hub.ts';

/**
 * Admin API: every WebSub subscription of our hub, grouped by topic, with its state
 * (pending, refused, active, failing, expired), last delivery and last error. Secrets
 * are never shown, only whether deliveries are signed.
 */
export function createWebSubAdminRoutes(deps: { hub: WebSubHub }): Hono {
  return new Hono().get('/websub/subscriptions', async (c) => {
    const filter = validate(subscriptionListQuerySchema, c.req.query(), 'query');
    const all = await deps.hub.listSubscriptions(filter);
    const byTopic = new Map<string, Omit<SubscriptionStatus, 'topic'>[]>();
    for (const { topic, ...subscription } of all) {
      const list = byTopic.get(topic) ?? [];
      list.push(subscription);
      byTopic.set(topic, list);
    }
    return c.json({
      hub: deps.hub.hubUrl,
      topics: [...byTopic].map(([topic, subscriptions]) => ({ topic, subscriptions })),
    });
  });
}
