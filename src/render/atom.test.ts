import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import {
  fixtureItems,
  fixtureSpec,
  PUBLISHED_SPEC,
  plainItem,
  SEED_TITLE,
  seedItem,
} from '../../tests/render-fixtures.ts';
import { undeclaredPrefixes, validateXml } from '../../tests/xml-checks.ts';
import { renderAtom } from './atom.ts';

type Attrs = { $: Record<string, string> };
type MediaContent = Attrs & { 'media:credit': string[]; 'media:description': { _: string }[] };
type Extra = {
  id?: string;
  author?: string;
  links: Attrs[];
  categories?: Attrs[];
  media?: MediaContent;
  authors: { uri?: string[] }[];
};

const parser = new Parser<Record<string, unknown>, Extra>({
  customFields: {
    item: [
      ['link', 'links', { keepArray: true }],
      ['category', 'categories', { keepArray: true }],
      ['author', 'authors', { keepArray: true }],
      ['media:content', 'media'],
    ],
  },
});

const linksWithRel = (links: Attrs[] | undefined, rel: string) =>
  (links ?? []).filter((l) => l.$.rel === rel).map((l) => l.$);

describe('renderAtom', () => {
  const xml = renderAtom(fixtureSpec(PUBLISHED_SPEC), fixtureItems);

  it('matches the pinned document', async () => {
    await expect(xml).toMatchFileSnapshot('./__snapshots__/all.atom');
  });

  it('is well-formed XML in the Atom namespace with media: declared', () => {
    expect(validateXml(xml)).toBe(true);
    expect(undeclaredPrefixes(xml)).toEqual([]);
    expect(xml).toContain(
      '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" xml:lang="en">',
    );
  });

  it('gives rss-parser the feed head: id, title, updated, self and alternate links', async () => {
    const feed = await parser.parseString(xml);
    expect(feed.title).toBe('Tidings');
    expect(feed.link).toBe('https://tidings.example/');
    expect(feed.feedUrl).toBe('https://tidings.example/feeds/all.atom');
    expect(feed.lastBuildDate).toBe('2022-09-22T15:30:00.000Z');
    expect(xml).toContain('<id>https://tidings.example/feeds/all.atom</id>');
    expect(xml).toContain('<link rel="hub" href="https://hub.example.com/"/>');
  });

  it('carries every part of the seed article to rss-parser', async () => {
    const [entry] = (await parser.parseString(xml)).items;
    const article = seedItem.article;
    expect(entry?.id).toBe(article.guid);
    expect(entry?.title).toBe(SEED_TITLE);
    expect(entry?.link).toBe(seedItem.url);
    expect(entry?.isoDate).toBe(article.publishedAt);
    expect(entry?.author).toBe('Isaac Serna-Diez');
    expect(entry?.authors[0]?.uri).toEqual([article.author.url]);
    expect(entry?.summary).toBe(article.summary);
    expect(entry?.content).toContain(article.bodyHtml);
    expect(entry?.categories?.map((c) => c.$)).toEqual([
      { term: 'entertainment-and-news', label: 'Entertainment And News' },
      { term: 'Russia' },
      { term: 'Ukraine' },
      { term: 'Vladimir Putin' },
    ]);
    expect(linksWithRel(entry?.links, 'enclosure')).toEqual([
      {
        rel: 'enclosure',
        type: 'image/jpeg',
        length: '48213',
        href: article.image?.url,
        title: 'Russian draftees leaving families',
      },
    ]);
    expect(entry?.media?.['media:credit']).toEqual(['Twitter']);
    expect(entry?.media?.['media:description']?.[0]?._).toBe('Russian draftees leaving families');
  });

  it('has one link rel=related with href and title per related story', async () => {
    const [entry] = (await parser.parseString(xml)).items;
    expect(linksWithRel(entry?.links, 'related')).toEqual(
      seedItem.related.map((story) => ({ rel: 'related', href: story.url, title: story.title })),
    );
    expect(xml).toContain(
      '<updated>2022-09-22T15:30:00.000Z</updated>\n    <published>2022-09-22T14:00:00.000Z</published>',
    );
  });

  it('omits enclosure, media and related links when the article has none', async () => {
    const [entry] = (await parser.parseString(renderAtom(fixtureSpec(), [plainItem]))).items;
    expect(entry?.links.map((l) => l.$.rel)).toEqual(['alternate']);
    expect(entry?.media).toBeUndefined();
    expect(entry?.authors[0]?.uri).toBeUndefined();
  });
});
