import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/http/create-app.ts';
import { PAGE_POLICY } from '../src/http/page-policy.ts';
import { sql } from '../src/store/sql-database.ts';
import { type RunningTidings, startTidings } from './support/start-tidings.ts';

const BROWSER = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

/** The HTML error page as a browser gets it: the status in words, the page policy, no JSON. */
async function expectErrorPage(response: Response, status: number, says: RegExp) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain('text/html');
  expect(response.headers.get('content-security-policy')).toBe(PAGE_POLICY);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  const page = await response.text();
  expect(page).toMatch(/^<!doctype html>/i);
  expect(page).toContain(`<p class="status">${status}</p>`);
  expect(page).toMatch(says);
  return page;
}

async function expectJsonError(response: Response, status: number, says: RegExp) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/json');
  const body = (await response.json()) as { error: string };
  expect(body.error).toMatch(says);
  return body;
}

/** Issue 10 item 22: browsers get an HTML error page, API clients JSON, whatever failed. */
describe('error answers for browsers and API clients', () => {
  let tidings: RunningTidings;

  beforeAll(async () => {
    tidings = await startTidings({ SEED_SAMPLE_CONTENT: 'false' });
    const created = await tidings.admin('POST', '/api/articles', {
      title: 'Harbour reopens',
      bodyHtml: '<p>Boats are back.</p>',
      category: 'World',
      tags: ['harbour'],
      author: { name: 'Ada Quill' },
      status: 'published',
      publishedAt: '2026-11-20T08:00:00Z',
    });
    expect(created.status).toBe(201);
  });
  afterAll(() => tidings.stop());

  it('answers a browser with the HTML error page for a missing feed, a bad page cursor and a missing token', async () => {
    await expectErrorPage(await tidings.request('/feeds/nothing-here.rss', { headers: BROWSER }), 404, /no feed named/);
    await expectErrorPage(
      await tidings.request('/tag/harbour?before=garbage', { headers: BROWSER }),
      400,
      /is not a page cursor/,
    );
    const unauthorized = await tidings.request('/metrics', { headers: BROWSER });
    await expectErrorPage(unauthorized, 401, /Authorization: Bearer/);
    expect(unauthorized.headers.get('www-authenticate')).toBe('Bearer realm="tidings"');
  });

  it('answers API clients and scripts with JSON for the same errors', async () => {
    await expectJsonError(await tidings.request('/feeds/nothing-here.rss'), 404, /no feed named/);
    await expectJsonError(await tidings.request('/tag/harbour?before=garbage'), 400, /is not a page cursor/);
    await expectJsonError(await tidings.request('/metrics'), 401, /Authorization: Bearer/);
  });

  it('answers JSON under /api even to a browser: the admin API documents JSON errors only', async () => {
    await expectJsonError(await tidings.request('/api/articles', { headers: BROWSER }), 401, /Bearer/);
    await expectJsonError(
      await tidings.request('/api/articles/art_nope', { admin: true, headers: BROWSER }),
      404,
      /no article/,
    );
  });

  it('answers 503 with the page when a capability is switched off', async () => {
    // A throwaway app over the same store, configured without any token (startTidings always sets one).
    const { adminToken: _, ...config } = tidings.ctx.config;
    const app = createApp({ ...tidings.ctx, config });
    await expectErrorPage(await app.request('/metrics', { headers: BROWSER }), 503, /set ADMIN_TOKEN/);
    await expectJsonError(await app.request('/metrics'), 503, /set ADMIN_TOKEN/);
  });

  it('never shows a stack or an internal message in a 500, as a page or as JSON', async () => {
    const broken = await startTidings({ SEED_SAMPLE_CONTENT: 'false' });
    try {
      // The query behind /tags now fails with SQLite's own error: a bug as far as HTTP knows.
      await broken.ctx.db.batch([sql('DROP TABLE article_tags')]);
      const page = await expectErrorPage(await broken.request('/tags', { headers: BROWSER }), 500, /on our side/);
      expect(page).not.toMatch(/article_tags|no such table|SqliteError|at .*\.ts:\d+/i);
      const body = await expectJsonError(await broken.request('/tags'), 500, /^internal error$/);
      expect(Object.keys(body)).toEqual(['error']);
    } finally {
      await broken.stop();
    }
  });
});
