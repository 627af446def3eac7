import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSampleContent } from '../src/seed/load-sample-content.ts';
import { type RunningTidings, startTidings } from './support/start-tidings.ts';

/**
 * A second, independent reader (feedsmith, on fast-xml-parser) reads what
 * rss-parser reads elsewhere in the suite: the namespaced parts of our feeds
 * (media:, dc:, content:, atom:link) must survive any careful parser.
 */
const SEED_HEADLINE =
  "Video Shows Russian Draftees' Tearful Goodbyes To Their Families As They Join Putin’s War On Ukraine";
const RELATED_HEADLINES = [
  'I Fled Ukraine To Save My 3-Year-Old Daughter. We Want To Go Home.',
  '‘Assassins Of The Mind’: How Russia Is Trying To Destroy Ukrainian Culture',
  'Russia’s Attack On Ukraine Turned Me Into A Wartime Volunteer Overnight',
];

describe('our feeds as feedsmith reads them', () => {
  let tidings: RunningTidings;
  const text = async (path: string) => (await tidings.request(path)).text();

  beforeAll(async () => {
    tidings = await startTidings();
    const { ctx } = tidings;
    await loadSampleContent({ ...ctx, seedDir: ctx.config.seedDir, siteUrl: ctx.config.siteUrl });
    await ctx.publisher.publish('test');
  });
  afterAll(() => tidings.stop());

  it('RSS: guid, creator, categories, enclosure, media credit and caption, related links', async () => {
    const feed = parseRssFeed(await text('/feeds/entertainment-and-news.rss'));
    expect(feed.atom?.links?.[0]).toMatchObject({
      rel: 'self',
      href: `${tidings.baseUrl}/feeds/entertainment-and-news.rss`,
    });
    const item = feed.items?.find((i) => i.title === SEED_HEADLINE);
    expect(item?.guid).toMatchObject({ isPermaLink: false, value: expect.stringMatching(/^tag:/) });
    expect(item?.dc?.creators).toEqual(['Isaac Serna-Diez']);
    expect(item?.categories?.[0]?.name).toBe('Entertainment And News');
    expect(item?.enclosures?.[0]).toMatchObject({
      type: 'image/jpeg',
      url: `${tidings.baseUrl}/media/russian-draftees-goodbyes.jpg`,
    });
    const media = item?.media?.contents?.[0];
    expect(media?.credits?.[0]?.value).toBe('Twitter');
    expect(media?.description?.value).toBe('Russian draftees leaving families');
    expect(item?.atom?.links?.filter((l) => l.rel === 'related').map((l) => l.title)).toEqual(RELATED_HEADLINES);
    expect(item?.content?.encoded).toContain('<h2>Related</h2>');
  });

  it('every format: the lead image with caption and credit on top of the content, the byline and bio at its end', async () => {
    const rss = parseRssFeed(await text('/feeds/entertainment-and-news.rss')).items?.find(
      (i) => i.title === SEED_HEADLINE,
    );
    const atom = parseAtomFeed(await text('/feeds/entertainment-and-news.atom')).entries?.find(
      (e) => e.title?.value === SEED_HEADLINE,
    );
    const json = parseJsonFeed(await text('/feeds/entertainment-and-news.json')).items?.find(
      (i) => i.title === SEED_HEADLINE,
    );
    for (const content of [rss?.content?.encoded, atom?.content?.value, json?.content_html]) {
      expect(content).toMatch(
        new RegExp(`^<figure><img src="${tidings.baseUrl}/media/russian-draftees-goodbyes.jpg"[^>]*><figcaption>`),
      );
      expect(content).toContain('Russian draftees leaving families <small>Photo: Twitter</small>');
      expect(content).toMatch(
        /<hr>\n<p><strong>(?:<a [^>]+>)?Isaac Serna-Diez(?:<\/a>)?<\/strong>, [^<]+<\/p>\n<p>Isaac Serna-Diez is [^<]+<\/p>/,
      );
    }
  });

  it('Atom: id, published, author, alternate, enclosure and related links', async () => {
    const feed = parseAtomFeed(await text('/feeds/entertainment-and-news.atom'));
    const entry = feed.entries?.find((e) => e.title?.value === SEED_HEADLINE);
    expect(entry?.id).toMatch(/^tag:/);
    expect(entry?.authors?.[0]?.name).toBe('Isaac Serna-Diez');
    const rels = entry?.links?.map((l) => l.rel);
    expect(rels).toEqual(['alternate', 'enclosure', 'related', 'related', 'related']);
    expect(entry?.links?.filter((l) => l.rel === 'related').map((l) => l.title)).toEqual(RELATED_HEADLINES);
  });

  it('JSON Feed: id, authors, tags, image, summary and content', async () => {
    const feed = parseJsonFeed(await text('/feeds/entertainment-and-news.json'));
    expect(feed.language).toBe('en');
    const item = feed.items?.find((i) => i.title === SEED_HEADLINE);
    expect(item?.authors?.[0]?.name).toBe('Isaac Serna-Diez');
    expect(item?.tags?.[0]).toBe('Entertainment And News');
    expect(item?.image).toBe(`${tidings.baseUrl}/media/russian-draftees-goodbyes.jpg`);
    expect(item?.summary).toMatch(/^As Vladimir Putin’s Russia/);
    expect(item?.content_html).not.toContain('RELATED:');
  });
});
