import { describe, expect, it } from 'vitest';
import type { ParsedFeed, ParsedItem } from '../parse/parsed-feed.ts';
import { normalizeFeed } from './normalize.ts';

const NOW = '2026-03-01T12:00:00.000Z';
const feed = (items: Partial<ParsedItem>[], extra: Partial<ParsedFeed> = {}): ParsedFeed => ({
  format: 'rss',
  items: items.map((i) => ({ categories: [], ...i })),
  ...extra,
});
const one = async (item: Partial<ParsedItem>, extra: Partial<ParsedFeed> = {}) =>
  normalizeFeed(feed([item], extra), { responseUrl: 'https://feeds.example/path/rss.xml', now: NOW })[0];

describe('normalizeFeed', () => {
  it('resolves links against item xml:base, then feed xml:base, then the feed link, then the response URL', async () => {
    expect((await one({ title: 't', link: 'a' }))?.link).toBe('https://feeds.example/path/a');
    expect((await one({ title: 't', link: 'a' }, { link: 'https://site.example/news/' }))?.link).toBe(
      'https://site.example/news/a',
    );
    expect((await one({ title: 't', link: 'a', base: 'sub/' }, { base: 'https://b.example/x/' }))?.link).toBe(
      'https://b.example/x/sub/a',
    );
  });

  it('canonicalizes links: no fragment, no utm_* parameters', async () => {
    expect((await one({ title: 't', link: 'https://x.example/a?id=1&utm_source=rss&utm_medium=x#top' }))?.link).toBe(
      'https://x.example/a?id=1',
    );
  });

  it('makes titles plain text and falls back to the summary when there is none', async () => {
    expect((await one({ title: '<b>Bold</b> &amp; &lt;i&gt;x&lt;/i&gt;\n  move' }))?.title).toBe('Bold & x move');
    expect((await one({ summaryHtml: '<p>Only a summary here.</p>' }))?.title).toBe('Only a summary here.');
  });

  it('keeps a plain-text summary and the full text of sanitized content', async () => {
    const item = await one({
      title: 't',
      summaryHtml: '<p>Short <em>lead</em>.</p>',
      contentHtml: `<p>Full <a href="/x" onclick="e()">story</a></p><script>bad()</script>${'<p>word</p>'.repeat(200)}`,
    });
    expect(item?.summary).toBe('Short lead.');
    expect(item?.contentHtml.startsWith('<p>Full <a href="https://feeds.example/x">story</a></p><p>word</p>')).toBe(
      true,
    );
    expect(item?.contentText.startsWith('Full story\n\nword')).toBe(true);
    expect(item?.contentHtml).not.toMatch(/script|onclick|bad\(\)/);
  });

  it('dates items, guessing the first-seen time for missing and future dates', async () => {
    expect(await one({ title: 'a', published: 'Sun, 01 Mar 2026 09:00:00 GMT' })).toMatchObject({
      publishedAt: '2026-03-01T09:00:00.000Z',
      isDateGuessed: false,
    });
    expect(await one({ title: 'b' })).toMatchObject({ publishedAt: NOW, isDateGuessed: true });
    expect(await one({ title: 'c', published: '2099-01-01T00:00:00Z' })).toMatchObject({
      publishedAt: NOW,
      isDateGuessed: true,
    });
    expect(await one({ title: 'd', published: 'junk', updated: '2026-02-01T00:00:00Z' })).toMatchObject({
      publishedAt: '2026-02-01T00:00:00.000Z',
    });
  });

  it('takes an image from the item or its content, http(s) only', async () => {
    expect((await one({ title: 't', imageUrl: '/i.png' }))?.imageUrl).toBe('https://feeds.example/i.png');
    expect((await one({ title: 't', contentHtml: '<img src="https://x.example/a.jpg?a=1&amp;b=2">' }))?.imageUrl).toBe(
      'https://x.example/a.jpg?a=1&b=2',
    );
    expect((await one({ title: 't', imageUrl: 'data:image/png;base64,AAAA' }))?.imageUrl).toBeUndefined();
  });

  it('drops empty items and later duplicates, and hashes content so edits show', async () => {
    const items = normalizeFeed(
      feed([
        { guid: 'x' },
        { guid: 'g', title: 'first' },
        { guid: 'g', title: 'second' },
        { guid: 'h', title: 'first' },
      ]),
      { responseUrl: 'https://feeds.example/', now: NOW },
    );
    expect(items.map((i) => [i.guid, i.title])).toEqual([
      ['g', 'first'],
      ['h', 'first'],
    ]);
    const edited = await one({ guid: 'g', title: 'first, edited' });
    expect(edited?.contentHash).not.toBe(items[0]?.contentHash);
    expect(items[0]?.contentHash).toBe(items[1]?.contentHash);
  });
});
