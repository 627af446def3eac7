import type { FeedItem } from '../domain/article.ts';

export type FeedFormat = 'rss' | 'atom' | 'json';

export const FEED_FORMATS: readonly FeedFormat[] = ['rss', 'atom', 'json'];

export const CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

/** What item content shows besides the body and related stories (see content-html.ts). */
export interface ContentBlocks {
  /** The lead image, caption and credit at the top. */
  leadImage: boolean;
  /** The author's name, role and bio at the end. */
  byline: boolean;
}

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
  /** A GIF, JPEG or PNG (RSS 2.0 allows no other image format for the channel). */
  iconUrl?: string;
  /** The icon's width and height in pixels (square); RSS readers assume 88×31 without them. */
  iconSize?: number;
  /**
   * Entries withdrawn lately (deleted or unpublished): Atom carries RFC 6721
   * tombstones, JSON Feed lists them in `_tidings`, RSS has no way to say it.
   */
  retracted?: { guid: string; retractedAt: string }[];
  copyright: string;
  generator: string;
  /** Blocks added to every item's content; none when absent. */
  contentBlocks?: ContentBlocks;
}

export type FeedRenderer = (spec: FeedSpec, items: FeedItem[]) => string;

/** A renderer for the publish job: the document whole, or in chunks that join to it (XmlWriter.toChunks). */
export type FeedDocumentRenderer = (spec: FeedSpec, items: FeedItem[]) => string | readonly string[];
