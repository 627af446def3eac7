import {
  CONTENT_TYPES,
  type ContentBlocks,
  FEED_FORMATS,
  type FeedFormat,
  type FeedSpec,
} from '../render/feed-spec.ts';

/** The feed of everything; categories use their slug as key. */
export const ALL_FEED_KEY = 'all';

export interface FeedDefinition {
  key: string;
  /** Undefined for the feed of everything. */
  categorySlug?: string;
  title: string;
}

/** What a feed's metadata is built from; config.ts fills it from the environment. */
export interface FeedSettings {
  /** Where this service is reached: feed self links, media. */
  publicUrl: string;
  /** Where article links point. */
  siteUrl: string;
  siteTitle: string;
  siteDescription: string;
  language: string;
  websubHub?: string;
  /** Cache-Control max-age of feed responses, in seconds (also the RSS ttl). */
  feedMaxAge: number;
  /** Blocks added to every item's content; none when absent. */
  feedContentBlocks?: ContentBlocks;
  /** Related links per item (RELATED_LINKS). */
  relatedLinks: number;
}

/** Pixels a side of the feed icon, the PNG served at /favicon.png (http/page-layout.ts). */
const FEED_ICON_SIZE = 64;

export function feedDocumentName(key: string, format: FeedFormat): string {
  return `${key}.${format}`;
}

/** The feed and format a document name stands for ("world.rss"), or undefined for any other file name. */
export function parseFeedDocumentName(name: string): { key: string; format: FeedFormat } | undefined {
  const dot = name.lastIndexOf('.');
  const format = name.slice(dot + 1);
  return dot > 0 && format in CONTENT_TYPES ? { key: name.slice(0, dot), format: format as FeedFormat } : undefined;
}

export function feedUrl(publicUrl: string, key: string, format: FeedFormat): string {
  return documentUrl(publicUrl, feedDocumentName(key, format));
}

/** Where a published document is read: its URL, the WebSub topic and rel="self" of that document. */
export function documentUrl(publicUrl: string, name: string): string {
  return `${publicUrl}/feeds/${name}`;
}

/** The document name a URL of ours stands for (the inverse of documentUrl), or undefined for any other URL. */
export function documentNameOfUrl(publicUrl: string, url: string): string | undefined {
  const prefix = `${publicUrl}/feeds/`;
  if (!url.startsWith(prefix)) return undefined;
  const name = url.slice(prefix.length);
  return name && !/[?#]/.test(name) ? name : undefined;
}

/** The hub every feed advertises (rel="hub"): an external one when WEBSUB_HUB names it, else our own. */
export function advertisedHubUrl(settings: Pick<FeedSettings, 'publicUrl' | 'websubHub'>): string {
  return settings.websubHub ?? `${settings.publicUrl}/websub`;
}

export const ALL_FEED: FeedDefinition = { key: ALL_FEED_KEY, title: 'All stories' };

export function categoryFeed(category: { slug: string; name: string }): FeedDefinition {
  return { key: category.slug, categorySlug: category.slug, title: category.name };
}

export function defineFeeds(categories: { slug: string; name: string }[]): FeedDefinition[] {
  // A category slugged "all" would shadow the main feed.
  return [ALL_FEED, ...categories.filter((c) => c.slug !== ALL_FEED_KEY).map(categoryFeed)];
}

/** The spec a renderer needs, minus `updated`, which comes from the items. */
export function feedSpecFor(feed: FeedDefinition, settings: FeedSettings): Omit<FeedSpec, 'updated'> {
  const feedUrls = Object.fromEntries(
    FEED_FORMATS.map((format) => [format, feedUrl(settings.publicUrl, feed.key, format)]),
  ) as Record<FeedFormat, string>;
  const spec: Omit<FeedSpec, 'updated'> = {
    key: feed.key,
    title: `${settings.siteTitle}: ${feed.title}`,
    description: feed.categorySlug ? `${feed.title} from ${settings.siteTitle}` : settings.siteDescription,
    language: settings.language,
    homeUrl: feed.categorySlug ? `${settings.publicUrl}/#${feed.key}` : `${settings.publicUrl}/`,
    feedUrls,
    ttlMinutes: Math.max(1, Math.round(settings.feedMaxAge / 60)),
    // PNG: the one image format RSS, Atom and JSON Feed readers all accept (see page-layout.ts).
    iconUrl: `${settings.publicUrl}/favicon.png`,
    iconSize: FEED_ICON_SIZE,
    copyright: `© ${settings.siteTitle}`,
    generator: 'Tidings',
    hubUrl: advertisedHubUrl(settings),
  };
  if (settings.feedContentBlocks) spec.contentBlocks = settings.feedContentBlocks;
  return spec;
}
