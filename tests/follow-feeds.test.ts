import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningTidings, startTidings } from './support/start-tidings.ts';
import { validateXml } from './xml-checks.ts';

/**
 * Tag and author feeds (issue 11) as readers get them: published by the
 * publish job, parsed by rss-parser and feedsmith, with the same conditional
 * GET, gzip and paging as category feeds.
 */
describe('tag and author feeds', () => {
  let tidings: RunningTidings;
  const create = (title: string, publishedAt: string, tags: string[], author: string) =>
    tidings.admin('POST', '/api/articles', {
      title,
      bodyHtml: `<p>${title}.</p>`,
      category: title.startsWith('Match') ? 'Sport' : 'World',
      tags,
      author: { name: author, role: 'Reporter', bio: `${author} writes for us.` },
      status: 'published',
      publishedAt,
    });

  beforeAll(async () => {
    tidings = await startTidings({ FOLLOW_FEED_ITEMS: '2' });
    const articles = [
      ['Storm hits the coast', '2026-11-25T08:00:00Z', ['Climate', 'Coast'], 'Ada Quill'],
      ['Match abandoned after storm', '2026-11-25T09:00:00Z', ['Climate', 'Football'], 'Bo Ferris'],
      ['Flood defences tested', '2026-11-25T10:00:00Z', ['climate'], 'Ada Quill'],
      ['Rainfall record broken', '2026-11-25T11:00:00Z', ['Climate'], 'Ada Quill'],
    ] as const;
    for (const [title, at, tags, author] of articles) {
      expect((await create(title, at, [...tags], author)).status).toBe(201);
    }
    await tidings.publish();
  });
  afterAll(() => tidings.stop());

  it('serves a tag feed in three formats that rss-parser and feedsmith read, newest first, one tag per spelling', async () => {
    const rss = await (await tidings.request('/feeds/tag/climate.rss')).text();
    validateXml(rss);
    const parsed = await new Parser().parseString(rss);
    expect(parsed.title).toBe('Tidings: Climate');
    expect(parsed.items.map((i) => i.title)).toEqual(['Rainfall record broken', 'Flood defences tested']);
    expect(parseRssFeed(rss).atom?.links?.[0]?.href).toBe(`${tidings.baseUrl}/feeds/tag/climate.rss`);

    const atom = parseAtomFeed(await (await tidings.request('/feeds/tag/climate.atom')).text());
    expect(atom.entries?.map((e) => e.title?.value)).toEqual(['Rainfall record broken', 'Flood defences tested']);
    expect(atom.links?.find((l) => l.rel === 'alternate')?.href).toBe(`${tidings.baseUrl}/tag/climate`);

    const json = parseJsonFeed(await (await tidings.request('/feeds/tag/climate.json')).text());
    expect(json.feed_url).toBe(`${tidings.baseUrl}/feeds/tag/climate.json`);
    expect(json.items?.map((i) => i.title)).toEqual(['Rainfall record broken', 'Flood defences tested']);
  });

  it('serves an author feed: the same person across articles is one author with one slug', async () => {
    const feed = parseAtomFeed(await (await tidings.request('/feeds/author/ada-quill.atom')).text());
    expect(feed.title?.value).toBe('Tidings: Ada Quill');
    expect(feed.entries?.map((e) => e.title?.value)).toEqual(['Rainfall record broken', 'Flood defences tested']);
    expect(feed.entries?.every((e) => e.authors?.[0]?.name === 'Ada Quill')).toBe(true);
    const other = await new Parser().parseString(await (await tidings.request('/feeds/author/bo-ferris.rss')).text());
    expect(other.items.map((i) => i.title)).toEqual(['Match abandoned after storm']);
  });

  it('pages back with ?before= (RFC 5005) until every tagged article was seen once', async () => {
    const seen: string[] = [];
    let url: string | undefined = `${tidings.baseUrl}/feeds/tag/climate.json`;
    while (url) {
      const page = (await (await fetch(url)).json()) as { next_url?: string; items: { title: string }[] };
      seen.push(...page.items.map((item) => item.title));
      url = page.next_url;
    }
    expect(seen).toEqual([
      'Rainfall record broken',
      'Flood defences tested',
      'Match abandoned after storm',
      'Storm hits the coast',
    ]);
  });

  it('answers conditional GETs with 304 and gzips for readers that ask', async () => {
    const first = await tidings.request('/feeds/author/ada-quill.rss');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[0-9a-f]{32}(-gzip)?"$/);
    const again = await tidings.request('/feeds/author/ada-quill.rss', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);

    const zipped = await fetch(`${tidings.baseUrl}/feeds/tag/coast.atom`, { headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    // fetch decodes gzip itself: what it hands back must be the same document.
    const plain = await (await tidings.request('/feeds/tag/coast.atom')).text();
    expect(await zipped.text()).toBe(plain);
  });

  it('rewrites only the tag and author feeds an edit touches; the others keep their bytes and ETag', async () => {
    const coast = (await tidings.request('/feeds/tag/coast.rss')).headers.get('etag');
    const { items } = (await (await tidings.admin('GET', '/api/articles?limit=10')).json()) as {
      items: { id: string; title: string }[];
    };
    const rainfall = items.find((a) => a.title === 'Rainfall record broken');
    tidings.setNow('2026-11-25T12:05:00.000Z');
    await tidings.admin('PATCH', `/api/articles/${rainfall?.id}`, { title: 'Rainfall record smashed' });
    const run = (await (await tidings.publish()).json()) as { feedsWritten: string[] };
    expect(run.feedsWritten).toContain('tag/climate.rss');
    expect(run.feedsWritten).toContain('author/ada-quill.atom');
    expect(run.feedsWritten.some((name) => name.startsWith('tag/coast') || name.startsWith('author/bo-'))).toBe(false);
    expect((await tidings.request('/feeds/tag/coast.rss')).headers.get('etag')).toBe(coast);
  });

  it('answers 404 for an unknown tag or a name that is not a feed', async () => {
    expect((await tidings.request('/feeds/tag/nothing-here.rss')).status).toBe(404);
    expect((await tidings.request('/feeds/tag/..%2Fall.rss')).status).toBe(404);
    expect((await tidings.request('/feeds/author/ada-quill.html')).status).toBe(404);
  });
});
