import { describe, expect, it } from 'vitest';
import type { SubscriptionRequest } from '../../src/domain/subscription.ts';
import { minutesAgo, NOW } from '../make-article.ts';
import type { StoreContext } from '../store-contract.ts';

const TOPIC = 'https://news.example/feeds/all.rss';
const OTHER_TOPIC = 'https://news.example/feeds/world.atom';

function request(overrides: Partial<SubscriptionRequest> = {}): SubscriptionRequest {
  return {
    topic: TOPIC,
    callback: 'https://reader.example/cb/1',
    mode: 'subscribe',
    secret: 'shh',
    leaseSeconds: 3600,
    requestedAt: minutesAgo(10),
    ...overrides,
  };
}

const later = (minutes: number) => new Date(Date.parse(NOW) + minutes * 60_000).toISOString();

export function describeWebSubCases({ store }: StoreContext): void {
  /** Saves, claims and confirms a request: an active subscription verified at `minutesAgo(5)`. */
  const subscribeNow = async (overrides: Partial<SubscriptionRequest> = {}) => {
    await store().saveSubscriptionRequest(request(overrides));
    const [claimed] = await store().claimSubscriptionRequests(minutesAgo(9), later(1), 10);
    if (!claimed) throw new Error('nothing claimed');
    await store().confirmSubscriptionRequest(claimed, minutesAgo(5));
  };

  describe('websub subscriptions', () => {
    it('claims a pending request once, and confirming it makes an active subscription whose lease counts from verification', async () => {
      await store().saveSubscriptionRequest(request());
      expect(await store().listSubscriptions({ now: NOW })).toMatchObject([{ state: 'pending', signed: true }]);
      const claimed = await store().claimSubscriptionRequests(minutesAgo(9), later(1), 10);
      expect(claimed).toEqual([request()]);
      expect(await store().claimSubscriptionRequests(minutesAgo(9), later(1), 10)).toEqual([]);
      await store().confirmSubscriptionRequest(request(), minutesAgo(5));
      expect(await store().listSubscriptions({ now: NOW })).toEqual([
        {
          topic: TOPIC,
          callback: 'https://reader.example/cb/1',
          state: 'active',
          leaseSeconds: 3600,
          since: minutesAgo(5),
          expiresAt: later(55),
          signed: true,
          consecutiveFailures: 0,
          deliveryPending: false,
        },
      ]);
      expect(await store().listSubscriptions({ now: later(55) })).toMatchObject([{ state: 'expired' }]);
    });

    it('leaves the subscription as it was when a renewal is refused, and shows the refusal with its reason', async () => {
      await subscribeNow();
      await store().saveSubscriptionRequest(request({ secret: 'new', requestedAt: minutesAgo(2) }));
      const [renewal] = await store().claimSubscriptionRequests(minutesAgo(2), later(1), 10);
      await store().refuseSubscriptionRequest(renewal as SubscriptionRequest, 'callback answered 404');
      const listed = await store().listSubscriptions({ now: NOW });
      expect(listed.map((s) => [s.state, s.lastError, s.since])).toEqual([
        ['active', undefined, minutesAgo(5)],
        ['refused', 'callback answered 404', minutesAgo(2)],
      ]);
      expect(await store().listSubscriptions({ now: NOW, state: 'refused' })).toHaveLength(1);
      expect(await store().claimSubscriptionRequests(NOW, later(1), 10)).toEqual([]);
    });

    it('ignores a confirmation of a request replaced since it was claimed', async () => {
      await store().saveSubscriptionRequest(request());
      const [first] = await store().claimSubscriptionRequests(minutesAgo(9), later(1), 10);
      await store().saveSubscriptionRequest(request({ mode: 'unsubscribe', requestedAt: minutesAgo(1) }));
      await store().confirmSubscriptionRequest(first as SubscriptionRequest, minutesAgo(5));
      expect((await store().listSubscriptions({ now: NOW })).map((s) => s.state)).toEqual(['pending']);
    });
  });

  describe('websub deliveries', () => {
    it('queues one delivery per live subscription of a changed topic, and claims each once with its secret', async () => {
      await subscribeNow();
      await subscribeNow({ callback: 'https://reader.example/cb/2', secret: undefined });
      await subscribeNow({ callback: 'https://reader.example/cb/3', leaseSeconds: 60 }); // ended at minutesAgo(4)
      await subscribeNow({ topic: OTHER_TOPIC });
      expect(await store().queueDeliveries([TOPIC], NOW)).toBe(2);
      expect(await store().queueDeliveries([TOPIC], NOW)).toBe(2); // re-queued, not doubled
      expect(await store().nextDeliveryAt()).toBe(NOW);
      const due = await store().claimDeliveries(NOW, later(1), 10);
      expect(due.map((d) => [d.callback, d.secret, d.attempts])).toEqual([
        ['https://reader.example/cb/1', 'shh', 0],
        ['https://reader.example/cb/2', undefined, 0],
      ]);
      expect(await store().claimDeliveries(NOW, later(1), 10)).toEqual([]);
      expect((await store().listSubscriptions({ now: NOW })).filter((s) => s.deliveryPending)).toHaveLength(2);
    });

    it('records a delivery, a retry and a give-up on the delivery and on its subscription', async () => {
      await subscribeNow();
      await subscribeNow({ callback: 'https://reader.example/cb/2' });
      await subscribeNow({ callback: 'https://reader.example/cb/3' });
      await store().queueDeliveries([TOPIC], NOW);
      const [ok, flaky, dead] = await store().claimDeliveries(NOW, later(1), 10);
      if (!ok || !flaky || !dead) throw new Error('three deliveries expected');
      await store().recordDeliveries([
        { kind: 'delivered', delivery: ok, at: NOW, status: 204 },
        {
          kind: 'retry',
          delivery: flaky,
          at: NOW,
          status: 500,
          error: 'callback answered 500',
          nextAttemptAt: later(1),
        },
        { kind: 'gave-up', delivery: dead, at: NOW, error: 'gave up after 6 tries: connection failed' },
      ]);
      const [first, second, third] = await store().listSubscriptions({ now: NOW });
      expect(first).toMatchObject({ state: 'active', lastDeliveryAt: NOW, lastStatus: 204, deliveryPending: false });
      expect(second).toMatchObject({ state: 'failing', lastError: 'callback answered 500', deliveryPending: true });
      expect(third).toMatchObject({ state: 'failing', consecutiveFailures: 1, deliveryPending: false });
      expect(await store().claimDeliveries(NOW, later(1), 10)).toEqual([]);
      expect(await store().nextDeliveryAt()).toBe(later(1));
      expect(await store().claimDeliveries(later(1), later(2), 10)).toMatchObject([{ attempts: 1 }]);
    });

    it('keeps a delivery re-queued while it was being sent, and drops those of a subscription that is gone', async () => {
      await subscribeNow();
      await subscribeNow({ callback: 'https://reader.example/cb/2' });
      await store().queueDeliveries([TOPIC], NOW);
      const [sending, gone] = await store().claimDeliveries(NOW, later(1), 10);
      if (!sending || !gone) throw new Error('two deliveries expected');
      await store().queueDeliveries([TOPIC], later(0.5));
      await store().recordDeliveries([
        { kind: 'delivered', delivery: sending, at: NOW, status: 200 },
        { kind: 'gone', delivery: gone, at: NOW },
      ]);
      const listed = await store().listSubscriptions({ now: NOW });
      expect(listed.map((s) => [s.callback, s.deliveryPending])).toEqual([['https://reader.example/cb/1', true]]);
      expect(await store().claimDeliveries(later(0.5), later(1), 10)).toMatchObject([
        { revision: sending.revision + 1 },
      ]);
    });

    it('unsubscribing deletes the subscription and its queued delivery', async () => {
      await subscribeNow();
      await store().queueDeliveries([TOPIC], NOW);
      await store().saveSubscriptionRequest(request({ mode: 'unsubscribe', requestedAt: minutesAgo(1) }));
      const [leaving] = await store().claimSubscriptionRequests(NOW, later(1), 10);
      await store().confirmSubscriptionRequest(leaving as SubscriptionRequest, NOW);
      expect(await store().listSubscriptions({ now: NOW })).toEqual([]);
      expect(await store().nextDeliveryAt()).toBeUndefined();
    });

    it('forgets subscriptions whose lease ended and refused requests, and keeps the rest', async () => {
      await subscribeNow(); // its lease ends at later(55)
      await subscribeNow({ callback: 'https://reader.example/cb/2', leaseSeconds: 7200 });
      await store().queueDeliveries([TOPIC], NOW);
      await store().saveSubscriptionRequest(request({ topic: OTHER_TOPIC, callback: 'https://reader.example/cb/3' }));
      const [refused] = await store().claimSubscriptionRequests(NOW, later(1), 10);
      await store().refuseSubscriptionRequest(refused as SubscriptionRequest, 'callback answered 404');
      await store().saveSubscriptionRequest(
        request({ topic: OTHER_TOPIC, callback: 'https://reader.example/cb/4', requestedAt: NOW }),
      );

      expect(await store().forgetEndedSubscriptions(later(50))).toBe(1); // only the refusal is that old
      expect(await store().forgetEndedSubscriptions(later(60))).toBe(1);
      const left = await store().listSubscriptions({ now: later(60) });
      expect(left.map((s) => [s.callback, s.state, s.deliveryPending])).toEqual([
        ['https://reader.example/cb/2', 'active', true],
        ['https://reader.example/cb/4', 'pending', false],
      ]);
      expect(await store().claimDeliveries(later(60), later(61), 10)).toMatchObject([
        { callback: 'https://reader.example/cb/2' },
      ]);
    });
  });
}
