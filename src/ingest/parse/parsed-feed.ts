/** What every format's parser hands to normalize(): raw strings, nothing trusted, nothing resolved yet. */
export interface ParsedItem {
  guid?: string;
  link?: string;
  title?: string;
  /** Full content as HTML (content:encoded, Atom content, JSON content_html). */
  contentHtml?: string;
  /** Description or summary as HTML. */
  summaryHtml?: string;
  /** JSON Feed's content_text. */
  contentText?: string;
  published?: string;
  updated?: string;
  author?: string;
  imageUrl?: string;
  categories: string[];
  /** xml:base in force for this item, when the feed declared one. */
  base?: string;
}

export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'json';

export interface ParsedFeed {
  format: FeedFormat;
  title?: string;
  /** The site the feed is about. */
  link?: string;
  /** xml:base declared on the root element. */
  base?: string;
  /** RSS <ttl>, minutes a reader should cache the feed. */
  ttlMinutes?: number;
  items: ParsedItem[];
}

/** A document that is not a feed we can read, with the reason in words. */
export class FeedParseError extends Error {
  override name = 'FeedParseError';
}
