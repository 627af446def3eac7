import { applyD1Migrations, createExecutionContext, createScheduledController, reset } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { createD1FeedSink } from '../../src/adapters/workers/d1-feed-sink.ts';
import { createCachedFeedSink } from '../../src/publish/cached-feed-sink.ts';
import worker, { type WorkerEnv } from '../../src/worker.ts';

const TOKEN = 'worker-test-token-0123456789';
// The worker wires its context (and its feed cache) once per env object: a new one per test.
const newEnv = (): WorkerEnv => ({
  DB: env.DB,
  ADMIN_TOKEN: TOKEN,
  PUBLIC_URL: 'https://news.example',
  LOG_LEVEL: 'silent',
});
let workerEnv = newEnv();

async function request(path: string, init?: RequestInit): Promise<Response> {
  // An incoming request carries Cloudflare's cf properties; a test request has none.
  const incoming = new Request(`https://news.example${path}`, init) as Parameters<typeof worker.fetch>[0];
  return worker.fetch(incoming, workerEnv, createExecutionContext());
}

async function fireCron(cron: string): Promise<void> {
  await worker.scheduled(createScheduledController({ cron, scheduledTime: Date.now() }), workerEnv);
}

async function createArticle(title: string, category = 'World News', relatedLinks: { title: string }[] = []) {
  const response = await request('/api/articles', {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      title,
      bodyHtml: `<p>${title}: the full story, with “quotes” — and an em dash.</p>`,
      category,
      author: { name: 'Ann Reporter' },
      tags: ['Edge'],
      status: 'published',
      publishedAt: new Date(Date.now() - 60_000).toISOString(),
      relatedLinks,
    }),
  });
  expect(response.status).toBe(201);
}

