import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngestCycle } from '../src/ingest/run-ingest-cycle.ts';
import { silentLogger } from '../src/log.ts';
import {
  drip,
  fail,
  type Handler,
  hang,
  redirect,
  reset,
  serve,
  serveWithEtag,
} from './support/hostile-feed-server.ts';
import { gzipBomb, item, rss, twentyMegabytes } from './support/hostile-feeds.ts';
import { type Harness, startHarness } from './support/ingest-harness.ts';

/** HTTP faults: limits, timeouts, redirects, SSRF, rate limits and conditional GET, over real sockets. */
let h: Harness;
const RSS = 'application/rss+xml';
const goodFeed = rss([1, 2, 3].map((n) => item(`ok-${n}`)).join(''));
const HOUR = 3600_000;

beforeAll(async () => {
  h = await startHarness({ maxBytes: 1024 * 1024 });
  const routes: Record<string, Handler> = {
    '/ok': serve(goodFeed, RSS),
    '/twenty-mb': serve(twentyMegabytes(), RSS),
    '/gzip-bomb': serve(gzipBomb(), RSS, { 'content-encoding': 'gzip' }),
    '/drip': drip(50),
    '/hang': hang(),
    '/500': fail(500),
    '/reset': reset(),
    '/etag': serveWithEtag(goodFeed, RSS, '"v1"'),
    '/chain-1': redirect(301, '/chain-2'),
    '/chain-2': redirect(308, '/chain-3'),
    '/chain-3': redirect(301, '/ok'),
    '/temporary': redirect(302, '/ok'),
    '/loop-a': redirect(302, '/loop-b'),
    '/loop-b': redirect(302, '/loop-a'),
    '/to-private': redirect(302, 'http://10.0.0.7/feed.xml'),
    '/to-metadata': redirect(301, 'http://169.254.169.254/latest/meta-data/'),
    '/to-file': redirect(302, 'file:///etc/passwd'),
  };
  for (let n = 0; n < 7; n++) routes[`/hop-${n}`] = redirect(302, `/hop-${n + 1}`);
  routes['/hop-7'] = serve(goodFeed, RSS);
  for (const [path, handler] of Object.entries(routes)) h.server.route(path, handler);
});
afterAll(() => h.close());

