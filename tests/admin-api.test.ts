import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningTidings, startTidings, TEST_TOKEN } from './support/start-tidings.ts';

const validArticle = {
  title: 'Storm Closes Northern Ports',
  bodyHtml: '<p>Ferries stayed in harbour on Tuesday as a storm swept the coast.</p>',
  category: 'World',
  tags: ['weather', 'shipping'],
  author: { name: 'Ada Quill', role: 'Reporter' },
  status: 'published',
  publishedAt: '2026-11-24T09:00:00Z',
  image: { url: '/media/storm.jpg', credit: 'AP', caption: 'Waves at the pier', type: 'image/jpeg', length: 1234 },
};

describe('the admin API', () => {
  let tidings: RunningTidings;
  const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    tidings.request(path, {
      method,
      admin: true,
      headers: { 'content-type': 'application/json', ...headers },
      ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
  const articleCount = async () =>
    ((await (await send('GET', '/api/articles?limit=200')).json()) as { items: unknown[] }).items.length;

  beforeAll(async () => {
    tidings = await startTidings();
  });
  afterAll(() => tidings.stop());

  it('refuses requests without a token or with a wrong one (401, JSON body)', async () => {
    const missing = await tidings.request('/api/articles');
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toContain('Bearer');
    expect(await missing.json()).toEqual({ error: 'an Authorization: Bearer <token> header is required' });
    const wrong = await tidings.request('/api/articles', { headers: { authorization: `Bearer ${TEST_TOKEN}x` } });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ error: 'the bearer token is not valid' });
  });

  it('creates, reads, updates and deletes an article', async () => {
    const created = await send('POST', '/api/articles', validArticle);
    expect(created.status).toBe(201);
    const article = (await created.json()) as {
      id: string;
      guid: string;
      slug: string;
      summary: string;
      revision: number;
    };
    expect(created.headers.get('location')).toBe(`/api/articles/${article.id}`);
    expect(article.slug).toBe('storm-closes-northern-ports');
    expect(article.summary).toBe('Ferries stayed in harbour on Tuesday as a storm swept the coast.');

    const read = (await (await send('GET', `/api/articles/${article.id}`)).json()) as typeof article;
    expect(read).toEqual(article);

    const patched = (await (
      await send('PATCH', `/api/articles/${article.id}`, { slug: 'storm-ports' })
    ).json()) as typeof article;
    expect(patched.slug).toBe('storm-ports');
    expect(patched.guid).toBe(article.guid);
    expect(patched.revision).toBe(article.revision + 1);

    expect((await send('DELETE', `/api/articles/${article.id}`)).status).toBe(204);
    expect((await send('GET', `/api/articles/${article.id}`)).status).toBe(404);
  });

  it('answers 400 naming every failing field, and writes nothing', async () => {
    const before = await articleCount();
    const response = await send('POST', '/api/articles', { ...validArticle, title: '', author: {}, status: 'live' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; details: { field: string }[] };
    expect(body.details.map((d) => d.field).sort()).toEqual(['author.name', 'status', 'title']);
    expect(body.error).toMatch(/^invalid article: /);
    expect(await articleCount()).toBe(before);
  });

  it('answers 400 for JSON that does not parse and 415 for another content type', async () => {
    const broken = await send('POST', '/api/articles', '{"title": ');
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: string }).error).toBe('the body is not valid JSON');
    const form = await send('POST', '/api/articles', 'title=x', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
    expect(await form.json()).toEqual({
      error: 'expected Content-Type: application/json, got application/x-www-form-urlencoded',
    });
  });

  it('answers 404 for an unknown id', async () => {
    const response = await send('PATCH', '/api/articles/art_nope', { title: 'x' });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'no article with id "art_nope"' });
  });

  it('answers 409 for a duplicate slug and keeps the first article intact', async () => {
    const first = (await (await send('POST', '/api/articles', { ...validArticle, slug: 'taken' })).json()) as {
      id: string;
    };
    const before = await articleCount();
    const second = await send('POST', '/api/articles', { ...validArticle, title: 'Another', slug: 'taken' });
    expect(second.status).toBe(409);
    expect(((await second.json()) as { error: string }).error).toBe('slug "taken" is already used by another article');
    expect(await articleCount()).toBe(before);
    const other = (await (await send('POST', '/api/articles', { ...validArticle, title: 'Other story' })).json()) as {
      id: string;
    };
    const clash = await send('PATCH', `/api/articles/${other.id}`, { slug: 'taken' });
    expect(clash.status).toBe(409);
    expect(((await (await send('GET', `/api/articles/${other.id}`)).json()) as { slug: string }).slug).toBe(
      'other-story',
    );
    expect(((await (await send('GET', `/api/articles/${first.id}`)).json()) as { slug: string }).slug).toBe('taken');
  });

  it('answers 413 for a body over the limit', async () => {
    const huge = JSON.stringify({ ...validArticle, bodyHtml: 'x'.repeat(1_100_000) });
    const response = await send('POST', '/api/articles', huge);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: string }).error).toMatch(/larger than 1048576 bytes/);
  });

  it('lists with category and status filters and cursor pagination', async () => {
    for (let i = 0; i < 5; i++) {
      await send('POST', '/api/articles', {
        ...validArticle,
        title: `Paged ${i}`,
        category: 'Paging',
        status: i % 2 ? 'draft' : 'published',
      });
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const query = new URLSearchParams({ category: 'paging', limit: '2', ...(cursor && { cursor }) });
      const page = (await (await send('GET', `/api/articles?${query}`)).json()) as {
        items: { title: string }[];
        nextCursor?: string;
      };
      seen.push(...page.items.map((a) => a.title));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Paged 4', 'Paged 3', 'Paged 2', 'Paged 1', 'Paged 0']);
    const drafts = (await (await send('GET', '/api/articles?category=paging&status=draft')).json()) as {
      items: { title: string }[];
    };
    expect(drafts.items.map((a) => a.title)).toEqual(['Paged 3', 'Paged 1']);
    const bad = await send('GET', '/api/articles?limit=0');
    expect(bad.status).toBe(400);
  });

  it('lists categories with counts', async () => {
    const { items } = (await (await send('GET', '/api/categories')).json()) as {
      items: { slug: string; total: number; published: number }[];
    };
    expect(items.find((c) => c.slug === 'paging')).toEqual({ name: 'Paging', slug: 'paging', total: 5, published: 3 });
  });

  it('imports the publisher text format and rejects text that is not an article (422)', async () => {
    const bad = await tidings.request('/api/articles/import', {
      method: 'POST',
      admin: true,
      headers: { 'content-type': 'text/plain' },
      body: 'Only a category line',
    });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: string }).error.length).toBeGreaterThan(10);
  });

  it('publishes on demand and records each run', async () => {
    const run = (await (await send('POST', '/api/publish')).json()) as { trigger: string; feedsWritten: string[] };
    expect(run.trigger).toBe('api');
    expect(run.feedsWritten).toContain('paging.rss');
    const { items } = (await (await send('GET', '/api/publish/runs?limit=1')).json()) as {
      items: { trigger: string }[];
    };
    expect(items[0]?.trigger).toBe('api');
  });
});
