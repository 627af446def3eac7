import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSampleContent } from '../src/seed/load-sample-content.ts';
import { type RunningTidings, startTidings } from './support/start-tidings.ts';

type MediaItem = { enclosure?: { url: string; length?: string; type?: string }; mediaContent?: unknown };
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
