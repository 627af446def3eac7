import type { FeedItem } from '../domain/article.ts';

export type FeedFormat = 'rss' | 'atom' | 'json';

export const FEED_FORMATS: readonly FeedFormat[] = ['rss', 'atom', 'json'];

export const CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

/** Everything a renderer needs about one feed besides its items. */
export interface FeedSpec {
  /** "all" or a category slug; also the document's file name without extension. */
  key: string;
  title: string;
  description: string;
  language: string;
  /** The HTML page this feed is about (alternate link). */
  homeUrl: string;
  /** The absolute URL of this feed in each format (rel=self and alternates). */
  feedUrls: Record<FeedFormat, string>;
  /**
   * Paging (RFC 5005 §3): the next, older page when there is one, and on an
   * archive page the first page, in each format.
   */
  nextPageUrls?: Record<FeedFormat, string>;
  firstPageUrls?: Record<FeedFormat, string>;
  /** WebSub hub, announced as rel=hub. */
  hubUrl?: string;
  /** RSS <ttl>: minutes a reader may cache the feed. */
  ttlMinutes: number;
  /** The newest item's updatedAt; renderers never read the clock. */
  updated: string;
  iconUrl?: string;
  copyright: string;
  generator: string;
}

export type FeedRenderer = (spec: FeedSpec, items: FeedItem[]) => string;
