import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningTidings, startTidings } from './support/start-tidings.ts';

/** A request whose body is not decoded (fetch un-gzips on its own): the bytes and headers as sent. */
function raw(url: string, method: string, headers: Record<string, string | string[]> = {}) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = httpRequest(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** What browsers, caches and HEAD-polling readers see of /feeds and /media (issue 10, items 13, 15, 16). */
describe('feed and media serving headers', () => {
  let tidings: RunningTidings;
  let archivePath: string;
  const ids: string[] = [];

  beforeAll(async () => {
    tidings = await startTidings({ FEED_ITEMS: '2' });
    for (let i = 1; i <= 5; i++) {
      const response = await tidings.admin('POST', '/api/articles', {
        title: `Story ${i}`,
        bodyHtml: `<p>Story ${i}.</p>`,
        category: 'World',
        author: { name: 'Ada Quill' },
        status: 'published',
        publishedAt: `2026-11-20T0${i}:00:00Z`,
      });
      ids.push(((await response.json()) as { id: string }).id);
    }
    await tidings.publish();
    const first = (await (await tidings.request('/feeds/world.json')).json()) as { next_url: string };
    archivePath = new URL(first.next_url).pathname + new URL(first.next_url).search;
  });
  afterAll(() => tidings.stop());

  it('answers a CORS preflight on a feed with 204 and the headers a conditional poll sends', async () => {
    const response = await tidings.request('/feeds/world.rss', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://reader.example',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'if-none-match',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, HEAD');
    expect(response.headers.get('access-control-allow-headers')).toBe('If-None-Match, If-Modified-Since');
    expect((await tidings.request('/feeds/Not-A-Feed', { method: 'OPTIONS' })).status).toBe(404);
  });

  it('exposes ETag and Last-Modified to scripts on 200, 304 and archive pages', async () => {
    const ok = await tidings.request('/feeds/world.rss');
    expect(ok.headers.get('access-control-expose-headers')).toBe('ETag, Last-Modified');
    const etag = ok.headers.get('etag') ?? '';
    const notModified = await tidings.request('/feeds/world.rss', { headers: { 'if-none-match': etag } });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('access-control-expose-headers')).toBe('ETag, Last-Modified');
    const archive = await tidings.request(archivePath);
    expect(archive.headers.get('access-control-expose-headers')).toBe('ETag, Last-Modified');
  });

  it('states Content-Length on HEAD, for the identity and the gzip body alike', async () => {
    const url = `${tidings.baseUrl}/feeds/world.atom`;
    for (const encoding of ['identity', 'gzip']) {
      const get = await raw(url, 'GET', { 'accept-encoding': encoding });
      const head = await raw(url, 'HEAD', { 'accept-encoding': encoding });
      expect(head.status).toBe(200);
      expect(head.headers['content-length']).toBe(String(get.body.byteLength));
      expect(head.headers.etag).toBe(get.headers.etag);
    }
  });

  it('answers a poll from memory exactly as its route does: 200s, 304s, repeated fields', async () => {
    // A query string sends the same poll through the Hono route; without one it is answered from memory.
    const url = `${tidings.baseUrl}/feeds/world.rss`;
    const { etag, 'last-modified': lastModified } = (await raw(url, 'GET')).headers;
    const polls: Record<string, string | string[]>[] = [
      { 'accept-encoding': 'identity' },
      { 'accept-encoding': 'gzip' },
      { 'accept-encoding': 'GZIP;q=0.5, br' },
      { 'accept-encoding': 'gzip;q=0' },
      { 'if-none-match': etag ?? '' },
      { 'If-None-Match': `W/${etag}` },
      { 'if-none-match': ['"someone-else"', etag ?? ''] }, // two field lines: one list (RFC 9110 §5.3)
      { 'if-none-match': '"someone-else"' },
      { 'if-modified-since': lastModified ?? '' },
      { 'accept-encoding': ['br', 'gzip'], 'if-none-match': `${etag?.slice(0, -1)}-gzip"` },
    ];
    const seen = (response: Awaited<ReturnType<typeof raw>>) => {
      const { date: _date, connection: _connection, 'keep-alive': _keepAlive, ...headers } = response.headers;
      return { status: response.status, headers, bytes: response.body.byteLength };
    };
    await raw(url, 'GET', { 'accept-encoding': 'gzip' }); // the gzip body is compressed once, then at hand
    for (const headers of polls) {
      const fromMemory = seen(await raw(url, 'GET', headers));
      expect(fromMemory).toEqual(seen(await raw(`${url}?via=route`, 'GET', headers)));
    }
    expect(seen(await raw(url, 'GET', polls[6] ?? {})).status).toBe(304);
    expect(seen(await raw(url, 'GET', polls[9] ?? {})).status).toBe(304);
    expect(seen(await raw(url, 'GET', polls[7] ?? {})).status).toBe(200);
  });

  it('serves a request target with dot segments, escapes or in absolute form as its resolved path', async () => {
    // http.request would resolve "../" itself: the target goes on the request line as written.
    const { port } = new URL(tidings.baseUrl);
    const sent = (path: string) =>
      new Promise<{ status: number; type: string | undefined }>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, path }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'] }));
        });
        req.on('error', reject);
        req.end();
      });
    const feed = await sent('/feeds/world.rss');
    expect(feed).toEqual({ status: 200, type: 'application/rss+xml; charset=utf-8' });
    expect(await sent('/media/../feeds/world.rss')).toEqual(feed); // outside /feeds/ as sent, inside once resolved
    expect(await sent('/feeds/./world.rss')).toEqual(feed);
    expect(await sent(`${tidings.baseUrl}/feeds/world.rss`)).toEqual(feed); // the absolute form (RFC 9112 §3.2.2)
    const api = await sent('/feeds/../api/openapi.json'); // inside as sent, outside once resolved
    expect(api).toMatchObject({ status: 200, type: expect.stringContaining('application/json') });
    expect((await sent('/feeds/%2e%2e/api/openapi.json')).type).toBe(api.type);
  });

  it('serves archive pages gzipped, with Vary, and renders a page again only when its articles change', async () => {
    const gzip = { 'accept-encoding': 'gzip' };
    const url = `${tidings.baseUrl}${archivePath}`;
    const first = await raw(url, 'GET', gzip);
    expect(first.headers['content-encoding']).toBe('gzip');
    expect(first.headers.vary).toBe('Accept-Encoding');
    const body = gunzipSync(first.body).toString('utf8');
    expect(JSON.parse(body).items.map((i: { title: string }) => i.title)).toEqual(['Story 3', 'Story 2']);
    const etag = first.headers.etag ?? '';
    const again = await tidings.request(archivePath, { headers: { ...gzip, 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('vary')).toBe('Accept-Encoding');

    // An edit to an article on the page is a new version of the page, without any publish run
    // (seen once the page's version is checked again, at most a second later).
    expect((await tidings.admin('PATCH', `/api/articles/${ids[2]}`, { title: 'Story 3, edited' })).status).toBe(200);
    tidings.setNow('2026-11-25T12:00:02.000Z');
    const edited = await tidings.request(archivePath, { headers: { ...gzip, 'if-none-match': etag } });
    expect(edited.status).toBe(200);
    expect(edited.headers.get('etag')).not.toBe(etag);
    expect(await edited.text()).toContain('Story 3, edited');
  });

  it('serves /media with ETag, Last-Modified and Cache-Control, and 304 to a conditional GET', async () => {
    const path = '/media/assassins-of-the-mind-ukrainian-culture.jpg';
    const ok = await tidings.request(path);
    expect(ok.status).toBe(200);
    const bytes = (await ok.arrayBuffer()).byteLength;
    const etag = ok.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(ok.headers.get('cache-control')).toBe('public, max-age=86400');
    const lastModified = ok.headers.get('last-modified') ?? '';
    expect(Number.isNaN(Date.parse(lastModified))).toBe(false);
    expect((await tidings.request(path, { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await tidings.request(path, { headers: { 'if-modified-since': lastModified } })).status).toBe(304);
    const head = await tidings.request(path, { method: 'HEAD' });
    expect(head.headers.get('content-length')).toBe(String(bytes));
  });
});