describe('the Workers entry (src/worker.ts) over D1', () => {
  beforeEach(async () => {
    workerEnv = newEnv();
    await reset();
    await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
  });

  it('publishes on the publish cron and serves the stored bytes with ETag, Last-Modified and 304', async () => {
    await createArticle('Edge story one');
    expect((await request('/feeds/all.rss')).status).toBe(404); // nothing published yet
    await fireCron('* * * * *');

    const first = await request('/feeds/all.rss');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    expect(first.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(await first.text()).toContain('Edge story one: the full story, with “quotes” — and an em dash.');

    const again = await request('/feeds/all.rss', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    const byDate = await request('/feeds/all.rss', {
      headers: { 'if-modified-since': first.headers.get('last-modified') ?? '' },
    });
    expect(byDate.status).toBe(304);

    const json = await request('/feeds/world-news.json');
    expect(((await json.json()) as { version: string }).version).toBe('https://jsonfeed.org/version/1.1');
  });

  it('publishes tag and author feeds too, with 304 and paging (issue 11)', async () => {
    await createArticle('Edge story tagged');
    await fireCron('* * * * *');
    const author = await request('/feeds/author/ann-reporter.atom');
    expect(author.status).toBe(200);
    expect(await author.text()).toContain('<title>Edge story tagged</title>');
    const etag = author.headers.get('etag') ?? '';
    expect((await request('/feeds/author/ann-reporter.atom', { headers: { 'if-none-match': etag } })).status).toBe(304);
    const tag = await request('/feeds/tag/edge.json');
    expect(((await tag.json()) as { items: { title: string }[] }).items.map((i) => i.title)).toEqual([
      'Edge story tagged',
    ]);
  });

  it('keeps bytes and ETag when the cron fires again, even twice at once', async () => {
    await createArticle('Edge story two');
    await fireCron('* * * * *');
    const etag = (await request('/feeds/all.atom')).headers.get('etag');
    await Promise.all([fireCron('* * * * *'), fireCron('* * * * *')]);
    expect((await request('/feeds/all.atom')).headers.get('etag')).toBe(etag);
  });

  it('picks up an edit at the next publish with a new ETag', async () => {
    await createArticle('Before the edit');
    await fireCron('* * * * *');
    const before = (await request('/feeds/all.rss')).headers.get('etag');
    await createArticle('A second story');
    await fireCron('* * * * *');
    const after = await request('/feeds/all.rss');
    expect(after.headers.get('etag')).not.toBe(before);
    expect(await after.text()).toContain('A second story');
  });

  it("gzips by the client's own Accept-Encoding (cf.clientAcceptEncoding), not the edge's", async () => {
    await createArticle('Compressed story');
    await fireCron('* * * * *');
    // What the runtime hands a worker for a client that sent no Accept-Encoding at all.
    const plain = await request('/feeds/all.rss', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toContain('Compressed story');
    const incoming = new Request('https://news.example/feeds/all.rss', {
      headers: { 'accept-encoding': 'gzip, br' },
      cf: { clientAcceptEncoding: 'gzip, deflate' },
    }) as Parameters<typeof worker.fetch>[0];
    const gzipped = await worker.fetch(incoming, workerEnv, createExecutionContext());
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(gzipped.headers.get('etag')).toMatch(/-gzip"$/);
    const text = await new Response(gzipped.body?.pipeThrough(new DecompressionStream('gzip'))).text();
    expect(text).toContain('Compressed story');
  });

  it("resolves an editor's RELATED headline to our article when the article is saved", async () => {
    await createArticle('Storm floods the coast road', 'Weather');
    await createArticle('Clean-up begins in the harbour town', 'Weather', [{ title: 'Storm floods the coast road' }]);
    await fireCron('* * * * *');
    const atom = await (await request('/feeds/weather.atom')).text();
    expect(atom).toMatch(/<link rel="related" href="https:\/\/news\.example\/weather\/storm-floods-the-coast-road"/);
  });

  it('answers the admin API as on Node: 401 without the token, 413 for a body over the limit', async () => {
    expect((await request('/api/articles')).status).toBe(401);
    const huge = await request('/api/articles', {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'x', bodyHtml: 'y'.repeat(2 * 1024 * 1024) }),
    });
    expect(huge.status).toBe(413);
  });

  it('serves /metrics and /readyz in workerd once a publish cron succeeded', async () => {
    expect((await request('/readyz')).status).toBe(503);
    await createArticle('Edge story metrics');
    await fireCron('* * * * *');
    await request('/feeds/all.rss');
    expect((await request('/readyz')).status).toBe(200);
    expect((await request('/metrics')).status).toBe(401);
    const metrics = await request('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(metrics.status).toBe(200);
    const text = await metrics.text();
    expect(text).toContain('tidings_publish_runs_total{outcome="ok"} 1\n');
    expect(text).toContain('tidings_feed_responses_total{status="200"} 1\n');
    expect(text).toContain('tidings_sources{state="healthy"} 0\n');
  });

  it('runs nothing on a cron string it does not know, and serves the index page', async () => {
    await fireCron('7 7 * * *');
    expect((await request('/feeds/all.rss')).status).toBe(404);
    expect((await request('/')).status).toBe(200);
  });
});

describe('the D1 feed sink', () => {
  beforeEach(async () => {
    await reset();
    await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
  });

  it('gives back exactly the bytes it was given, and the newest of two puts', async () => {
    const sink = createD1FeedSink(env.DB);
    const body = new TextEncoder().encode('<rss>ünïcödé “quotes” 🎉</rss>');
    const document = { name: 'all.rss', contentType: 'application/rss+xml', body, etag: '"a"', lastModified: 'x' };
    await sink.put(document);
    expect(await sink.get('all.rss')).toEqual(document);
    const next = { ...document, body: new TextEncoder().encode('<rss>2</rss>'), etag: '"b"' };
    await sink.put(next);
    expect(await sink.get('all.rss')).toEqual(next);
    expect(await sink.get('none.rss')).toBeUndefined();
    await sink.put({ ...next, name: 'world.json', etag: '"c"' });
    expect(await sink.listEtags()).toEqual(
      new Map([
        ['all.rss', '"b"'],
        ['world.json', '"c"'],
      ]),
    );
  });

  it('serves from memory for the TTL what another isolate published, and its own writes at once', async () => {
    let now = 0;
    const reader = createCachedFeedSink(createD1FeedSink(env.DB), 5_000, () => now);
    const otherIsolate = createD1FeedSink(env.DB);
    const version = (n: number) => ({
      name: 'all.rss',
      contentType: 'application/rss+xml',
      body: new TextEncoder().encode(`<rss>${n}</rss>`),
      etag: `"v${n}"`,
      lastModified: `2026-03-01T00:00:0${n}.000Z`,
    });
    await otherIsolate.put(version(1));
    expect((await reader.get('all.rss'))?.etag).toBe('"v1"');
    await otherIsolate.put(version(2));
    expect((await reader.get('all.rss'))?.etag).toBe('"v1"');
    expect((await reader.direct.get('all.rss'))?.etag).toBe('"v2"');
    now += 5_001;
    expect((await reader.get('all.rss'))?.etag).toBe('"v2"');
    await reader.direct.put(version(3));
    expect((await reader.get('all.rss'))?.etag).toBe('"v3"');
    expect(await reader.get('late.rss')).toBeUndefined();
    await otherIsolate.put({ ...version(4), name: 'late.rss' });
    expect((await reader.get('late.rss'))?.etag).toBe('"v4"'); // a miss is not remembered
  });
});
