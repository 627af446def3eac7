import { describe, expect, it } from 'vitest';
import { fetchSource } from './fetch-source.ts';

/** fetchSource with a fetch of the WHATWG shape (as on Workers); wired HTTP faults are in tests/ingest-faults. */
const options = (fetchImpl: typeof fetch, resolveHost = async () => ['93.184.216.34']) => ({
  fetch: fetchImpl,
  ssrf: { resolveHost },
  userAgent: 'Tidings/0.1 (+https://tidings.example)',
  maxBytes: 1000,
  timeoutMs: 300,
  idleTimeoutMs: 200,
  now: () => Date.parse('2026-03-01T12:00:00Z'),
});

describe('fetchSource', () => {
  it('reports freshness headers, validators and a permanent move', async () => {
    const seen: string[] = [];
    const fake: typeof fetch = async (input) => {
      seen.push(String(input));
      if (String(input).endsWith('/old')) return new Response(null, { status: 308, headers: { location: '/new' } });
      return new Response('<rss/>', {
        headers: {
          'content-type': 'application/rss+xml',
          etag: '"e"',
          'cache-control': 'public, max-age=600',
          expires: 'Sun, 01 Mar 2026 13:00:00 GMT',
        },
      });
    };
    const result = await fetchSource({ url: 'https://feeds.example/old' }, options(fake));
    expect(seen).toEqual(['https://feeds.example/old', 'https://feeds.example/new']);
    expect(result).toMatchObject({
      isModified: true,
      status: 200,
      finalUrl: 'https://feeds.example/new',
      permanentUrl: 'https://feeds.example/new',
      etag: '"e"',
      maxAgeSeconds: 600,
      expiresAt: '2026-03-01T13:00:00.000Z',
    });
    expect(new TextDecoder().decode(result.body)).toBe('<rss/>');
  });

  it('reads Retry-After as an HTTP date too', async () => {
    const fake: typeof fetch = async () =>
      new Response('busy', { status: 503, headers: { 'retry-after': 'Sun, 01 Mar 2026 12:10:00 GMT' } });
    await expect(fetchSource({ url: 'https://feeds.example/' }, options(fake))).rejects.toMatchObject({
      status: 503,
      retryAfterSeconds: 600,
      message: 'https://feeds.example/ answered 503, retry after 600 s',
    });
  });

  it('refuses a declared length over the cap before reading the body', async () => {
    const fake: typeof fetch = async () => new Response('x'.repeat(10), { headers: { 'content-length': '5000' } });
    await expect(fetchSource({ url: 'https://feeds.example/' }, options(fake))).rejects.toThrow(
      'response declares 5000 bytes, over the 1000-byte limit',
    );
  });

  it('counts a resolver that never answers against the timeout', async () => {
    const never = () => new Promise<string[]>(() => {});
    const unused: typeof fetch = async () => new Response('');
    await expect(fetchSource({ url: 'https://slow-dns.example/' }, options(unused, never))).rejects.toThrow(
      /no data for 200 ms/,
    );
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const pending = fetchSource({ url: 'https://feeds.example/' }, { ...options(hanging), signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toThrow('ingest was stopped');
  });
});
