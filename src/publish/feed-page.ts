import type { Article, FeedItem } from '../domain/article.ts';
import { articleUrlFor } from '../domain/article-url.ts';
import { FEED_FORMATS, type FeedFormat, type FeedSpec } from '../render/feed-spec.ts';
import type { FeedPosition, Store } from '../store/store.ts';
import { type FeedDefinition, type FeedSettings, feedSpecFor } from './feed-catalog.ts';

/** An empty feed has no newest item to date it by; a fixed instant keeps its bytes stable. */
const EMPTY_FEED_UPDATED = '1970-01-01T00:00:00.000Z';

export interface FeedPageDeps {
  store: Store;
  settings: FeedSettings & { feedItems: number };
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
): Promise<FeedPage> {
  const limit = deps.settings.feedItems;
  const query = { categorySlug: feed.categorySlug, now, limit: limit + 1, ...(before && { before }) };
  const found = await deps.store.listFeedArticles(query);
  const articles = found.slice(0, limit);
  const base = feedSpecFor(feed, deps.settings);
  const spec: FeedSpec = { ...base, updated: newestUpdate(articles) };
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

function newestUpdate(articles: Article[]): string {
  return articles.reduce((newest, a) => (a.updatedAt > newest ? a.updatedAt : newest), EMPTY_FEED_UPDATED);
}
