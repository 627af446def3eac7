import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebSubHub } from '../src/websub/create-hub.ts';
import { type RunningTidings, startTidings } from './support/start-tidings.ts';
import { hubRequest, publishStory, subscriptionsOf } from './support/websub-client.ts';
import { eventually, type Subscriber, startSubscriber } from './support/websub-subscriber.ts';

const ALLOW_LOOPBACK = { OUTBOUND_ALLOW_NETWORKS: '127.0.0.1/32' };
const T0 = Date.parse('2026-11-25T12:00:00.000Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

/** One Tidings and one subscriber per group, the clock at T0, a story published so the feeds exist. */
function withHub(env: Record<string, string>) {
  const running = {} as { tidings: RunningTidings; subscriber: Subscriber; topic: string; hub: WebSubHub };
  beforeAll(async () => {
    running.subscriber = await startSubscriber();
    running.tidings = await startTidings(env, at(0));
    running.topic = `${running.tidings.baseUrl}/feeds/all.atom`;
    running.hub = running.tidings.ctx.websub as WebSubHub;
    await publishStory(running.tidings, 'The first story');
  });
  afterAll(async () => {
    await running.tidings.stop();
    await running.subscriber.close();
  });
  const subscribe = async (path: string, extra: Record<string, string> = {}) => {
    const callback = `${running.subscriber.url}${path}`;
    const answer = await hubRequest(running.tidings, {
      'hub.mode': 'subscribe',
      'hub.topic': running.topic,
      'hub.callback': callback,
      ...extra,
    });
    expect(answer.status).toBe(202);
    return callback;
  };
  const stateOf = async (callback: string) => (await subscriptionsOf(running.tidings, running.topic, callback))[0];
  const until = (callback: string, state: string) =>
    eventually(async () => {
      const found = await stateOf(callback);
      return found?.state === state && found;
    }, `${state} subscription`);
  const deliveriesTo = (path: string) => running.subscriber.received.filter((r) => r.path === path);
  return { running, subscribe, stateOf, until, deliveriesTo };
}

describe('WebSub hub: leases', () => {
  const { running, subscribe, stateOf, until, deliveriesTo } = withHub({
    ...ALLOW_LOOPBACK,
    WEBSUB_MIN_LEASE_SECONDS: '60',
  });

  it('keeps a requested lease within the bounds, and sends nothing once it has ended', async () => {
    const short = await subscribe('/short', { 'hub.lease_seconds': '5' });
    const long = await subscribe('/long');
    expect(await until(short, 'active')).toMatchObject({ leaseSeconds: 60, expiresAt: at(60) });
    expect(await until(long, 'active')).toMatchObject({ leaseSeconds: 864_000 });
    const asked = running.subscriber.verifications.find((v) => v.path === '/short');
    expect(asked?.query.get('hub.lease_seconds')).toBe('60');

    running.tidings.setNow(at(61));
    expect(await stateOf(short)).toMatchObject({ state: 'expired' });
    await publishStory(running.tidings, 'After the lease');
    await eventually(() => deliveriesTo('/long').length > 0, 'the delivery to the live lease');
    await running.hub.run();
    expect(deliveriesTo('/short')).toEqual([]);
  });
});

describe('WebSub hub: retries', () => {
  const { running, subscribe, stateOf, until, deliveriesTo } = withHub({ ...ALLOW_LOOPBACK, WEBSUB_MAX_ATTEMPTS: '3' });

  it('retries a failing callback with growing waits until it answers 2xx', async () => {
    running.subscriber.behave('/flaky', { deliveries: [500, 503, 202] });
    const flaky = await until(await subscribe('/flaky'), 'active');
    await publishStory(running.tidings, 'Worth retrying');
    await eventually(() => deliveriesTo('/flaky').length === 1, 'the first try');
    const failing = await until(flaky.callback, 'failing');
    expect(failing).toMatchObject({ lastStatus: 500, lastError: 'callback answered 500', deliveryPending: true });

    running.tidings.setNow(at(59)); // the first retry waits WEBSUB_RETRY_SECONDS (60)
    await running.hub.run();
    expect(deliveriesTo('/flaky')).toHaveLength(1);
    running.tidings.setNow(at(60));
    await running.hub.run();
    expect(deliveriesTo('/flaky').map((d) => d.status)).toEqual([500, 503]);
    running.tidings.setNow(at(60 + 119)); // the second waits twice as long
    await running.hub.run();
    expect(deliveriesTo('/flaky')).toHaveLength(2);
    running.tidings.setNow(at(60 + 120));
    await running.hub.run();
    expect(deliveriesTo('/flaky').map((d) => d.status)).toEqual([500, 503, 202]);
    expect(await stateOf(flaky.callback)).toMatchObject({
      state: 'active',
      lastDeliveryAt: at(180),
      consecutiveFailures: 0,
      deliveryPending: false,
    });
  });

  it('gives up after the last try, and tries again when the topic changes', async () => {
    running.subscriber.behave('/down', { deliveries: [500] });
    const down = await until(await subscribe('/down'), 'active');
    await publishStory(running.tidings, 'Nobody home');
    await eventually(() => deliveriesTo('/down').length === 1, 'the first try');
    for (const seconds of [300, 600]) {
      running.tidings.setNow(at(seconds));
      await running.hub.run();
    }
    expect(deliveriesTo('/down')).toHaveLength(3);
    expect(await stateOf(down.callback)).toMatchObject({
      state: 'failing',
      consecutiveFailures: 3,
      deliveryPending: false,
      lastError: 'gave up after 3 tries: callback answered 500',
    });
    running.tidings.setNow(at(3600));
    await running.hub.run();
    expect(deliveriesTo('/down')).toHaveLength(3);

    await publishStory(running.tidings, 'Still nobody home'); // §7: keep trying a failing subscriber on new content
    await eventually(() => deliveriesTo('/down').length === 4, 'the try after a new publish');
  });
});

describe('WebSub hub: callbacks go through the SSRF guard', () => {
  const { running, subscribe, until } = withHub({});

  it('refuses a callback on a private address when no allowlist lets it through, and never calls it', async () => {
    const refused = await until(await subscribe('/private'), 'refused');
    expect(refused.lastError).toBe(
      'refused: 127.0.0.1 is a loopback address; list its network in OUTBOUND_ALLOW_NETWORKS to allow it',
    );
    expect(running.subscriber.verifications).toEqual([]);
  });
});
