import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runIngestCycle } from '../src/ingest/run-ingest-cycle.ts';
import { silentLogger } from '../src/log.ts';
import { fail, serve } from './support/hostile-feed-server.ts';
import { rss } from './support/hostile-feeds.ts';
import { type Harness, startHarness } from './support/ingest-harness.ts';

/** Issue 10, items 17-19: what a re-poll does to the store, over a real server and a real SQLite file. */
const RSS = 'application/rss+xml';
const BODY = 'Harbour officials said the breakwater held through the night, and the ferries will sail again at noon.';

function story(guid: string, link: string, title = 'Harbour reopens after the storm', body = BODY): string {
  return `<item><title>${title}</title><link>${link}</link><guid>${guid}</guid>
<pubDate>Mon, 02 Mar 2026 10:00:00 GMT</pubDate><description>${body}</description></item>`;
}

function dated(n: number): string {
  const day = String(1 + (n % 28)).padStart(2, '0');
  return `<item><title>Story ${n}</title><link>https://news.example/story/${n}</link><guid>story-${n}</guid>
<pubDate>${new Date(`2026-02-${day}T${String(n % 24).padStart(2, '0')}:00:00Z`).toUTCString()}</pubDate>
<description>Body of story ${n}.</description></item>`;
}

/** Roomy fetch limits: these tests are about the store, not timeouts, and run on a busy machine. */
const ROOMY = { timeoutMs: 15_000, idleTimeoutMs: 10_000 };

let h: Harness;
afterEach(() => h.close());

describe('dedupe: GUID, then link, then content (item 17)', () => {
  beforeEach(async () => {
    h = await startHarness(ROOMY);
  });

  it('updates in place an item served again with a changed GUID but the same link', async () => {
    h.server.route('/feed', serve(rss(story('guid-1', 'https://news.example/harbour')), RSS));
    const source = await h.addSource('/feed');
    const first = await h.run(source);
    expect(first.items).toHaveLength(1);
    h.server.route('/feed', serve(rss(story('guid-2', 'https://news.example/harbour', 'Harbour reopens')), RSS));
    const second = await h.run(source);
    expect(second.outcome).toMatchObject({ inserted: 0, updated: 1 });
    expect(second.items.map((i) => [i.id, i.guid, i.title])).toEqual([
      [first.items[0]?.id, 'guid-2', 'Harbour reopens'],
    ]);
  });

  it('updates in place an item with a new GUID and a new link but the same headline and text', async () => {
    h.server.route('/feed', serve(rss(story('guid-1', 'https://news.example/harbour')), RSS));
    const source = await h.addSource('/feed');
    const first = await h.run(source);
    h.server.route('/feed', serve(rss(story('guid-9', 'https://news.example/2026/harbour-reopens')), RSS));
    const second = await h.run(source);
    expect(second.outcome).toMatchObject({ inserted: 0, updated: 1 });
    expect(second.items.map((i) => [i.id, i.link])).toEqual([
      [first.items[0]?.id, 'https://news.example/2026/harbour-reopens'],
    ]);
  });

  it('keeps two stories apart when both are still in the feed, even with one link (a homepage)', async () => {
    const home = 'https://news.example/';
    h.server.route('/feed', serve(rss(story('a', home, 'First story')), RSS));
    const source = await h.addSource('/feed');
    await h.run(source);
    h.server.route(
      '/feed',
      serve(rss([story('b', home, 'Second story', `${BODY} More.`), story('a', home, 'First story')].join('\n')), RSS),
    );
    const second = await h.run(source);
    expect(second.outcome).toMatchObject({ inserted: 1, updated: 0 });
    expect(second.items.map((i) => i.guid).sort()).toEqual(['a', 'b']);
  });
});

describe('410 Gone (item 18)', () => {
  beforeEach(async () => {
    h = await startHarness(ROOMY);
  });

  it('disables the source with the reason in its health until it is enabled again', async () => {
    h.server.route('/gone', fail(410));
    const source = await h.addSource('/gone');
    const { source: after } = await h.run(source);
    expect(after.enabled).toBe(false);
    expect(after.health.lastStatus).toBe(410);
    expect(after.health.disabledReason).toMatch(/^gone: .*answered 410 Gone/);

    // The next cycle, when it is due again, does not poll it.
    h.clock.now += 7 * 86_400_000;
    const deps = { store: h.store, ingest: h.ingest, concurrency: 1, claimMs: 60_000, log: silentLogger };
    const cycle = await runIngestCycle({ ...deps, now: () => h.clock.now });
    expect(cycle.sources).toBe(0);
    expect(h.server.requests.filter((r) => r.path === '/gone')).toHaveLength(1);

    await h.store.updateSource({ ...after, enabled: true });
    const enabled = await h.store.getSource(source.id);
    expect(enabled?.enabled).toBe(true);
    expect(enabled?.health.disabledReason).toBeUndefined();
  });

  it('leaves a source that fails otherwise (404, 503) enabled', async () => {
    h.server.route('/missing', fail(404));
    const { source } = await h.runPath('/missing');
    expect(source.enabled).toBe(true);
    expect(source.health.disabledReason).toBeUndefined();
  });
});

describe('retention cap on a static feed (item 19)', () => {
  it('leaves the store unchanged when a feed larger than the cap is polled again', async () => {
    h = await startHarness({ ...ROOMY, retentionItems: 5 });
    h.server.route('/big', serve(rss(Array.from({ length: 12 }, (_, n) => dated(n)).join('\n')), RSS));
    const source = await h.addSource('/big');
    const first = await h.run(source);
    expect(first.items).toHaveLength(5);
    for (let poll = 0; poll < 2; poll++) {
      h.clock.now += 3_600_000;
      const again = await h.run(source);
      expect(again.outcome).toMatchObject({ inserted: 0, updated: 0, removed: 0, itemsStored: 5 });
      expect(again.items.map((i) => i.id)).toEqual(first.items.map((i) => i.id));
    }
  });

  it('does the same for undated items, keeping the first ones of the document', async () => {
    h = await startHarness({ ...ROOMY, retentionItems: 3 });
    const undated = Array.from(
      { length: 6 },
      (_, n) => `<item><title>Undated ${n}</title><link>https://news.example/u/${n}</link><guid>u-${n}</guid></item>`,
    );
    h.server.route('/undated', serve(rss(undated.join('\n')), RSS));
    const source = await h.addSource('/undated');
    const first = await h.run(source);
    expect(first.items.map((i) => i.guid).sort()).toEqual(['u-0', 'u-1', 'u-2']);
    h.clock.now += 3_600_000;
    const again = await h.run(source);
    expect(again.outcome).toMatchObject({ inserted: 0, removed: 0, itemsStored: 3 });
    expect(again.items.map((i) => i.id).sort()).toEqual(first.items.map((i) => i.id).sort());
  });
});