describe('ingest faults', () => {
  it('cuts a 20 MB body at the size cap and says so', async () => {
    const { source } = await h.runPath('/twenty-mb');
    expect(source.health.lastError).toBe('fetch-source: response is larger than the 1048576-byte limit');
  });

  it('cuts a gzip bomb by its decompressed size', async () => {
    const { source } = await h.runPath('/gzip-bomb');
    expect(source.health.lastError).toMatch(/larger than the 1048576-byte limit/);
  });

  it('gives up on a server that drips bytes forever (total timeout)', async () => {
    const { source } = await h.runPath('/drip');
    expect(source.health.lastError).toBe('fetch-source: no complete answer within 1500 ms');
  });

  it('gives up on a server that never answers (idle timeout)', async () => {
    const { source } = await h.runPath('/hang');
    expect(source.health.lastError).toBe('fetch-source: no data for 400 ms');
  });

  it('records a 500 and backs off within the bounds', async () => {
    const { source } = await h.runPath('/500');
    expect(source.health).toMatchObject({ lastStatus: 500, consecutiveFailures: 1 });
    expect(source.health.lastError).toBe(`fetch-source: ${h.server.origin}/500 answered 500`);
    const wait = Date.parse(source.health.nextPollAt) - h.clock.now;
    expect(wait).toBeGreaterThanOrEqual(30 * 60_000 * 0.75);
    expect(wait).toBeLessThanOrEqual(24 * HOUR);
  });

  it('honours Retry-After on a 429: the source is not fetched again before then', async () => {
    const own = await startHarness(); // its own database, so the cycles see only this source
    own.server.route('/429', fail(429, { 'retry-after': '7200' }));
    try {
      const source = await own.addSource('/429');
      const cycle = () =>
        runIngestCycle({
          store: own.store,
          ingest: own.ingest,
          concurrency: 4,
          claimMs: 60_000,
          log: silentLogger,
          now: () => own.clock.now,
        });
      const start = own.clock.now;
      await cycle();
      const after = await own.store.getSource(source.id);
      expect(after?.health.lastError).toMatch(/answered 429, retry after 7200 s/);
      expect(Date.parse(after?.health.nextPollAt ?? '')).toBeGreaterThanOrEqual(start + 2 * HOUR);
      own.clock.now = start + HOUR;
      await cycle();
      expect(own.server.requestsTo('/429')).toHaveLength(1);
      own.clock.now = start + 3 * HOUR;
      await cycle();
      expect(own.server.requestsTo('/429')).toHaveLength(2);
    } finally {
      await own.close();
    }
  });

  it('records a connection reset in words', async () => {
    const { source } = await h.runPath('/reset');
    expect(source.health.lastError).toMatch(/^fetch-source: connection failed: .+/);
    expect(source.health.lastStatus).toBeUndefined();
  });

  it('sends the stored validators and keeps every item on a 304', async () => {
    const first = await h.runPath('/etag');
    expect(first.source.health).toMatchObject({ etag: '"v1"', lastModified: 'Sun, 01 Mar 2026 10:00:00 GMT' });
    h.clock.now += HOUR;
    const second = await h.run(first.source);
    const [, conditional] = h.server.requestsTo('/etag');
    expect(conditional?.headers).toMatchObject({
      'if-none-match': '"v1"',
      'if-modified-since': 'Sun, 01 Mar 2026 10:00:00 GMT',
    });
    expect(conditional?.headers['user-agent']).toBe('Tidings/0.1 (+https://tidings.example)');
    expect(second.outcome).toMatchObject({ status: 304, isModified: false, inserted: 0 });
    expect(second.items).toHaveLength(3);
    expect(second.source.health).toMatchObject({ lastStatus: 304, etag: '"v1"', itemsStored: 3 });
  });

  it('follows a chain of permanent redirects and moves the source to its end', async () => {
    const { source, items } = await h.runPath('/chain-1');
    expect(items).toHaveLength(3);
    expect(source.url).toBe(`${h.server.origin}/ok`);
  });

  it('follows a temporary redirect without moving the source', async () => {
    const { source, items } = await h.runPath('/temporary');
    expect(items).toHaveLength(3);
    expect(source.url).toBe(`${h.server.origin}/temporary`);
  });

  it('refuses a redirect loop and a sixth redirect', async () => {
    expect((await h.runPath('/loop-a')).source.health.lastError).toBe(
      `fetch-source: redirect loop back to ${h.server.origin}/loop-a`,
    );
    expect((await h.runPath('/hop-0')).source.health.lastError).toBe('fetch-source: more than 5 redirects');
  });

  it('refuses redirects to private, metadata and non-http addresses, and private sources outright', async () => {
    expect((await h.runPath('/to-private')).source.health.lastError).toBe(
      'fetch-source: refused: 10.0.0.7 is a private address; list its network in OUTBOUND_ALLOW_NETWORKS to allow it',
    );
    expect((await h.runPath('/to-metadata')).source.health.lastError).toMatch(
      /169\.254\.169\.254 is a link-local \(cloud metadata\) address/,
    );
    expect((await h.runPath('/to-file')).source.health.lastError).toMatch(/only http and https/);
    expect((await h.runPath('http://[::ffff:10.1.2.3]/feed')).source.health.lastError).toMatch(/a private address/);
  });

  it('never loses stored items when a feed later breaks', async () => {
    h.server.route('/flaky', serve(goodFeed, RSS));
    const first = await h.runPath('/flaky');
    h.server.route('/flaky', serve('<rss version="2.0"><channel><item>', RSS));
    h.clock.now += HOUR;
    const second = await h.run(first.source);
    expect(second.source.health).toMatchObject({ consecutiveFailures: 1, itemsStored: 3, lastStatus: 200 });
    expect(second.source.health.etag).toBeUndefined(); // the broken body is fetched whole next time
    expect(second.items).toHaveLength(3);
  });

  it('updates an edited item in place', async () => {
    h.server.route('/evolving', serve(goodFeed, RSS));
    const first = await h.runPath('/evolving');
    h.server.route('/evolving', serve(goodFeed.replace('Story ok-2', 'Story ok-2, corrected'), RSS));
    h.clock.now += HOUR;
    const second = await h.run(first.source);
    expect(second.outcome).toMatchObject({ inserted: 0, updated: 1, itemsStored: 3 });
    expect(second.items.map((i) => i.title)).toContain('Story ok-2, corrected');
    expect(second.items.find((i) => i.guid === 'story-ok-2')?.id).toBe(
      first.items.find((i) => i.guid === 'story-ok-2')?.id,
    );
  });
});
