import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSampleContent } from '../src/seed/load-sample-content.ts';
import { type RunningTidings, startTidings } from './support/start-tidings.ts';
import { validateXml } from './xml-checks.ts';

type MediaItem = {
  enclosure?: { url: string; length?: string; type?: string };
  mediaContent?: unknown;
  'content:encoded'?: string;
  id?: string;
  author?: string;
};
const parser = new Parser<Record<string, never>, MediaItem>({
  customFields: { item: [['media:content', 'mediaContent']] },
});

describe('what `npm start` serves: the sample content, published', () => {
  let tidings: RunningTidings;
  let created: number;

  beforeAll(async () => {
    tidings = await startTidings();
    const { ctx } = tidings;
    created = await loadSampleContent({ ...ctx, seedDir: ctx.config.seedDir, siteUrl: ctx.config.siteUrl });
    await ctx.publisher.publish('test');
  });
  afterAll(() => tidings.stop());

  it('loads every sample article once; loading again creates nothing', async () => {
    expect(created).toBeGreaterThanOrEqual(13);
    const { ctx } = tidings;
    expect(await loadSampleContent({ ...ctx, seedDir: ctx.config.seedDir, siteUrl: ctx.config.siteUrl })).toBe(0);
  });

  it('publishes a feed per category in every format, and leaves the draft out', async () => {
    const categories = await tidings.ctx.store.listCategories(tidings.ctx.now().toISOString());
    expect(categories.length).toBeGreaterThanOrEqual(3);
    const all = await parser.parseString(await (await tidings.request('/feeds/all.rss')).text());
    const visible = categories.reduce((sum, c) => sum + c.published, 0);
    expect(all.items).toHaveLength(visible);
    expect(visible).toBe(created - 1);
    for (const category of categories) {
      for (const format of ['rss', 'atom', 'json']) {
        expect((await tidings.request(`/feeds/${category.slug}.${format}`)).status).toBe(200);
      }
    }
  });

  it('carries the seed article, every part of it, into all three formats', async () => {
    const headline =
      "Video Shows Russian Draftees' Tearful Goodbyes To Their Families As They Join Putin’s War On Ukraine";
    const rssText = await (await tidings.request('/feeds/entertainment-and-news.rss')).text();
    expect(validateXml(rssText)).toBe(true);
    const rss = (await parser.parseString(rssText)).items.find((item) => item.title === headline);
    expect(rss?.creator).toBe('Isaac Serna-Diez');
    expect(rss?.categories).toContain('Entertainment And News');
    expect(rss?.guid).toMatch(/^tag:127\.0\.0\.1,2026-11-\d\d:article\/art_/);
    expect(rss?.['content:encoded']).toContain('In the small town of Yakutsk');
    expect(rss?.['content:encoded']).not.toContain('RELATED:');
    expect(JSON.stringify(rss?.mediaContent)).toContain('Russian draftees leaving families');
    expect(JSON.stringify(rss?.mediaContent)).toContain('Twitter');

    const atomText = await (await tidings.request('/feeds/entertainment-and-news.atom')).text();
    expect(validateXml(atomText)).toBe(true);
    const atom = (await parser.parseString(atomText)).items.find((item) => item.title === headline);
    expect(atom?.author).toBe('Isaac Serna-Diez');
    expect(atom?.id).toBe(rss?.guid);

    const json = (await (await tidings.request('/feeds/entertainment-and-news.json')).json()) as {
      items: {
        title: string;
        id: string;
        authors: { name: string }[];
        tags: string[];
        image: string;
        _tidings: Record<string, Record<string, string>>;
      }[];
    };
    const item = json.items.find((i) => i.title === headline);
    expect(item?.id).toBe(rss?.guid);
    expect(item?.authors[0]?.name).toBe('Isaac Serna-Diez');
    expect(item?.tags[0]).toBe('Entertainment And News');
    expect(item?.image).toBe(`${tidings.baseUrl}/media/russian-draftees-goodbyes.jpg`);
    expect(item?._tidings.image).toMatchObject({ credit: 'Twitter', caption: 'Russian draftees leaving families' });
    expect(item?._tidings.author?.role).toBe('Assistant Editor');
    expect(item?._tidings.author?.bio).toMatch(/^Isaac Serna-Diez is an Assistant Editor who focuses/);
  });

  it('gives every enclosure a real URL whose bytes match the declared type and length', async () => {
    const feed = await parser.parseString(await (await tidings.request('/feeds/all.rss')).text());
    const withImages = feed.items.filter((item) => item.enclosure);
    expect(withImages.length).toBe(feed.items.length);
    for (const { enclosure } of withImages) {
      const response = await fetch(enclosure?.url ?? '');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(enclosure?.type);
      expect((await response.arrayBuffer()).byteLength).toBe(Number(enclosure?.length));
    }
  });
});
