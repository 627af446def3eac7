import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningTidings, startTidings } from './support/start-tidings.ts';

/** Issue 10 item 6: a category, tag or author whose slug is one of our routes is refused with the reason. */
describe('reserved slugs', () => {
  let tidings: RunningTidings;
  const article = (overrides: Record<string, unknown>) => ({
    title: 'Reserved words',
    bodyHtml: '<p>Body.</p>',
    category: 'World',
    author: { name: 'Ada Quill' },
    ...overrides,
  });

  beforeAll(async () => {
    tidings = await startTidings({ SEED_SAMPLE_CONTENT: 'false' });
  });
  afterAll(() => tidings.stop());

  it.each([
    [{ category: 'Feeds' }, 'feeds'],
    [{ category: 'API' }, 'api'],
    [{ category: 'Media' }, 'media'],
    [{ tags: ['ok', 'Admin'] }, 'admin'],
    [{ author: { name: 'Tag' } }, 'tag'],
    [{ category: 'Sitemap.xml' }, 'sitemap-xml'],
  ])('refuses %j with 400 naming the reserved slug', async (overrides, slug) => {
    const response = await tidings.admin('POST', '/api/articles', article(overrides));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toContain(`its slug "${slug}" is reserved`);
  });

  it('refuses the same on an edit, and accepts ordinary names', async () => {
    const created = await tidings.admin('POST', '/api/articles', article({ category: 'Feedback', tags: ['Apiary'] }));
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const edited = await tidings.admin('PATCH', `/api/articles/${id}`, { category: 'feeds' });
    expect(edited.status).toBe(400);
    expect(((await edited.json()) as { error: string }).error).toContain('reserved for the route /feeds');
  });
});
