import { createHmac } from 'node:crypto';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningTidings, startTidings } from './support/start-tidings.ts';
import { hubRequest, publishStory, subscriptionsOf } from './support/websub-client.ts';
import { eventually, type Subscriber, startSubscriber } from './support/websub-subscriber.ts';

/** The allowlist that lets the hub call the subscriber on 127.0.0.1 (tests only). */
const ALLOW_LOOPBACK = { OUTBOUND_ALLOW_NETWORKS: '127.0.0.1/32' };

describe('WebSub: Tidings as its own hub', () => {
  let tidings: RunningTidings;
  let subscriber: Subscriber;
  let topic: string;
  const callback = (path: string) => `${subscriber.url}${path}`;
  const subscribe = (path: string, extra: Record<string, string> = {}) =>
    hubRequest(tidings, { 'hub.mode': 'subscribe', 'hub.topic': topic, 'hub.callback': callback(path), ...extra });
  const stateOf = async (path: string) => (await subscriptionsOf(tidings, topic, callback(path)))[0];

  beforeAll(async () => {
    subscriber = await startSubscriber();
    tidings = await startTidings({ ...ALLOW_LOOPBACK, FEED_ITEMS: '1' });
    topic = `${tidings.baseUrl}/feeds/world.rss`;
    await publishStory(tidings, 'First story');
  });
  afterAll(async () => {
    await tidings.stop();
    await subscriber.close();
  });

  it('advertises itself in every feed, in the document and in Link headers', async () => {
    await publishStory(tidings, 'Second story'); // two stories, one a page: all.rss has an older page
    const hub = `${tidings.baseUrl}/websub`;
    for (const [format, advert] of [
      ['rss', `<atom:link href="${hub}" rel="hub"/>`],
      ['atom', `<link rel="hub" href="${hub}"/>`],
      ['json', JSON.stringify({ hubs: [{ type: 'WebSub', url: hub }] }).slice(1, -1)],
    ]) {
      const response = await tidings.request(`/feeds/all.${format}`);
      const text = await response.text();
      expect(format === 'json' ? JSON.stringify({ hubs: JSON.parse(text).hubs }) : text).toContain(advert);
      expect(response.headers.get('link')).toBe(
        `<${hub}>; rel="hub", <${tidings.baseUrl}/feeds/all.${format}>; rel="self"`,
      );
    }
  });

  it('names no hub or topic on an older page, which is not a topic', async () => {
    const next = /<atom:link href="([^"]+)" rel="next"/.exec(await (await tidings.request('/feeds/all.rss')).text());
    const older = await tidings.request(new URL(next?.[1] as string).pathname + new URL(next?.[1] as string).search);
    expect(older.status).toBe(200);
    expect(older.headers.get('link')).toBeNull();
  });

  it('verifies a subscription with the challenge, then POSTs the whole feed, signed, after a publish', async () => {
    const secret = 'a shared secret of the subscriber';
    const accepted = await subscribe('/ok?list=7', { 'hub.secret': secret, 'hub.lease_seconds': '7200' });
    expect(accepted.status).toBe(202);

    const verification = await eventually(() => subscriber.verifications.find((v) => v.path === '/ok'), 'the GET');
    expect(verification.query.get('list')).toBe('7'); // §5.1.1: the callback's own query is kept
    expect(verification.query.get('hub.mode')).toBe('subscribe');
    expect(verification.query.get('hub.topic')).toBe(topic);
    expect(verification.query.get('hub.lease_seconds')).toBe('7200');
    expect(verification.query.get('hub.challenge')).toMatch(/^[\w-]{40,}$/);
    const active = await eventually(
      async () => (await stateOf('/ok?list=7'))?.state === 'active' && stateOf('/ok?list=7'),
      'active',
    );
    expect(active).toMatchObject({ signed: true, leaseSeconds: 7200, expiresAt: '2026-11-25T14:00:00.000Z' });
    expect(JSON.stringify(active)).not.toContain(secret);

    await publishStory(tidings, 'Pushed, not polled');
    const ping = await eventually(() => subscriber.received.find((r) => r.path === '/ok'), 'the delivery');
    const served = await tidings.request('/feeds/world.rss');
    expect(ping.body.equals(Buffer.from(await served.arrayBuffer()))).toBe(true);
    expect(ping.headers['content-type']).toBe(served.headers.get('content-type'));
    expect(ping.headers.link).toBe(`<${tidings.baseUrl}/websub>; rel="hub", <${topic}>; rel="self"`);
    const hmac = createHmac('sha256', secret).update(ping.body).digest('hex');
    expect(ping.headers['x-hub-signature']).toBe(`sha256=${hmac}`);
    const feed = await new Parser().parseString(ping.body.toString('utf8'));
    expect(feed.items.map((i) => i.title)).toContain('Pushed, not polled');
    expect(await stateOf('/ok?list=7')).toMatchObject({ state: 'active', lastStatus: 204, deliveryPending: false });
  });

  it('counts the deliveries in /metrics by outcome', async () => {
    const text = await (await tidings.request('/metrics', { admin: true })).text();
    const delivered = /^tidings_websub_deliveries_total\{outcome="delivered"\} (\d+)$/m.exec(text);
    expect(Number(delivered?.[1])).toBeGreaterThanOrEqual(1);
  });

  it('unsubscribes only after the callback confirms, and sends nothing more', async () => {
    await subscribe('/leaving');
    await eventually(async () => (await stateOf('/leaving'))?.state === 'active', 'active');
    const answer = await hubRequest(tidings, {
      'hub.mode': 'unsubscribe',
      'hub.topic': topic,
      'hub.callback': callback('/leaving'),
    });
    expect(answer.status).toBe(202);
    await eventually(async () => (await subscriptionsOf(tidings, topic, callback('/leaving'))).length === 0, 'gone');
    const unsubscribed = subscriber.verifications.filter((v) => v.path === '/leaving').at(-1);
    expect(unsubscribed?.query.get('hub.mode')).toBe('unsubscribe');

    const before = subscriber.received.filter((r) => r.path === '/ok').length;
    await publishStory(tidings, 'After the goodbye');
    await eventually(() => subscriber.received.filter((r) => r.path === '/ok').length > before, 'the other delivery');
    expect(subscriber.received.filter((r) => r.path === '/leaving')).toEqual([]);
  });

  it('never activates a callback that answers the wrong challenge or 404', async () => {
    subscriber.behave('/wrong', { verify: 'wrong' });
    subscriber.behave('/missing', { verify: 404 });
    expect((await subscribe('/wrong')).status).toBe(202);
    expect((await subscribe('/missing')).status).toBe(202);
    const wrong = await eventually(
      async () => (await stateOf('/wrong'))?.state === 'refused' && stateOf('/wrong'),
      'refused',
    );
    expect(wrong?.lastError).toBe('callback answered 200 without echoing hub.challenge');
    const missing = await eventually(
      async () => (await stateOf('/missing'))?.state === 'refused' && stateOf('/missing'),
      'refused',
    );
    expect(missing?.lastError).toBe('callback answered 404 to the verification request');

    const before = subscriber.received.filter((r) => r.path === '/ok').length;
    await publishStory(tidings, 'Not for the refused');
    await eventually(() => subscriber.received.filter((r) => r.path === '/ok').length > before, 'the delivery');
    expect(subscriber.received.filter((r) => r.path === '/wrong' || r.path === '/missing')).toEqual([]);
  });

  it('refuses, with a reason in plain text, a topic we do not publish and malformed requests', async () => {
    const notOurs = await hubRequest(tidings, {
      'hub.mode': 'subscribe',
      'hub.topic': `${tidings.baseUrl}/feeds/nothing-here.rss`,
      'hub.callback': callback('/ok'),
    });
    expect(notOurs.status).toBe(400);
    expect(notOurs.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await notOurs.text()).toMatch(/nothing-here\.rss is not a feed Tidings publishes/);

    const badMode = await hubRequest(tidings, {
      'hub.mode': 'publish',
      'hub.topic': topic,
      'hub.callback': callback('/ok'),
    });
    expect(badMode.status).toBe(400);
    expect(await badMode.text()).toMatch(/hub\.mode: must be "subscribe" or "unsubscribe"/);

    const badCallback = await subscribe('/x', { 'hub.callback': 'javascript:alert(1)' });
    expect(badCallback.status).toBe(400);
    expect(await badCallback.text()).toMatch(/hub\.callback/);

    const longSecret = await subscribe('/x', { 'hub.secret': 's'.repeat(200) });
    expect(await longSecret.text()).toMatch(/hub\.secret: must be less than 200 bytes/);

    const json = await tidings.request('/websub', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(json.status).toBe(415);
    expect(subscriber.verifications.filter((v) => v.path === '/x')).toEqual([]);
  });
});
