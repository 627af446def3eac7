import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningTidings, startTidings } from './support/start-tidings.ts';

/** Issue 10, item 14: a link shared before a slug edit still reaches the article. */
describe('old article URLs after a slug or category edit', () => {
  let tidings: RunningTidings;
  let id: string;

  beforeAll(async () => {
    tidings = await startTidings();
    const response = await tidings.admin('POST', '/api/articles', {
      title: 'Harbour reopens',
      slug: 'harbour-reopens',
      bodyHtml: '<p>Boats are back.</p>',
      category: 'World',
      author: { name: 'Ada Quill' },
      status: 'published',
      publishedAt: '2026-11-20T08:00:00Z',
    });
    id = ((await response.json()) as { id: string }).id;
  });
  afterAll(() => tidings.stop());

  it('answers 301 from every earlier URL to the current one', async () => {
    expect((await tidings.request('/world/harbour-reopens')).status).toBe(200);
    await tidings.admin('PATCH', `/api/articles/${id}`, { slug: 'harbour-reopens-after-storm' });
    await tidings.admin('PATCH', `/api/articles/${id}`, { category: 'Local News' });
    for (const old of ['/world/harbour-reopens', '/world/harbour-reopens-after-storm']) {
      const response = await tidings.request(old, { redirect: 'manual' });
      expect(response.status).toBe(301);
      expect(response.headers.get('location')).toBe(`${tidings.baseUrl}/local-news/harbour-reopens-after-storm`);
    }
    expect((await tidings.request('/local-news/harbour-reopens-after-storm')).status).toBe(200);
    expect((await tidings.request('/world/never-was', { redirect: 'manual' })).status).toBe(404);
  });

  it('does not redirect to an article that is no longer published', async () => {
    await tidings.admin('PATCH', `/api/articles/${id}`, { status: 'draft' });
    expect((await tidings.request('/world/harbour-reopens', { redirect: 'manual' })).status).toBe(404);
  });
});
