import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_POLICY } from '../src/http/page-policy.ts';
import { type RunningTidings, startTidings } from './support/start-tidings.ts';

const HTML = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

/** The headers every browser-facing response must carry (issue 10 item 3). */
function expectSecurityHeaders(response: Response) {
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
}

/** A page's policy: scripts from this origin only, never inline. */
function expectPagePolicy(response: Response) {
  expectSecurityHeaders(response);
  const policy = response.headers.get('content-security-policy') ?? '';
  expect(policy).toContain("script-src 'self'");
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).not.toContain('unsafe-eval');
}

describe('security headers (issue 10 item 3)', () => {
  let tidings: RunningTidings;
  let articlePath: string;

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
    const article = (await created.json()) as { slug: string; categorySlug: string };
    articlePath = `/${article.categorySlug}/${article.slug}`;
    expect((await tidings.publish()).status).toBe(200);
  });
  afterAll(() => tidings.stop());

  it('sends the page policy with every reader page, console page, API reference and HTML error', async () => {
    const paths = ['/', '/world', articlePath, '/tag/harbour', '/author/ada-quill', '/tags', '/admin/sign-in'];
    for (const path of [...paths, '/api/docs', '/no/such/page']) {
      const response = await tidings.request(path, { headers: HTML });
      expect(response.headers.get('content-type'), path).toContain('text/html');
      expectPagePolicy(response);
      expect(response.headers.get('content-security-policy'), path).toBe(PAGE_POLICY);
    }
  });

  it('sends nosniff, no framing and a policy that loads nothing with JSON API answers, errors included', async () => {
    const responses = [
      await tidings.request('/api/articles', { admin: true }),
      await tidings.request('/api/articles'), // 401
      await tidings.request('/api/openapi.json'),
      await tidings.request('/healthz'),
      await tidings.admin('POST', '/api/articles', { title: '' }), // 400
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 401, 200, 200, 400]);
    for (const response of responses) {
      expect(response.headers.get('content-type')).toContain('application/json');
      expectSecurityHeaders(response);
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    }
  });

  it('sends them with every feed document, gzipped or not, and with a feed that does not exist', async () => {
    for (const name of ['all.rss', 'world.atom', 'tag/harbour.json']) {
      expectSecurityHeaders(await tidings.request(`/feeds/${name}`));
      expectSecurityHeaders(await tidings.request(`/feeds/${name}`, { headers: { 'accept-encoding': 'gzip' } }));
    }
    const missing = await tidings.request('/feeds/nothing-here.rss');
    expect(missing.status).toBe(404);
    expectSecurityHeaders(missing);
  });

  it('lets other sites show our images and the feeds channel image, and nothing else of ours', async () => {
    expect((await tidings.request('/favicon.png')).headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect((await tidings.request('/healthz')).headers.get('cross-origin-resource-policy')).toBe('same-origin');
  });

  it('never asks for HTTPS from here: that belongs to whoever terminates TLS', async () => {
    expect((await tidings.request('/')).headers.get('strict-transport-security')).toBeNull();
  });
});
