import { Hono } from 'hono';
import { NotFoundError } from '../domain/errors.ts';
import { strongEtag } from '../publish/digest.ts';
import type { MediaFile } from './app-deps.ts';
import { isNotModified } from './conditional-get.ts';

const MEDIA_NAME = /^[a-z0-9][a-z0-9._-]*\.(?:jpe?g|png|gif|webp|svg)$/i;
/** Images under /media change name when they change, so a day of caching is safe. */
const CACHE_CONTROL = 'public, max-age=86400';

/**
 * /media/<name>: images served with the validators a feed reader or browser
 * revalidates with (RFC 9110 §8.8, §13): a strong ETag of the bytes, the file's
 * Last-Modified, and 304 to a matching conditional GET. HEAD (answered through
 * GET by Hono) keeps Content-Length.
 */
export function createMediaRoutes(readMedia: ((name: string) => Promise<MediaFile | undefined>) | undefined): Hono {
  return new Hono().get('/:name', async (c) => {
    const name = c.req.param('name');
    const media = MEDIA_NAME.test(name) ? await readMedia?.(name) : undefined;
    if (!media) throw new NotFoundError(`no media named "${name}"`);
    const etag = media.etag ?? (await strongEtag(media.body));
    const lastModified = media.lastModified ?? new Date(0).toISOString();
    const validators: Record<string, string> = { ETag: etag, 'Cache-Control': CACHE_CONTROL };
    if (media.lastModified) validators['Last-Modified'] = new Date(lastModified).toUTCString();
    if (isNotModified(c.req.header('if-none-match'), c.req.header('if-modified-since'), [etag], lastModified)) {
      return new Response(null, { status: 304, headers: validators });
    }
    return new Response(media.body, {
      status: 200,
      headers: {
        ...validators,
        'Content-Type': media.contentType,
        'Content-Length': String(media.body.byteLength),
        'X-Content-Type-Options': 'nosniff',
        // Feed readers on other sites show our images: without this, the site-wide
        // Cross-Origin-Resource-Policy (same-origin) would keep them out of every <img> but ours.
        'Cross-Origin-Resource-Policy': 'cross-origin',
      },
    });
  });
}
