import { Hono } from 'hono';
import { strongEtag } from '../publish/digest.ts';
import { type FeedDefinition, feedHomeUrl, feedUrl, listFeedGroups } from '../publish/feed-catalog.ts';
import { type OpmlGroup, renderOpml } from '../render/opml.ts';
import type { AppDeps } from './app-deps.ts';
import { isNotModified } from './conditional-get.ts';

/** OPML 2.0 has no registered media type; text/x-opml is what readers send and expect. */
export const OPML_TYPE = 'text/x-opml; charset=utf-8';

/**
 * GET /feeds.opml: every feed Tidings publishes as one OPML 2.0 subscription
 * list (everything, categories, tags, authors), so a reader can subscribe to
 * all of it, or pick, in one import. Rendered per request from the catalog
 * (a few indexed queries) with a strong ETag of the bytes: an unchanged list
 * answers If-None-Match with 304.
 */
export function createOpmlRoutes(deps: Pick<AppDeps, 'store' | 'config' | 'now'>): Hono {
  const { config } = deps;
  const outline = (feed: FeedDefinition) => ({
    title: feed.title,
    xmlUrl: feedUrl(config.publicUrl, feed.key, 'rss'),
    htmlUrl: feedHomeUrl(feed, config.publicUrl),
  });
  return new Hono().get('/feeds.opml', async (c) => {
    const groups = await listFeedGroups(deps.store, deps.now().toISOString());
    const list: OpmlGroup[] = [
      { title: 'Everything', feeds: [outline(groups.all)] },
      { title: 'Categories', feeds: groups.categories.map(outline) },
      { title: 'Tags', feeds: groups.tags.map(outline) },
      { title: 'Authors', feeds: groups.authors.map(outline) },
    ];
    const body = new TextEncoder().encode(renderOpml(`${config.siteTitle}: every feed`, list));
    const etag = await strongEtag(body);
    const headers = {
      ETag: etag,
      'Cache-Control': `public, max-age=${config.feedMaxAge}`,
      'Access-Control-Allow-Origin': '*',
    };
    // No Last-Modified: the list has no date of its own, so If-Modified-Since cannot match.
    if (isNotModified(c.req.header('if-none-match'), undefined, [etag], new Date(0).toISOString())) {
      return new Response(null, { status: 304, headers });
    }
    return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': OPML_TYPE } });
  });
}
