import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Handler } from './support/hostile-feed-server.ts';
import { type Harness, startHarness } from './support/ingest-harness.ts';

const HOUR = 3_600_000;

/** An RSS document of `count` items, one every `everyHours` hours back from `newest`. */
function rss(count: number, newest: number, everyHours: number, title = 'Wire'): string {
  const items = Array.from({ length: count }, (_, i) => {
    const date = new Date(newest - i * everyHours * HOUR).toUTCString();
    return `<item><title>${title} story ${i}</title><link>https://wire.example/${i}</link><guid>w-${i}</guid><pubDate>${date}</pubDate><description>Story ${i}.</description></item>`;
  });
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><link>https://wire.example/</link>${items.join('')}</channel></rss>`;
}

/** The same bytes every time, with a new ETag each time (as servers behind some CDNs do). */
function sameBytesNewEtag(body: string): Handler {
  let n = 0;
  return (_req, res) => {
    n += 1;
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag: `"e${n}"` }).end(body);
  };
}

const minutesUntil = (h: Harness, iso: string | undefined) => (Date.parse(iso ?? '') - h.clock.now) / 60_000;

describe('ingest: unchanged documents and adaptive polling', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('does not parse a document whose bytes did not change, whatever its ETag says', async () => {
    h.server.route('/same', sameBytesNewEtag(rss(10, h.clock.now - HOUR, 2)));
    const first = await h.runPath('/same');
    expect(first.outcome).toMatchObject({ isModified: true, inserted: 10 });
    // Were the document parsed again, these items would no longer match what it says: all 10 updated.
    h.db.raw.prepare("UPDATE external_items SET content_hash = 'stale', title = 'Stale'").run();
    h.clock.now += HOUR;
    const again = await h.run(first.source);
    expect(again.outcome).toMatchObject({ status: 200, isModified: false, inserted: 0, updated: 0 });
    expect(again.items.every((item) => item.title === 'Stale')).toBe(true);
    expect(again.source.health).toMatchObject({ etag: '"e2"', lastStatus: 200, consecutiveFailures: 0 });
    expect(again.source.health.bodyHash).toBe(first.source.health.bodyHash);
  });

  it('parses again when a byte changes', async () => {
    let body = rss(10, h.clock.now - HOUR, 2);
    h.server.route('/edited', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body));
    const first = await h.runPath('/edited');
    body = body.replace('Wire story 3<', 'Wire story three<');
    const again = await h.run(first.source);
    expect(again.outcome).toMatchObject({ isModified: true, inserted: 0, updated: 1 });
    expect(again.source.health.bodyHash).not.toBe(first.source.health.bodyHash);
  });

  it('reads a document again after a failure, even when the same bytes come back', async () => {
    let isBroken = true;
    const good = rss(3, h.clock.now - HOUR, 1);
    h.server.route('/flaky', (_req, res) =>
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(isBroken ? '<rss><channel>' : good),
    );
    const broken = await h.runPath('/flaky');
    expect(broken.source.health.lastError).toMatch(/^parse-feed:/);
    expect(broken.source.health.bodyHash).toBeUndefined();
    isBroken = false;
    expect((await h.run(broken.source)).outcome).toMatchObject({ isModified: true, inserted: 3 });
  });

  it('polls a source by how often it posts, within the configured bounds', async () => {
    // 70 items over the last week: every 144 minutes, whatever the source's own 30.
    h.server.route('/steady', sameBytesNewEtag(rss(70, h.clock.now, (7 * 24) / 70)));
    expect(minutesUntil(h, (await h.runPath('/steady')).source.health.nextPollAt)).toBe(144);
    // 500 this week: every 20 minutes; 2,500: the lower bound (5 minutes), not 4.
    h.server.route('/busy', sameBytesNewEtag(rss(500, h.clock.now, 0.2)));
    expect(minutesUntil(h, (await h.runPath('/busy')).source.health.nextPollAt)).toBe(20);
    h.server.route('/torrent', sameBytesNewEtag(rss(2500, h.clock.now, 0.05)));
    expect(minutesUntil(h, (await h.runPath('/torrent')).source.health.nextPollAt)).toBe(5);
    // Nothing this week: the upper bound (a day).
    h.server.route('/quiet', sameBytesNewEtag(rss(5, h.clock.now - 30 * 24 * HOUR, 24)));
    expect(minutesUntil(h, (await h.runPath('/quiet')).source.health.nextPollAt)).toBe(1440);
  });

  it('counts the stored items of the week on a 304 too, and still honours a longer ttl', async () => {
    const body = rss(70, h.clock.now, (7 * 24) / 70).replace('<channel>', '<channel><ttl>600</ttl>');
    h.server.route('/hinted', (req, res) => {
      if (req.headers['if-none-match'] === '"v"') return void res.writeHead(304, { etag: '"v"' }).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v"' }).end(body);
    });
    const first = await h.runPath('/hinted');
    expect(minutesUntil(h, first.source.health.nextPollAt)).toBe(600);
    const again = await h.run(first.source);
    expect(again.outcome).toMatchObject({ status: 304, isModified: false });
    expect(minutesUntil(h, again.source.health.nextPollAt)).toBe(144);
  });
});
