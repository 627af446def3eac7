import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createGzipCache } from './gzip-cache.ts';

describe('createGzipCache', () => {
  const body = new TextEncoder().encode('<rss>'.repeat(1000));

  it('compresses once per ETag and then answers without waiting', async () => {
    const cache = createGzipCache();
    expect(cache.peek('"a"')).toBeUndefined();
    const [first, second] = await Promise.all([cache.get('"a"', body), cache.get('"a"', body)]);
    expect(second).toBe(first); // one compression shared by concurrent requests
    expect(cache.peek('"a"')).toBe(first);
    expect(gunzipSync(first).toString()).toBe('<rss>'.repeat(1000));
    expect(first.byteLength).toBeLessThan(body.byteLength / 10);
  });

  it('forgets the oldest versions beyond its bound', async () => {
    const cache = createGzipCache(2);
    for (const etag of ['"1"', '"2"', '"3"']) await cache.get(etag, body);
    expect(cache.peek('"1"')).toBeUndefined();
    expect(cache.peek('"3"')).toBeDefined();
  });
});
