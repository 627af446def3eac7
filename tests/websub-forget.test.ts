import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningTidings, startTidings } from './support/start-tidings.ts';
import { hubRequest, publishStory } from './support/websub-client.ts';
import { eventually, type Subscriber, startSubscriber } from './support/websub-subscriber.ts';

const START = '2026-11-25T12:00:00.000Z';
const DAY_MS = 24 * 60 * 60 * 1000;

/** The hub deletes what no longer does anything, once it has been visible for WEBSUB_FORGET_AFTER_DAYS. */
describe('WebSub: ended subscriptions and refused requests are forgotten', () => {
  let tidings: RunningTidings;
  let subscriber: Subscriber;
  let topic: string;
  const subscribe = (path: string, leaseSeconds: number) =>
    hubRequest(tidings, {
      'hub.mode': 'subscribe',
      'hub.topic': topic,
      'hub.callback': `${subscriber.url}${path}`,
      'hub.lease_seconds': String(leaseSeconds),
    });
  const listed = async () => {
    const response = await tidings.admin('GET', `/api/websub/subscriptions?topic=${encodeURIComponent(topic)}`);
    const body = (await response.json()) as { topics: { subscriptions: { callback: string; state: string }[] }[] };
    return body.topics
      .flatMap((t) => t.subscriptions)
      .map((s) => [new URL(s.callback).pathname, s.state])
      .sort();
  };

  beforeAll(async () => {
    subscriber = await startSubscriber();
    tidings = await startTidings({ OUTBOUND_ALLOW_NETWORKS: '127.0.0.1/32', WEBSUB_FORGET_AFTER_DAYS: '2' }, START);
    topic = `${tidings.baseUrl}/feeds/world.rss`;
    await publishStory(tidings, 'A story to follow');
  });
  afterAll(async () => {
    await tidings.stop();
    await subscriber.close();
  });

  it('keeps them while they explain themselves, then deletes them; live subscriptions stay', async () => {
    subscriber.behave('/missing', { verify: 404 });
    await subscribe('/short', 3600);
    await subscribe('/long', 30 * 24 * 3600);
    await subscribe('/missing', 3600);
    const seen = [
      ['/long', 'active'],
      ['/missing', 'refused'],
      ['/short', 'active'],
    ];
    await eventually(async () => JSON.stringify(await listed()) === JSON.stringify(seen) || undefined, 'verified');

    // A day after the short lease ended: expired, and still shown.
    tidings.setNow(new Date(Date.parse(START) + DAY_MS + 3600_000).toISOString());
    await subscribe('/later', 3600);
    await eventually(async () => (await listed()).some(([p, s]) => p === '/later' && s === 'active') || undefined, 'v');
    expect(await listed()).toEqual([
      ['/later', 'active'],
      ['/long', 'active'],
      ['/missing', 'refused'],
      ['/short', 'expired'],
    ]);

    // Past WEBSUB_FORGET_AFTER_DAYS: the next hub run deletes the refusal and the ended lease.
    tidings.setNow(new Date(Date.parse(START) + 2 * DAY_MS + 2 * 3600_000).toISOString());
    await subscribe('/latest', 3600);
    await eventually(async () => (await listed()).some(([p]) => p === '/latest') || undefined, 'the request');
    await eventually(async () => !(await listed()).some(([p]) => p === '/missing') || undefined, 'forgotten');
    expect(await listed()).toEqual([
      ['/later', 'expired'],
      ['/latest', 'active'],
      ['/long', 'active'],
    ]);
  });
});
