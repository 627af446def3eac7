import { readFileSync } from 'node:fs';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningTidings, startTidings } from './support/start-tidings.ts';

const fixture = readFileSync(new URL('./fixtures/seed-article.txt', import.meta.url), 'utf8');

describe('an aggregator polling a published feed over real HTTP', () => {
  let tidings: RunningTidings;
  let articleId: string;

  beforeAll(async () => {
    tidings = await startTidings();
    const imported = await tidings.request('/api/articles/import?publishedAt=2026-11-24T08:00:00Z', {
      method: 'POST',
      admin: true,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: fixture,
    });
    expect(imported.status).toBe(201);
    articleId = ((await imported.json()) as { id: string }).id;
    const published = await tidings.publish();
    expect(published.status).toBe(200);
  });
  afterAll(() => tidings.stop());

  it('gets 200, then 304 for its ETag, then 200 with a new ETag after an edit and a publish', async () => {
    const first = await tidings.request('/feeds/entertainment-and-news.rss');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    const etag = first.headers.get('etag');
    const lastModified = first.headers.get('last-modified');
    expect(etag).toMatch(/^"[0-9a-f]{32}(-gzip)?"$/);
    expect(lastModified).toBe('Wed, 25 Nov 2026 12:00:00 GMT');
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    const feed = await new Parser().parseString(await first.text());
    expect(feed.items[0]?.title).toContain('Russian Draftees');

    const again = await tidings.request('/feeds/entertainment-and-news.rss', {
      headers: { 'if-none-match': etag ?? '' },
    });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');
    const bySince = await tidings.request('/feeds/entertainment-and-news.rss', {
      headers: { 'if-modified-since': lastModified ?? '' },
    });
    expect(bySince.status).toBe(304);

    tidings.setNow('2026-11-25T12:05:00.000Z');
    const edited = await tidings.request(`/api/articles/${articleId}`, {
      method: 'PATCH',
      admin: true,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Russian Draftees Say Goodbye (updated)' }),
    });
    expect(edited.status).toBe(200);
    await tidings.publish();

    const changed = await tidings.request('/feeds/entertainment-and-news.rss', {
      headers: { 'if-none-match': etag ?? '' },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(changed.headers.get('last-modified')).toBe('Wed, 25 Nov 2026 12:05:00 GMT');
    const updated = await new Parser().parseString(await changed.text());
    expect(updated.items[0]?.title).toBe('Russian Draftees Say Goodbye (updated)');
    // The id is the tag: URI minted at creation, so readers see an update, not a new story.
    expect(updated.items[0]?.guid).toBe(feed.items[0]?.guid);
    expect(updated.items[0]?.guid).toMatch(/^tag:127\.0\.0\.1,2026-11-25:article\/art_/);
  });

  it('keeps byte-identical documents and ETags when a publish finds nothing changed', async () => {
    const before = await tidings.request('/feeds/all.atom');
    const run = (await (await tidings.publish()).json()) as {
      feedsWritten: string[];
    };
    expect(run.feedsWritten).toEqual([]);
    const after = await tidings.request('/feeds/all.atom');
    expect(after.headers.get('etag')).toBe(before.headers.get('etag'));
    expect(await after.text()).toBe(await before.text());
  });

  it('serves gzip when asked, with its own ETag, and answers HEAD without a body', async () => {
    const zipped = await fetch(`${tidings.baseUrl}/feeds/all.json`, { headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toBe('Accept-Encoding');
    const json = (await zipped.json()) as { version: string; items: unknown[] };
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.items).toHaveLength(1);

    const plain = await tidings.request('/feeds/all.json', { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('etag')).not.toBe(zipped.headers.get('etag'));

    const head = await tidings.request('/feeds/all.json', {
      method: 'HEAD',
      headers: { 'accept-encoding': 'identity' },
    });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(plain.headers.get('etag'));
    expect(await head.text()).toBe('');
  });

  it('answers an unknown feed with a 404 that says where the feeds are', async () => {
    const response = await tidings.request('/feeds/no-such-category.rss');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'no feed named "no-such-category.rss"; the list of feeds is at /' });
  });

  it('lists every feed on the index page with autodiscovery links', async () => {
    const page = await (await tidings.request('/')).text();
    expect(page).toContain(
      `<link rel="alternate" type="application/rss+xml" title="Tidings: All stories (RSS)" href="${tidings.baseUrl}/feeds/all.rss">`,
    );
    expect(page).toContain(`href="${tidings.baseUrl}/feeds/entertainment-and-news.atom"`);
    expect(page).toContain('type="application/feed+json"');
  });

  it('resolves every item link to a readable article page', async () => {
    const feed = await new Parser().parseString(await (await tidings.request('/feeds/all.rss')).text());
    for (const item of feed.items) {
      const page = await fetch(item.link ?? '');
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('Russian Draftees Say Goodbye (updated)');
      expect(html).toContain('Isaac Serna-Diez');
      expect(html).toContain('is an Assistant Editor who focuses on entertainment');
      expect(html).toContain(`href="${tidings.baseUrl}/feeds/entertainment-and-news.rss"`);
    }
  });
});
