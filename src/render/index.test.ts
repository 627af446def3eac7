import Parser from 'rss-parser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixtureItems, fixtureSpec, plainItem, seedItem } from '../../tests/render-fixtures.ts';
import { hasInvalidXmlChar, undeclaredPrefixes, validateXml } from '../../tests/xml-checks.ts';
import type { FeedItem } from '../domain/article.ts';
import { FEED_FORMATS } from './feed-spec.ts';
import { renderers } from './index.ts';

type Titled = { $: { title?: string } };
const parser = new Parser<Record<string, unknown>, { id?: string; atomLinks?: Titled[]; links?: Titled[] }>({
  customFields: {
    item: [
      ['atom:link', 'atomLinks', { keepArray: true }],
      ['link', 'links', { keepArray: true }],
    ],
  },
});

/** What a reader sees of a document: rss-parser for the XML formats, JSON.parse for JSON Feed. */
async function read(format: string, doc: string): Promise<{ title?: string; items: { title?: string; id: string }[] }> {
  if (format === 'json') {
    const feed = JSON.parse(doc);
    return {
      title: feed.title,
      items: feed.items.map((i: { id: string; title: string }) => ({ id: i.id, title: i.title })),
    };
  }
  expect(validateXml(doc)).toBe(true);
  expect(undeclaredPrefixes(doc)).toEqual([]);
  const feed = await parser.parseString(doc);
  return { title: feed.title, items: feed.items.map((i) => ({ id: i.guid ?? i.id ?? '', title: i.title })) };
}

// Every illegal kind: C0 controls, U+FFFE/FFFF, a lone high and a lone low surrogate;
// plus characters that must be escaped, not dropped. A valid pair (😀) must survive.
const DIRTY = 'Q&A: "draft" <3 ]]> \u0000\u0001\u0008\u000B\u000C\u001F\uFFFE\uFFFF\uD800x\uDC00y 😀\tend';
const CLEAN = 'Q&A: "draft" <3 ]]> xy 😀\tend';

function dirtyItem(): FeedItem {
  const article = {
    ...seedItem.article,
    title: DIRTY,
    summary: DIRTY,
    bodyHtml: `<p>${DIRTY.replace(/[&<>]/g, '')}</p>`,
  };
  return {
    ...seedItem,
    article: { ...article, author: { ...article.author, name: DIRTY }, image: { ...article.image!, credit: DIRTY } },
    related: [{ title: DIRTY, url: 'https://news.example.org/a?x=1&y=2', source: DIRTY }],
  };
}

describe.each(FEED_FORMATS)('renderers.%s', (format) => {
  const render = renderers[format];

  afterEach(() => vi.useRealTimers());

  it('yields a valid document for an empty item list', async () => {
    const doc = render(fixtureSpec({ key: 'empty-category', title: 'Tidings — Empty' }), []);
    const feed = await read(format, doc);
    expect(feed.title).toBe('Tidings — Empty');
    expect(feed.items).toEqual([]);
  });

  it('strips XML-illegal characters from every text and attribute and keeps escapable ones intact', async () => {
    const doc = render(fixtureSpec({ title: DIRTY, description: DIRTY, copyright: DIRTY, generator: DIRTY }), [
      dirtyItem(),
    ]);
    expect(hasInvalidXmlChar(doc)).toBe(false);
    const feed = await read(format, doc);
    expect(feed.title).toBe(CLEAN);
    expect(feed.items[0]?.title).toBe(CLEAN);
    if (format === 'json') {
      expect(JSON.parse(doc).items[0]._tidings.related[0].title).toBe(CLEAN);
      expect(doc).not.toMatch(/\\u(000[0-8bc]|001f|fffe|ffff|d800|dc00)/i);
    } else {
      const parsed = await parser.parseString(doc);
      const links = parsed.items[0]?.atomLinks ?? parsed.items[0]?.links ?? [];
      expect(links.map((l) => l.$.title)).toContain(CLEAN);
    }
  });

  it('renders the same bytes for the same inputs, whatever the clock says', () => {
    const first = render(fixtureSpec(), fixtureItems);
    vi.useFakeTimers({ now: new Date('2031-01-01T00:00:00Z') });
    const second = render(structuredClone(fixtureSpec()), structuredClone(fixtureItems));
    expect(second).toBe(first);
    expect(second).not.toContain('2031');
  });

  it('keeps the order the items arrive in', async () => {
    const feed = await read(format, render(fixtureSpec(), [plainItem, seedItem]));
    expect(feed.items.map((i) => i.id)).toEqual([plainItem.article.guid, seedItem.article.guid]);
  });

  it('fails loudly on an unparseable date instead of writing "Invalid Date"', () => {
    const item = { ...plainItem, article: { ...plainItem.article, publishedAt: 'yesterday' } };
    expect(() => render(fixtureSpec(), [item])).toThrow(/publishedAt of art_\w+ is not a valid date: "yesterday"/);
  });
});
