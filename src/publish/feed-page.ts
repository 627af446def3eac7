import type { Article, FeedItem } from '../domain/article.ts';
import { articleUrlFor } from '../domain/article-url.ts';
import { FEED_FORMATS, type FeedFormat, type FeedSpec } from '../render/feed-spec.ts';
import type { FeedPosition, Store } from '../store/store.ts';
import { type FeedDefinition, type FeedSettings, feedPageSize, feedScope, feedSpecFor } from './feed-catalog.ts';
import type { Tombstone } from './feed-retractions.ts';

/** An empty feed has no newest item to date it by; a fixed instant keeps its bytes stable. */
const EMPTY_FEED_UPDATED = '1970-01-01T00:00:00.000Z';

export interface FeedPageDeps {
  store: Store;
  settings: FeedSettings;
}

export interface FeedPage {
  spec: FeedSpec;
  items: FeedItem[];
}

/**
 * One page of a feed, ready to render: the newest FEED_ITEMS visible articles
 * (or those older than `before`, for an archive page) with their related
 * stories, and a spec whose paging links point at the pages around it.
 */
export async function loadFeedPage(
  deps: FeedPageDeps,
  feed: FeedDefinition,
  now: string,
  before?: FeedPosition,
  tombstones: Tombstone[] = [],
): Promise<FeedPage> {
  const limit = feedPageSize(feed, deps.settings);
  const query = { ...feedScope(feed), now, limit: limit + 1, ...(before && { before }) };
  const found = await deps.store.listFeedArticles(query);
  const articles = found.slice(0, limit);
  const base = feedSpecFor(feed, deps.settings);
  // A tombstone is a change to the feed too (RFC 4287 §4.2.15: updated is the last significant change).
  const updated = [...articles.map((a) => a.updatedAt), ...tombstones.map((t) => t.retractedAt)].reduce(
    (newest, at) => (at > newest ? at : newest),
    EMPTY_FEED_UPDATED,
  );
  const spec: FeedSpec = { ...base, updated };
  if (tombstones.length > 0) spec.retracted = tombstones;
  if (before) {
    spec.firstPageUrls = base.feedUrls;
    spec.feedUrls = pageUrls(base.feedUrls, before);
  }
  const last = articles.at(-1);
  if (found.length > limit && last?.publishedAt) {
    spec.nextPageUrls = pageUrls(base.feedUrls, { publishedAt: last.publishedAt, id: last.id });
  }
  return { spec, items: await toFeedItems(deps, articles) };
}

/** The page cursor in URLs: opaque to clients, stable while the articles before it stand. */
export function encodePageCursor(position: FeedPosition): string {
  return btoa(`${position.publishedAt} ${position.id}`).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodePageCursor(cursor: string): FeedPosition | undefined {
  try {
    const [publishedAt, id, ...rest] = atob(cursor.replace(/-/g, '+').replace(/_/g, '/')).split(' ');
    if (!publishedAt || !id || rest.length || Number.isNaN(Date.parse(publishedAt))) return undefined;
    return { publishedAt, id };
  } catch {
    return undefined; // not base64
  }
}

function pageUrls(firstPage: Record<FeedFormat, string>, before: FeedPosition): Record<FeedFormat, string> {
  const cursor = encodePageCursor(before);
  return Object.fromEntries(FEED_FORMATS.map((f) => [f, `${firstPage[f]}?before=${cursor}`])) as Record<
    FeedFormat,
    string
  >;
}

async function toFeedItems(deps: FeedPageDeps, articles: Article[]): Promise<FeedItem[]> {
  const { publicUrl } = deps.settings;
  const articleUrl = articleUrlFor(deps.settings.siteUrl);
  const related = await deps.store.listRelatedStories(articles, articleUrl, deps.settings.relatedLinks);
  return articles.map((article) => ({
    article: article.image
      ? { ...article, image: { ...article.image, url: new URL(article.image.url, `${publicUrl}/`).href } }
      : article,
    url: articleUrl(article.categorySlug, article.slug),
    related: related.get(article.id) ?? [],
  }));
}
