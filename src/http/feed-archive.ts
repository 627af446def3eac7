import type { Context } from 'hono';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import { strongEtag } from '../publish/digest.ts';
import {
  ALL_FEED,
  ALL_FEED_KEY,
  categoryFeed,
  type FeedDefinition,
  type FeedSettings,
  parseFeedDocumentName,
} from '../publish/feed-catalog.ts';
import { decodePageCursor, loadFeedPage } from '../publish/feed-page.ts';
import { CONTENT_TYPES, type FeedFormat, type FeedRenderer } from '../render/feed-spec.ts';
import type { Store } from '../store/store.ts';
import { isNotModified } from './conditional-get.ts';

export interface FeedArchiveDeps {
  store: Store;
  settings: FeedSettings & { feedItems: number };
  now: () => Date;
  /** One renderer per format, chosen by the assembly (app/create-services.ts). */
  renderers: Record<FeedFormat, FeedRenderer>;
}

/**
 * Older pages of a feed (RFC 5005 §3 paged feeds: the published document
 * links its `next` page). Only readers walking back into the archive ask for
 * these, so they are rendered on request, with the same validators as
 * published documents: an ETag of the bytes and the newest item's date.
 */
export async function serveFeedArchivePage(c: Context, deps: FeedArchiveDeps, name: string, cursor: string) {
  const position = decodePageCursor(cursor);
  if (!position) throw new ValidationError(`"${cursor}" is not a page cursor; follow the feed's rel="next" link`);
  const parsed = parseFeedDocumentName(name);
  const feed = parsed ? await findFeed(deps.store, parsed.key) : undefined;
  if (!parsed || !feed) throw new NotFoundError(`no feed named "${name}"; the list of feeds is at /`);

  const { format } = parsed;
  const { spec, items } = await loadFeedPage(deps, feed, deps.now().toISOString(), position);
  const body = new TextEncoder().encode(deps.renderers[format](spec, items));
  const headers = {
    'Cache-Control': `public, max-age=${deps.settings.feedMaxAge}`,
    ETag: await strongEtag(body),
    'Last-Modified': new Date(spec.updated).toUTCString(),
    'Access-Control-Allow-Origin': '*',
  };
  if (isNotModified(c.req.header('if-none-match'), c.req.header('if-modified-since'), [headers.ETag], spec.updated)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': CONTENT_TYPES[format] } });
}

async function findFeed(store: Store, key: string): Promise<FeedDefinition | undefined> {
  if (key === ALL_FEED_KEY) return ALL_FEED;
  const category = (await store.listFeedCategories()).find((c) => c.slug === key);
  return category && categoryFeed(category);
}
