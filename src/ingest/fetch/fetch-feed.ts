import type { Source } from '../../domain/source.ts';
import { decodeCharset } from './decode-charset.ts';
import { discoverFeed, looksLikeHtml } from './discover-feed.ts';
import { FetchError } from './fetch-error.ts';
import { type FetchResult, type FetchSourceOptions, fetchSource } from './fetch-source.ts';

export interface FetchedFeed {
  fetched: FetchResult;
  /** Where the source should live from now on: a permanent redirect's target, or the discovered feed. */
  movedTo?: string | undefined;
}

/** Fetches the source; when the URL is an HTML page, follows its feed autodiscovery link once. */
export async function fetchFeed(
  source: Pick<Source, 'url' | 'health'>,
  options: FetchSourceOptions,
): Promise<FetchedFeed> {
  const { etag, lastModified } = source.health;
  const first = await fetchSource(
    { url: source.url, ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) },
    options,
  );
  // The body decides, not Content-Type: many servers send RSS as text/html, and pages as text/xml.
  const head = first.isModified ? decodeCharset(first.body.subarray(0, 2048), first.contentType).text : '';
  if (!looksLikeHtml(head)) return { fetched: first, movedTo: first.permanentUrl };
  const page = decodeCharset(first.body, first.contentType).text;
  const feedUrl = discoverFeed(page, first.finalUrl);
  if (!feedUrl)
    throw new FetchError(
      `${first.finalUrl} is an HTML page that links no feed (no <link rel="alternate">)`,
      first.status,
    );
  if (feedUrl === first.finalUrl)
    throw new FetchError(`${feedUrl} is an HTML page that names itself as its feed`, first.status);
  const fetched = await fetchSource({ url: feedUrl }, options);
  return { fetched, movedTo: fetched.permanentUrl ?? feedUrl };
}
