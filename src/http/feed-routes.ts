import { Hono } from 'hono';
import { NotFoundError } from '../domain/errors.ts';
import type { FeedSink } from '../publish/feed-sink.ts';
import { acceptsGzip, isNotModified } from './conditional-get.ts';
import { createGzipCache } from './gzip-cache.ts';

const FEED_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*\.(?:rss|atom|json)$/;

/**
 * Serves published feed documents exactly as the publish job stored them.
 * Hono answers HEAD through this GET route and drops the body.
 */
export function createFeedRoutes(sink: FeedSink, maxAgeSeconds: number): Hono {
  const cacheControl = `public, max-age=${maxAgeSeconds}`;
  const gzipped = createGzipCache();
  return new Hono().get('/:name', async (c) => {
    const name = c.req.param('name');
    const document = FEED_NAME.test(name) ? await sink.get(name) : undefined;
    if (!document) throw new NotFoundError(`no feed named "${name}"; the list of feeds is at /`);

    const gzipEtag = `${document.etag.slice(0, -1)}-gzip"`; // each encoding is its own representation
    const useGzip = acceptsGzip(c.req.header('accept-encoding') ?? null);
    const headers = new Headers({
      'Cache-Control': cacheControl,
      ETag: useGzip ? gzipEtag : document.etag,
      'Last-Modified': new Date(document.lastModified).toUTCString(),
      Vary: 'Accept-Encoding',
      'Access-Control-Allow-Origin': '*',
    });
    if (isNotModified(c.req.raw.headers, [document.etag, gzipEtag], document.lastModified)) {
      return new Response(null, { status: 304, headers });
    }
    headers.set('Content-Type', document.contentType);
    headers.set('X-Content-Type-Options', 'nosniff');
    if (useGzip) headers.set('Content-Encoding', 'gzip');
    const body = useGzip ? await gzipped(document.etag, document.body) : document.body;
    headers.set('Content-Length', String(body.byteLength));
    return new Response(body, { status: 200, headers });
  });
}
