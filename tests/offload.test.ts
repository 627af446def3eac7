import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getPriority } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeFeed } from '../src/ingest/normalize/normalize.ts';
import { parseFeed } from '../src/ingest/parse/parse-feed.ts';
import { addFillerArticles } from './related-filler.ts';
import { type RunningTidings, startTidings } from './support/start-tidings.ts';
import { hubRequest } from './support/websub-client.ts';
import { eventually, startSubscriber } from './support/websub-subscriber.ts';

const NOW = '2026-11-25T12:00:00.000Z';
/** A step no other thread of this process is lowered by, so the job thread can be told apart. */
const TEST_NICE = 13;

/** A thread's nice value from its stat file (Linux: field 19 of /proc/<pid>/task/<tid>/stat). */
function niceOf(statPath: string): number {
  const stat = readFileSync(statPath, 'utf8');
  // The command name, in parentheses, may hold spaces: count the fields after it.
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
}

/** The nice value of each thread of this process. */
function threadNiceValues(): number[] {
  return readdirSync('/proc/self/task').map((tid) => niceOf(`/proc/self/task/${tid}/stat`));
}

/** An RSS document: the flood story, then `filler` items of about 1.5 KB each. */
function feed(filler: number): string {
  const story = `<item><title>Rotterdam storm surge barrier closes as the North Sea rises</title>
<link>https://wire.example/barrier</link><guid>barrier</guid><pubDate>Wed, 25 Nov 2026 09:00:00 GMT</pubDate>
<description><![CDATA[<p>The Maeslant storm surge barrier closed to protect Rotterdam from flooding.</p>]]></description></item>`;
  const paragraph = '<p>Council notes on road works, bin collections and parking permits for the coming week.</p>';
  const items = Array.from(
    { length: filler },
    (_, i) => `<item><title>Council notice ${i}</title><link>https://wire.example/notice/${i}</link><guid>n-${i}</guid>
<pubDate>${new Date(Date.parse('2026-11-25T08:00:00Z') - i * 60_000).toUTCString()}</pubDate>
<description><![CDATA[${paragraph.repeat(14)}<script>alert(${i})</script>]]></description></item>`,
  );
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>https://wire.example/</link>${story}${items.join('')}</channel></rss>`;
}

