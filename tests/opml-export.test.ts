import { parseOpml } from 'feedsmith';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningTidings, startTidings } from './support/start-tidings.ts';
import { validateXml } from './xml-checks.ts';

/** GET /feeds.opml (issue 11, item 3): every feed Tidings publishes, as a reader imports it. */
describe('the OPML export', () => {
  let tidings: RunningTidings;

  beforeAll(async () => {
    tidings = await startTidings();
    for (const [title, category, tags, author] of [
      ['Storm hits the coast', 'World', ['Climate'], 'Ada Quill'],
      ['Cup final tonight', 'Sport', ['Football', 'Cup & Co'], 'Bo Ferris'],
    ] as const) {
      const created = await tidings.admin('POST', '/api/articles', {
        title,
        bodyHtml: `<p>${title}.</p>`,
        category,
        tags,
        author: { name: author },
        status: 'published',
        publishedAt: '2026-11-25T10:00:00Z',
      });
      expect(created.status).toBe(201);
    }
    await tidings.publish();
  });
  afterAll(() => tidings.stop());

  it('lists everything, categories, tags and authors, each outline with xmlUrl, htmlUrl, type and title', async () => {
    const response = await tidings.request('/feeds.opml');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/x-opml; charset=utf-8');
    const text = await response.text();
    validateXml(text);
    const opml = parseOpml(text);
    expect(opml.head?.title).toBe('Tidings: every feed');
    const groups = opml.body?.outlines ?? [];
    expect(groups.map((g) => g.text)).toEqual(['Everything', 'Categories', 'Tags', 'Authors']);
    const urls = (i: number) => groups[i]?.outlines?.map((o) => (o.xmlUrl ?? '').replace(tidings.baseUrl, ''));
    expect(urls(0)).toEqual(['/feeds/all.rss']);
    expect(urls(1)).toEqual(['/feeds/sport.rss', '/feeds/world.rss']);
    expect(urls(2)).toEqual(['/feeds/tag/climate.rss', '/feeds/tag/cup-co.rss', '/feeds/tag/football.rss']);
    expect(urls(3)).toEqual(['/feeds/author/ada-quill.rss', '/feeds/author/bo-ferris.rss']);
    const cup = groups[2]?.outlines?.[1];
    expect(cup).toMatchObject({
      type: 'rss',
      text: 'Cup & Co',
      title: 'Cup & Co',
      htmlUrl: `${tidings.baseUrl}/tag/cup-co`,
    });
  });

  it('points only at feeds that exist and that rss-parser reads', async () => {
    const opml = parseOpml(await (await tidings.request('/feeds.opml')).text());
    const all = (opml.body?.outlines ?? []).flatMap((g) => g.outlines ?? []);
    for (const outline of all) {
      const feed = await new Parser().parseString(await (await fetch(outline.xmlUrl ?? '')).text());
      expect(feed.items.length).toBeGreaterThan(0);
    }
  });

  it('answers If-None-Match with 304 until the list changes', async () => {
    const etag = (await tidings.request('/feeds.opml')).headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const again = await tidings.request('/feeds.opml', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    await tidings.admin('POST', '/api/articles', {
      title: 'A new tag appears',
      bodyHtml: '<p>New.</p>',
      category: 'World',
      tags: ['Harbour'],
      author: { name: 'Ada Quill' },
      status: 'published',
      publishedAt: '2026-11-25T11:00:00Z',
    });
    const changed = await tidings.request('/feeds.opml', { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toContain('/feeds/tag/harbour.rss');
  });

  it('is autodiscovered from the index page', async () => {
    const index = await (await tidings.request('/')).text();
    expect(index).toContain(
      `<link rel="outline" type="text/x-opml" title="Tidings: every feed (OPML)" href="${tidings.baseUrl}/feeds.opml">`,
    );
  });
});
