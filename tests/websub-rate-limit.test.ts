import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningTidings, startTidings } from './support/start-tidings.ts';
import { hubRequest, publishStory } from './support/websub-client.ts';
import { eventually, type Subscriber, startSubscriber } from './support/websub-subscriber.ts';

/** Issue 11: a callback host may ask our hub WEBSUB_REQUESTS_PER_HOUR times an hour, then waits. */
describe('WebSub: subscription requests per callback host', () => {
  let tidings: RunningTidings;
  let subscriber: Subscriber;
  let topic: string;
  const subscribe = (callback: string) =>
    hubRequest(tidings, { 'hub.mode': 'subscribe', 'hub.topic': topic, 'hub.callback': callback });

  beforeAll(async () => {
    subscriber = await startSubscriber();
    tidings = await startTidings({ OUTBOUND_ALLOW_NETWORKS: '127.0.0.1/32', WEBSUB_REQUESTS_PER_HOUR: '2' });
    topic = `${tidings.baseUrl}/feeds/world.rss`;
    await publishStory(tidings, 'A story');
  });
  afterAll(async () => {
    await tidings.stop();
    await subscriber.close();
  });

  it('answers 429 with Retry-After past the allowance, verifies nothing for it, and counts each host apart', async () => {
    expect((await subscribe(`${subscriber.url}/ok?n=1`)).status).toBe(202);
    expect((await subscribe(`${subscriber.url}/ok?n=2`)).status).toBe(202);
    const limited = await subscribe(`${subscriber.url}/ok?n=3`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBe(1800); // 2 an hour: the next in half an hour
    expect(await limited.text()).toMatch(/Too many subscription requests for callbacks on 127\.0\.0\.1; retry after/);
    await eventually(() => subscriber.verifications.length >= 2, 'two verifications');
    await new Promise((resolve) => setTimeout(resolve, 300)); // time for a third, if one were sent
    expect(subscriber.verifications.map((v) => v.query.get('n')).sort()).toEqual(['1', '2']);

    // Another host has its own allowance (its verification fails later: the name does not resolve).
    expect((await subscribe('http://callbacks.invalid/cb')).status).toBe(202);
  });

  it('validates before it counts: a malformed request gets its 400 even past the allowance', async () => {
    const malformed = await hubRequest(tidings, { 'hub.mode': 'subscribe', 'hub.topic': topic });
    expect(malformed.status).toBe(400);
  });
});
