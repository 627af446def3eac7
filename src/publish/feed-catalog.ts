import {
  CONTENT_TYPES,
  type ContentBlocks,
  FEED_FORMATS,
  type FeedFormat,
  type FeedSpec,
} from '../render/feed-spec.ts';
import type { FeedQuery, FeedTarget, Store } from '../store/store.ts';

/**
 * The one place that knows which feeds Tidings publishes: everything, each
 * category, each tag and each author (issue 11). Keys are document names
 * without the format: "all", "<category>", "tag/<slug>", "author/<slug>";
 * the feed's URL is /feeds/<key>.<format>. The publish job, the feed routes,
 * the OPML export and the WebSub hub all ask here.
 */
export const ALL_FEED_KEY = 'all';

export type FeedKind = 'all' | 'category' | 'tag' | 'author';

export interface FeedDefinition {
  key: string;
  kind: FeedKind;
  /** The category, tag or author slug; undefined for the feed of everything. */
  slug?: string;
  /** What the feed is of: "All stories", the category, tag or author name. */
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
  /** Items per page of the feed of everything and of category feeds. */
  feedItems: number;
  /** Items per page of tag and author feeds. */
  followFeedItems: number;
}

/** Pixels a side of the feed icon, the PNG served at /favicon.png (http/page-layout.ts). */
const FEED_ICON_SIZE = 64;

const SLUG = '[a-z0-9]+(?:-[a-z0-9]+)*';
const FEED_KEY = new RegExp(`^(?:(tag|author)/)?(${SLUG})$`);

export function feedDocumentName(key: string, format: FeedFormat): string {
  return `${key}.${format}`;
}

