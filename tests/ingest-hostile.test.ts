import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from './support/hostile-feed-server.ts';
import * as feeds from './support/hostile-feeds.ts';
import { type Harness, startHarness } from './support/ingest-harness.ts';

/**
 * Hostile and odd documents served over real HTTP to the real pipeline and a real SQLite
 * file. Each case ends in items stored cleanly or an error recorded in words on the source.
 */
let h: Harness;
const RSS = 'application/rss+xml';

beforeAll(async () => {
  h = await startHarness();
  const routes: Record<string, ReturnType<typeof serve>> = {
    '/malformed': serve(feeds.malformed, RSS),
    '/truncated': serve(feeds.truncated, RSS),
    '/wrong-charset': serve(feeds.wrongCharset, 'application/xml'),
    '/cp1252': serve(feeds.windows1252Undeclared, 'text/xml'),
    '/bom': serve(feeds.utf8Bom, RSS),
    '/utf16': serve(feeds.utf16WithBom, 'application/xml'),
    '/entities': serve(feeds.entityTitles, RSS),
    '/cdata-script': serve(feeds.cdataScript, RSS),
    '/javascript-links': serve(feeds.javascriptLinks, RSS),
    '/ten-thousand': serve(feeds.manyItems(10_000), RSS),
    '/missing-guids': serve(feeds.missingGuids, RSS),
    '/duplicate-guids': serve(feeds.duplicateGuids, RSS),
    '/xml-base': serve(feeds.xmlBase, 'application/atom+xml'),
    '/odd-dates': serve(feeds.oddDates, RSS),
    '/atom-xhtml': serve(feeds.atomXhtml, 'application/atom+xml'),
    '/rss091': serve(feeds.rss091, 'text/xml'),
    '/rdf': serve(feeds.rdf, 'application/rdf+xml'),
    '/empty': serve(feeds.emptyFeed, RSS),
    '/json': serve(feeds.jsonFeed, 'application/feed+json'),
    '/home': serve(feeds.htmlWithFeed('/discovered.xml'), 'text/html; charset=utf-8'),
    '/discovered.xml': serve(feeds.rss(feeds.item('found')), RSS),
    '/no-feed-here': serve(feeds.htmlWithoutFeed, 'text/html'),
    '/rss-as-html': serve(feeds.rss(feeds.item('mislabelled')), 'text/html; charset=utf-8'),
  };
  for (const [path, handler] of Object.entries(routes)) h.server.route(path, handler);
});
afterAll(() => h.close());

const titles = (items: { title: string }[]) => items.map((i) => i.title).sort();

