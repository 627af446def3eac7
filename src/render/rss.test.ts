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
import { renderRss } from './rss.ts';

type MediaContent = { $: Record<string, string>; 'media:credit': string[]; 'media:description': { _: string }[] };
type AtomLink = { $: Record<string, string> };
type Extra = { media?: MediaContent; atomLinks?: AtomLink[]; 'content:encoded'?: string };

const parser = new Parser<Record<string, unknown>, Extra>({
  customFields: {
    item: [
      ['media:content', 'media'],
      ['atom:link', 'atomLinks', { keepArray: true }],
    ],
  },
});

describe('renderRss', () => {
  const xml = renderRss(fixtureSpec(PUBLISHED_SPEC), fixtureItems);

  it('matches the pinned document', async () => {
    await expect(xml).toMatchFileSnapshot('./__snapshots__/all.rss');
  });

  it('is well-formed XML with every namespace prefix declared on <rss>', () => {
    expect(validateXml(xml)).toBe(true);
    expect(undeclaredPrefixes(xml)).toEqual([]);
    expect(xml).toContain('xmlns:media="http://search.yahoo.com/mrss/"');
    expect(xml).toContain('xmlns:dc="http://purl.org/dc/elements/1.1/"');
  });

  it('gives rss-parser the channel: self link, dates from spec.updated, ttl', async () => {
    const feed = await parser.parseString(xml);
    expect(feed.title).toBe('Tidings');
    expect(feed.link).toBe('https://tidings.example/');
    expect(feed.feedUrl).toBe('https://tidings.example/feeds/all.rss');
    expect(feed.lastBuildDate).toBe('Thu, 22 Sep 2022 15:30:00 GMT');
    expect(feed.ttl).toBe('15');
    expect(feed.language).toBe('en');
    expect(feed.paginationLinks).toEqual({ self: 'https://tidings.example/feeds/all.rss' });
    expect(xml).toContain('<atom:link href="https://hub.example.com/" rel="hub"/>');
  });

  it('carries every part of the seed article to rss-parser', async () => {
    const [item] = (await parser.parseString(xml)).items;
    const article = seedItem.article;
    expect(item?.title).toBe(SEED_TITLE);
    expect(item?.link).toBe(seedItem.url);
    expect(item?.guid).toBe(article.guid);
    expect(item?.isoDate).toBe(article.publishedAt);
    expect(item?.creator).toBe('Isaac Serna-Diez');
    expect(item?.categories).toEqual(['Entertainment And News', 'Russia', 'Ukraine', 'Vladimir Putin']);
    expect(item?.content).toBe(article.summary);
    expect(item?.['content:encoded']).toContain(article.bodyHtml);
    expect(item?.enclosure).toEqual({ url: article.image?.url, length: '48213', type: 'image/jpeg' });
    expect(item?.media?.$).toMatchObject({ url: article.image?.url, medium: 'image', type: 'image/jpeg' });
    expect(item?.media?.['media:credit']).toEqual(['Twitter']);
    expect(item?.media?.['media:description']?.[0]?._).toBe('Russian draftees leaving families');
  });

  it('lists related stories as atom:link rel=related and at the end of content:encoded', async () => {
    const [item] = (await parser.parseString(xml)).items;
    expect(item?.atomLinks?.map((link) => link.$)).toEqual(
      seedItem.related.map((story) => ({ rel: 'related', href: story.url, title: story.title })),
    );
    const content = item?.['content:encoded'] ?? '';
    expect(content.endsWith('</ul>')).toBe(true);
    for (const story of seedItem.related) expect(content).toContain(story.title);
    expect(content).toContain(
      'href="https://news.example.org/world/assassins-of-the-mind?utm_source=feed&amp;ref=tidings"',
    );
  });

  it('omits enclosure and media for an article without an image, and related links when there are none', async () => {
    const [item] = (await parser.parseString(renderRss(fixtureSpec(), [plainItem]))).items;
    expect(item?.enclosure).toBeUndefined();
    expect(item?.media).toBeUndefined();
    expect(item?.atomLinks).toBeUndefined();
    expect(item?.['content:encoded']).toBe(plainItem.article.bodyHtml);
  });

  it('keeps media:content but drops the enclosure when the image has no known type or length', () => {
    const image = { url: 'https://tidings.example/media/x.jpg', credit: 'AP' };
    const doc = renderRss(fixtureSpec(), [{ ...seedItem, article: { ...seedItem.article, image } }]);
    expect(doc).not.toContain('<enclosure');
    expect(doc).toContain('<media:content url="https://tidings.example/media/x.jpg" medium="image">');
  });
});
