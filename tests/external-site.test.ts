import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningTidings, startTidings } from './support/start-tidings.ts';

describe('when SITE_URL is the publisher’s own site', () => {
  let tidings: RunningTidings;

  beforeAll(async () => {
    tidings = await startTidings({ SITE_URL: 'https://www.publisher.example' });
    await tidings.admin('POST', '/api/articles', {
      title: 'Harbour Reopens',
      bodyHtml: '<p>Boats are back.</p>',
      category: 'World',
      author: { name: 'Ada Quill' },
      status: 'published',
      publishedAt: '2026-11-25T10:00:00Z',
    });
    await tidings.publish();
  });
  afterAll(() => tidings.stop());

  it('links items to that site and serves no article pages of its own', async () => {
    const feed = (await (await tidings.request('/feeds/world.json')).json()) as {
      items: { url: string; id: string }[];
    };
    expect(feed.items[0]?.url).toBe('https://www.publisher.example/world/harbour-reopens');
    expect(feed.items[0]?.id).toMatch(/^tag:www\.publisher\.example,2026-11-25:article\//);
    expect((await tidings.request('/world/harbour-reopens')).status).toBe(404);
    expect((await tidings.request('/feeds/world.rss')).status).toBe(200);
  });
});