describe('heavy work in worker threads (WORKER_THREADS=1)', () => {
  let tidings: RunningTidings;
  let base: string;
  const bodies: Record<string, string> = { '/small.xml': feed(2), '/large.xml': feed(399) };
  const server = createServer((request, response) => {
    const body = bodies[request.url ?? ''];
    if (!body) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body);
  });
  const api = async (method: string, path: string, body?: unknown) => {
    const response = await tidings.admin(method, path, body);
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    tidings = await startTidings({
      OUTBOUND_ALLOW_NETWORKS: '127.0.0.1/32',
      WORKER_THREADS: '1',
      WORKER_NICE: String(TEST_NICE),
    });
    await addFillerArticles(tidings.ctx.store);
  });
  afterAll(async () => {
    await tidings.stop();
    server.close();
  });

  it('ingests, relates and publishes in the thread; this thread serves the results at once', async () => {
    const article = await api('POST', '/api/articles', {
      title: 'Rotterdam prepares its storm surge barrier for winter floods',
      bodyHtml: '<p>Engineers tested the Maeslant barrier that shields Rotterdam from North Sea floods.</p>',
      category: 'World',
      author: { name: 'Ada Quill' },
      status: 'published',
      publishedAt: '2026-11-25T10:00:00Z',
    });
    expect(article.status).toBe(201);
    const source = await api('POST', '/api/sources', { url: `${base}/small.xml`, name: 'Wire' });
    const ingested = await api('POST', `/api/sources/${source.json.id}/ingest`);
    expect(ingested.json.outcome).toMatchObject({ isModified: true, inserted: 3 });

    // Written by the thread's connection, read by this one: the same SQLite file.
    const items = await api('GET', `/api/external-items?source=${source.json.id}`);
    const stored = items.json.items as { title: string; contentHtml: string }[];
    expect(stored.map((i) => i.title)).toContain('Rotterdam storm surge barrier closes as the North Sea rises');
    expect(JSON.stringify(stored)).not.toMatch(/<script|alert\(/);
    // The refresh that followed the ingest ran in the thread too.
    const related = await api('GET', `/api/articles/${article.json.id}/related`);
    expect((related.json.related as { url: string }[]).map((r) => r.url)).toContain('https://wire.example/barrier');

    // Published by the thread; served by this thread's sink with the new bytes at once, not a second later.
    expect((await tidings.publish()).status).toBe(200);
    const rss = await tidings.request('/feeds/all.rss');
    expect(rss.status).toBe(200);
    expect(await rss.text()).toContain('Rotterdam prepares its storm surge barrier');
  });

  it("sends our hub's verifications and deliveries from the thread, counted here in /metrics", async () => {
    const subscriber = await startSubscriber();
    try {
      await tidings.publish();
      const topic = `${tidings.baseUrl}/feeds/all.json`;
      const callback = `${subscriber.url}/threaded`;
      const params = { 'hub.mode': 'subscribe', 'hub.topic': topic, 'hub.callback': callback, 'hub.secret': 's' };
      expect((await hubRequest(tidings, params)).status).toBe(202);
      await eventually(() => subscriber.verifications.find((v) => v.path === '/threaded'), 'the verification');

      const created = await api('POST', '/api/articles', {
        title: 'Pushed from a worker thread',
        bodyHtml: '<p>Delivered while this thread only serves.</p>',
        category: 'World',
        author: { name: 'Ada Quill' },
        status: 'published',
        publishedAt: '2026-11-25T11:00:00Z',
      });
      expect(created.status).toBe(201);
      await eventually(async () => {
        await tidings.publish(); // until the subscription is active, a publish has no one to send to
        return subscriber.received.find((r) => r.path === '/threaded');
      }, 'the delivery');
      const delivered = subscriber.received.find((r) => r.path === '/threaded');
      expect(delivered?.body.toString()).toContain('Pushed from a worker thread');
      expect(delivered?.headers['x-hub-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
      const metrics = await (await tidings.request('/metrics', { admin: true })).text();
      expect(metrics).toMatch(/^tidings_websub_deliveries_total\{outcome="delivered"\} [1-9]/m);
    } finally {
      await subscriber.close();
    }
  });

  // Linux only; and a process already at the lowest priority has nothing lower to give.
  it.runIf(existsSync('/proc/thread-self') && getPriority() < 19)(
    'runs the job thread WORKER_NICE lower than the serving thread, which keeps the priority it had',
    async () => {
      const servingNice = niceOf('/proc/thread-self/stat');
      const lowered = Math.min(19, servingNice + TEST_NICE);
      await eventually(() => threadNiceValues().includes(lowered), `a thread at nice ${lowered}`);
      expect(threadNiceValues().filter((nice) => nice === lowered)).toHaveLength(1);
      expect(servingNice).toBeLessThan(lowered);
    },
  );

  it('keeps this thread free while a 400-item feed is parsed, sanitized and stored', async () => {
    // Its own service with no articles: the related refresh that follows has nothing to rank.
    const busy = await startTidings({
      OUTBOUND_ALLOW_NETWORKS: '127.0.0.1/32',
      WORKER_THREADS: '1',
    });
    try {
      await busy.publish();
      const etag = (await busy.request('/feeds/all.rss')).headers.get('etag') ?? '';
      const created = await busy.admin('POST', '/api/sources', { url: `${base}/large.xml`, name: 'Large wire' });
      const { id } = (await created.json()) as { id: string };
      const delay = monitorEventLoopDelay({ resolution: 10 });
      let isIngesting = true;
      let polls = 0;
      const poll = async () => {
        while (isIngesting) {
          const response = await busy.request('/feeds/all.rss', { headers: { 'if-none-match': etag } });
          if (response.status === 304) polls++;
          await setTimeout(5); // a poller, not a load test: leave the cores to the thread
        }
      };
      delay.enable();
      const polling = poll();
      const ingested = await busy.admin('POST', `/api/sources/${id}/ingest`);
      isIngesting = false;
      await polling;
      delay.disable();
      expect(((await ingested.json()) as { outcome: unknown }).outcome).toMatchObject({ inserted: 400 });
      expect(polls).toBeGreaterThan(10);

      // What the same document costs this thread inline, measured now under the same load:
      // only parsing and sanitizing it (storing would add more). In the thread, this loop's
      // longest stall stays below that (on a loaded machine, scheduling alone costs some).
      const started = performance.now();
      normalizeFeed(await parseFeed(bodies['/large.xml'] ?? ''), { responseUrl: `${base}/large.xml`, now: NOW });
      const inlineMs = performance.now() - started;
      expect(delay.max / 1e6).toBeLessThan(inlineMs);
    } finally {
      await busy.stop();
    }
  }, 60_000);
});
