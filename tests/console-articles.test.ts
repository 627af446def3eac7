import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningTidings, startTidings, TEST_TOKEN } from './support/start-tidings.ts';

const SAMPLE_TEXT = readFileSync(new URL('./fixtures/seed-article.txt', import.meta.url), 'utf8');

/** Console article forms over plain HTTP: what the browser tests do not reach (scheduling, upload, delete). */
describe('console articles', () => {
  let tidings: RunningTidings;
  let cookie = '';
  let csrf = '';
  beforeAll(async () => {
    tidings = await startTidings({ SEED_SAMPLE_CONTENT: 'false' });
    const signIn = await tidings.request('/admin/sign-in', {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: tidings.baseUrl },
      body: new URLSearchParams({ token: TEST_TOKEN }).toString(),
    });
    cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const page = await (await tidings.request('/admin', { headers: { cookie } })).text();
    csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
  });
  afterAll(() => tidings.stop());

  const get = (path: string) => tidings.request(path, { headers: { cookie } });
  const post = (path: string, body: URLSearchParams | FormData) => {
    body.set('_csrf', csrf);
    return tidings.request(path, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, origin: tidings.baseUrl },
      body,
    });
  };
  const articleForm = (fields: Record<string, string>) =>
    new URLSearchParams({
      title: 'T',
      category: 'Local',
      bodyHtml: '<p>Body.</p>',
      authorName: 'Sam',
      status: 'draft',
      ...fields,
    });
  const createdId = (response: Response) =>
    /\/admin\/articles\/(art_[\w]+)/.exec(response.headers.get('location') ?? '')?.[1] ?? '';

  it('schedules an article: published with a later time shows as scheduled and stays out of the feed until then', async () => {
    const response = await post(
      '/admin/articles',
      articleForm({ title: 'Tide tables for December', status: 'published', publishedAt: '2026-11-26T06:00' }),
    );
    expect(response.status).toBe(303);
    const article = await tidings.ctx.store.getArticle(createdId(response));
    expect(article).toMatchObject({ status: 'published', publishedAt: '2026-11-26T06:00:00.000Z' });
    const list = await (await get('/admin/articles?status=published')).text();
    expect(list).toMatch(
      /Tide tables for December<\/a><\/td><td data-label="Category">Local<\/td><td data-label="Status"><span class="badge scheduled">/,
    );
    await tidings.publish();
    expect(await (await tidings.request('/feeds/all.rss')).text()).not.toContain('Tide tables');
    tidings.setNow('2026-11-26T06:00:00.000Z');
    await tidings.publish();
    expect(await (await tidings.request('/feeds/all.rss')).text()).toContain('Tide tables for December');
    tidings.setNow('2026-11-25T12:00:00.000Z');
  });

  it('keeps what was typed and names the problem when a save is refused', async () => {
    const response = await post('/admin/articles', articleForm({ title: '', summary: 'Kept summary' }));
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain('Kept summary');
    expect(page).toMatch(/<a href="#f-title">title<\/a>/);
    expect(page).toMatch(/id="f-title" name="title" aria-describedby="e-title" aria-invalid="true"/);
  });

  it('imports an uploaded text file (multipart), with the status chosen', async () => {
    const form = new FormData();
    form.set('text', '');
    form.set('status', 'published');
    form.set('file', new Blob([SAMPLE_TEXT], { type: 'text/plain' }), 'story.txt');
    const response = await post('/admin/articles/import', form);
    expect(response.status).toBe(303);
    const article = await tidings.ctx.store.getArticle(createdId(response));
    expect(article?.title).toMatch(/^Video Shows Russian Draftees/);
    expect(article?.status).toBe('published');
  });

  it('refuses text that is not an article with 422 and the reason, keeping the text', async () => {
    const response = await post('/admin/articles/import', new URLSearchParams({ text: 'Just one line' }));
    expect(response.status).toBe(422);
    const page = await response.text();
    expect(page).toContain('The text could not be imported');
    expect(page).toContain('Just one line');
  });

  it('deletes only after the confirm page, and then the article is gone', async () => {
    const id = createdId(await post('/admin/articles', articleForm({ title: 'Doomed story' })));
    const confirm = await (await get(`/admin/articles/${id}/delete`)).text();
    expect(confirm).toContain('Delete “Doomed story”?');
    expect(await tidings.ctx.store.getArticle(id)).toBeDefined();
    const deleted = await post(`/admin/articles/${id}/delete`, new URLSearchParams());
    expect(deleted.headers.get('location')).toBe('/admin/articles?done=deleted');
    expect(await tidings.ctx.store.getArticle(id)).toBeUndefined();
    expect((await get(`/admin/articles/${id}`)).status).toBe(404);
  });

  it('sends a strict Content-Security-Policy and no inline script or style on its pages', async () => {
    const response = await get('/admin/articles/new');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const page = await response.text();
    expect(page).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>|<style|\sstyle=|\son\w+=/);
  });

  it('searches the archive through the admin API too: GET /api/articles?q=', async () => {
    const response = await tidings.admin('GET', '/api/articles?q=tide%20decem');
    const { items } = (await response.json()) as { items: { title: string }[] };
    expect(items.map((a) => a.title)).toEqual(['Tide tables for December']);
  });
});