/** The feed and format a document name stands for ("world.rss", "tag/ai.json"), or undefined for any other name. */
export function parseFeedDocumentName(name: string): { key: string; format: FeedFormat } | undefined {
  const dot = name.lastIndexOf('.');
  const key = name.slice(0, dot);
  const format = name.slice(dot + 1);
  return dot > 0 && format in CONTENT_TYPES && FEED_KEY.test(key) ? { key, format: format as FeedFormat } : undefined;
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

export const ALL_FEED: FeedDefinition = { key: ALL_FEED_KEY, kind: 'all', title: 'All stories' };

export function categoryFeed(category: { slug: string; name: string }): FeedDefinition {
  return { key: category.slug, kind: 'category', slug: category.slug, title: category.name };
}

export function tagFeed(tag: { slug: string; name: string }): FeedDefinition {
  return { key: `tag/${tag.slug}`, kind: 'tag', slug: tag.slug, title: tag.name };
}

export function authorFeed(author: { slug: string; name: string }): FeedDefinition {
  return { key: `author/${author.slug}`, kind: 'author', slug: author.slug, title: author.name };
}

/** A feed known only by its key (one published before whose articles are all gone): named by its slug. */
export function feedFromKey(key: string): FeedDefinition | undefined {
  const match = FEED_KEY.exec(key);
  if (!match) return undefined;
  const [, kind, slug = ''] = match;
  if (kind === 'tag') return tagFeed({ slug, name: slug });
  if (kind === 'author') return authorFeed({ slug, name: slug });
  return key === ALL_FEED_KEY ? ALL_FEED : categoryFeed({ slug, name: slug });
}

export function defineFeeds(categories: { slug: string; name: string }[]): FeedDefinition[] {
  // A category slugged "all" would shadow the main feed.
  return [ALL_FEED, ...categories.filter((c) => c.slug !== ALL_FEED_KEY).map(categoryFeed)];
}

/** The key of the feed of a category, tag or author an article write touched. */
export function feedKeyOf(target: FeedTarget): string {
  if (target.kind === 'category') return categoryFeed({ slug: target.slug, name: target.slug }).key;
  return (target.kind === 'tag' ? tagFeed : authorFeed)({ slug: target.slug, name: target.slug }).key;
}

/** The store query that selects a feed's articles. */
export function feedScope(feed: FeedDefinition): Pick<FeedQuery, 'categorySlug' | 'tagSlug' | 'authorSlug'> {
  if (feed.kind === 'category') return { categorySlug: feed.slug };
  if (feed.kind === 'tag') return { tagSlug: feed.slug };
  if (feed.kind === 'author') return { authorSlug: feed.slug };
  return {};
}

/** Items per page: tag and author feeds are narrower, so they carry fewer (FOLLOW_FEED_ITEMS). */
export function feedPageSize(feed: FeedDefinition, settings: Pick<FeedSettings, 'feedItems' | 'followFeedItems'>) {
  return feed.kind === 'tag' || feed.kind === 'author' ? settings.followFeedItems : settings.feedItems;
}

/** The HTML page a feed is the feed of. */
export function feedHomeUrl(feed: FeedDefinition, publicUrl: string): string {
  if (feed.kind === 'category') return `${publicUrl}/#${feed.key}`;
  if (feed.kind === 'tag' || feed.kind === 'author') return `${publicUrl}/${feed.key}`;
  return `${publicUrl}/`;
}

/** What a reader sees as the feed's title and description. */
function feedWording(feed: FeedDefinition, site: string): { title: string; description?: string } {
  if (feed.kind === 'tag')
    return { title: `${site}: ${feed.title}`, description: `Stories tagged “${feed.title}” from ${site}` };
  if (feed.kind === 'author')
    return { title: `${site}: ${feed.title}`, description: `Stories by ${feed.title} from ${site}` };
  if (feed.kind === 'category') return { title: `${site}: ${feed.title}`, description: `${feed.title} from ${site}` };
  return { title: `${site}: ${feed.title}` };
}

/** The spec a renderer needs, minus `updated`, which comes from the items. */
export function feedSpecFor(feed: FeedDefinition, settings: FeedSettings): Omit<FeedSpec, 'updated'> {
  const feedUrls = Object.fromEntries(
    FEED_FORMATS.map((format) => [format, feedUrl(settings.publicUrl, feed.key, format)]),
  ) as Record<FeedFormat, string>;
  const wording = feedWording(feed, settings.siteTitle);
  const spec: Omit<FeedSpec, 'updated'> = {
    key: feed.key,
    title: wording.title,
    description: wording.description ?? settings.siteDescription,
    language: settings.language,
    homeUrl: feedHomeUrl(feed, settings.publicUrl),
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

/**
 * The feed with this key if Tidings publishes it now: everything, or a
 * category, tag or author that has articles. For the archive route and the
 * WebSub hub (is this topic ours?).
 */
export async function findFeed(store: Store, key: string, now: string): Promise<FeedDefinition | undefined> {
  const feed = feedFromKey(key);
  if (!feed || feed.kind === 'all') return feed;
  if (feed.kind === 'category') {
    const category = (await store.listFeedCategories()).find((c) => c.slug === feed.slug);
    return category && categoryFeed(category);
  }
  if (feed.kind === 'tag') {
    const name = await store.getTagName(feed.slug as string, now);
    return name === undefined ? undefined : tagFeed({ slug: feed.slug as string, name });
  }
  const author = await store.getAuthorProfile(feed.slug as string, now);
  return author && authorFeed({ slug: feed.slug as string, name: author.name });
}

/** The feed key and format of one of our feed URLs (`<publicUrl>/feeds/<key>.<format>`), else undefined. */
export function parseFeedUrl(publicUrl: string, url: string): { key: string; format: FeedFormat } | undefined {
  const prefix = `${publicUrl}/feeds/`;
  return url.startsWith(prefix) ? parseFeedDocumentName(url.slice(prefix.length)) : undefined;
}

/** One feed to publish; tag and author feeds come with the digest of their heads, read in bulk. */
export interface CatalogEntry {
  feed: FeedDefinition;
  heads?: string;
}

const hasHeads = (entry: { heads: string }) => entry.heads !== '';

/**
 * Every feed to publish now: everything, each category, tag and author with
 * visible articles, and each feed published before whose articles are all gone (it
 * is published empty, so pollers see the removal, with its tombstones).
 * `only` keeps to those keys (an incremental publish), asking the store for
 * just their heads.
 */
export async function listFeeds(
  store: Store,
  settings: Pick<FeedSettings, 'followFeedItems'>,
  now: string,
  previousKeys: Iterable<string>,
  only?: ReadonlySet<string>,
): Promise<CatalogEntry[]> {
  // One head past the page, so a change in whether there is a next page changes the digest.
  const limit = settings.followFeedItems + 1;
  const slugsOf = (kind: FeedKind) =>
    [...(only ?? [])].flatMap((key) => {
      const feed = feedFromKey(key);
      return feed?.kind === kind && feed.slug ? [feed.slug] : [];
    });
  const headsOf = (kind: 'tag' | 'author') => {
    if (!only) return store.listFollowFeedHeads(kind, now, limit);
    const slugs = slugsOf(kind).sort();
    return slugs.length > 0 ? store.listFollowFeedHeadsOf(kind, slugs, now, limit) : Promise.resolve([]);
  };
  const [categories, tags, authors] = await Promise.all([
    store.listFeedCategories(),
    headsOf('tag'),
    headsOf('author'),
  ]);
  const wanted = (entry: CatalogEntry) => !only || only.has(entry.feed.key);
  const entries: CatalogEntry[] = [
    ...defineFeeds(categories)
      .map((feed) => ({ feed }))
      .filter(wanted),
    // A tag or author with no visible article yet (a draft's, a scheduled one's) has no feed: its
    // name would tell the world what the newsroom has not published. Once it had one, it stays (below).
    ...tags.filter(hasHeads).map((tag) => ({ feed: tagFeed(tag), heads: tag.heads })),
    ...authors.filter(hasHeads).map((author) => ({ feed: authorFeed(author), heads: author.heads })),
  ];
  const known = new Set(entries.map((entry) => entry.feed.key));
  for (const key of new Set(previousKeys)) {
    const feed = known.has(key) || (only && !only.has(key)) ? undefined : feedFromKey(key);
    if (feed) entries.push(feed.kind === 'tag' || feed.kind === 'author' ? { feed, heads: '' } : { feed });
  }
  return entries;
}

/** Every feed with visible articles, grouped as readers browse them (the OPML export). */
export async function listFeedGroups(store: Store, now: string) {
  const [categories, tags, authors] = await Promise.all([
    store.listCategories(now),
    store.listFollowTargets('tag', now),
    store.listFollowTargets('author', now),
  ]);
  return {
    all: ALL_FEED,
    categories: defineFeeds(categories.filter((c) => c.published > 0)).filter((feed) => feed.kind === 'category'),
    tags: tags.map(tagFeed),
    authors: authors.map(authorFeed),
  };
}