describe('ingesting hostile feeds', () => {
  it('records malformed XML as a parse error and stores nothing', async () => {
    const { outcome, source, items } = await h.runPath('/malformed');
    expect(outcome.error).toMatch(/^parse-feed: not a readable feed: .*Unexpected close tag/);
    expect(source.health).toMatchObject({ lastStatus: 200, consecutiveFailures: 1, lastError: outcome.error });
    expect(items).toEqual([]);
  });

  it('records a truncated document as a parse error', async () => {
    const { source } = await h.runPath('/truncated');
    expect(source.health.lastError).toMatch(/^parse-feed: not a readable feed/);
  });

  it('reads UTF-8 bytes declared as ISO-8859-1 as UTF-8', async () => {
    const { items } = await h.runPath('/wrong-charset');
    expect(titles(items)).toEqual(['Café Müller – Zürich']);
  });

  it('reads undeclared windows-1252 bytes as windows-1252', async () => {
    const { items } = await h.runPath('/cp1252');
    expect(titles(items)).toEqual(['Café “quoted” – €5']);
  });

  it('strips a UTF-8 BOM and decodes UTF-16 with a BOM', async () => {
    expect(titles((await h.runPath('/bom')).items)).toEqual(['Story bom']);
    expect(titles((await h.runPath('/utf16')).items)).toEqual(['Naïve Σ story']);
  });

  it('decodes HTML entities in titles and strips the markup they spell', async () => {
    const { items } = await h.runPath('/entities');
    expect(items[0]?.title).toBe('Café & Bar\u00a0— bold “ok”');
    expect(items[0]?.link).toBe('https://news.example/entities?a=1&b=2');
    expect(items[0]?.summary).toBe('x © y');
  });

  it('removes scripts, styles, iframes, event handlers and javascript:/data: URLs from CDATA content', async () => {
    const [stored] = (await h.runPath('/cdata-script')).items;
    expect(stored?.title).toBe('Scripted title');
    const html = stored?.contentHtml ?? '';
    expect(html).toContain('<p>Hello <b>reader</b></p>');
    expect(html).toContain('<a href="https://news.example/ok">fine</a>');
    expect(html).toContain('<img src="https://news.example/x.jpg" />');
    expect(html).not.toMatch(/script|alert|style|iframe|onclick|onerror|javascript:|data:/i);
  });

  it('drops javascript: links and images rather than storing them', async () => {
    const [stored] = (await h.runPath('/javascript-links')).items;
    expect(stored?.title).toBe('JS link');
    expect(stored?.link).toBeUndefined();
    expect(stored?.imageUrl).toBeUndefined();
  });

  it('stores all 10,000 items of a huge feed', async () => {
    const { outcome, source } = await h.runPath('/ten-thousand');
    expect(outcome).toMatchObject({ inserted: 10_000, itemsStored: 10_000 });
    expect(source.health.itemsStored).toBe(10_000);
  });

  it('deduplicates items without GUIDs by canonical link across fetches', async () => {
    const first = await h.runPath('/missing-guids');
    expect(first.items.map((i) => i.link).sort()).toEqual([1, 2, 3].map((n) => `https://news.example/ng/${n}`));
    h.clock.now += 3600_000;
    const second = await h.run(first.source);
    expect(second.outcome).toMatchObject({ inserted: 0, updated: 0, itemsStored: 3 });
  });

  it('keeps the first of two items that share a GUID', async () => {
    const { items } = await h.runPath('/duplicate-guids');
    expect(titles(items)).toEqual(['Story dup', 'Story unique']);
  });

  it('resolves relative links against nested xml:base', async () => {
    const [stored] = (await h.runPath('/xml-base')).items;
    expect(stored?.link).toBe('https://blog.example/root/posts/one.html');
    expect(stored?.contentHtml).toContain('href="https://blog.example/root/two.html"');
    expect(stored?.imageUrl).toBe('https://blog.example/root/posts/pic.png');
  });

  it('reads odd dates, dates missing ones with the first-seen time and clamps future ones', async () => {
    const { items } = await h.runPath('/odd-dates');
    const at = Object.fromEntries(items.map((i) => [i.title, i.publishedAt]));
    const firstSeen = new Date(h.clock.now).toISOString();
    expect(at).toEqual({
      'EST date': '2026-03-02T15:00:00.000Z',
      'ISO no zone': '2026-03-02T10:00:00.000Z',
      'Garbage date': firstSeen,
      'No date': firstSeen,
      'Far future': firstSeen,
      'Two-digit year': '2026-03-02T09:00:00.000Z',
    });
  });

  it('reads Atom xhtml titles and content, sanitized', async () => {
    const [stored] = (await h.runPath('/atom-xhtml')).items;
    expect(stored?.title).toBe('An xhtml title');
    expect(stored?.contentText).toContain('Rich');
    expect(stored?.contentText).toContain('content');
    expect(stored?.contentHtml).not.toContain('script');
    expect(stored?.publishedAt).toBe('2026-03-01T09:00:00.000Z'); // the bad <published> falls back to <updated>
  });

  it('reads RSS 0.91, RDF (RSS 1.0) and JSON Feed 1.1', async () => {
    expect(titles((await h.runPath('/rss091')).items)).toEqual(['Ninety-one']);
    const rdf = (await h.runPath('/rdf')).items;
    expect(rdf.map((i) => i.guid).sort()).toEqual(['https://rdf.example/1', 'https://rdf.example/2']);
    const json = (await h.runPath('/json')).items;
    expect(titles(json)).toEqual(
      ['JSON one', 'JSON two', 'j3'.replace('j3', json.find((i) => i.guid === 'j3')?.title ?? '')].sort(),
    );
    const one = json.find((i) => i.guid === 'j1');
    expect(one).toMatchObject({ link: 'https://json.example/j/1', author: 'Jay', categories: ['a'] });
    expect(one?.contentHtml).toBe('<p>One</p>');
    expect(json.find((i) => i.guid === '2')).toMatchObject({
      contentText: 'Plain text two',
      imageUrl: 'https://json.example/2.png',
    });
  });

  it('records an empty feed as a success with no items', async () => {
    const { outcome, source } = await h.runPath('/empty');
    expect(outcome.error).toBeUndefined();
    expect(source.health).toMatchObject({ lastStatus: 200, itemsStored: 0, consecutiveFailures: 0 });
    expect(source.health.lastError).toBeUndefined();
  });

  it('follows HTML autodiscovery to the feed and moves the source there', async () => {
    const { source, items } = await h.runPath('/home');
    expect(titles(items)).toEqual(['Story found']);
    expect(source.url).toBe(`${h.server.origin}/discovered.xml`);
  });

  it('reads a feed served as text/html as the feed it is', async () => {
    expect(titles((await h.runPath('/rss-as-html')).items)).toEqual(['Story mislabelled']);
  });

  it('records an HTML page without a feed link as an error in words', async () => {
    const { source } = await h.runPath('/no-feed-here');
    expect(source.health.lastError).toMatch(/is an HTML page that links no feed/);
  });
});
