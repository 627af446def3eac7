import { htmlToPlainText, summarize } from '../../domain/plain-text.ts';
import { dedupeKey, type NormalizedItem } from '../../domain/source.ts';
import type { ParsedFeed, ParsedItem } from '../parse/parsed-feed.ts';
import { hashText } from './hash-text.ts';
import { canonicalLink, cleanText, firstImage, summarizeStart, textToHtml } from './normalize-text.ts';
import { parseDate } from './parse-date.ts';
import { resolveUrl, sanitizeContent } from './sanitize-content.ts';
import { sanitizedHtmlToText } from './sanitized-html-to-text.ts';

export interface NormalizeContext {
  /** The URL the document came from, after redirects: the base of last resort. */
  responseUrl: string;
  /** The fetch time (ISO 8601): a missing date becomes this first-seen time. */
  now: string;
  /** True when the store already holds this identity with this hash: the item is skipped, unchanged. */
  isKnown?: (key: string, hash: string) => boolean;
  /** EMBED_HOSTS: hosts whose players survive sanitizing (none when absent). */
  embedHosts?: readonly string[];
  /** identifyItem of each of the feed's items, in order, when already known (selectRetained): not hashed twice. */
  identities?: readonly ItemIdentity[];
}

/** What identifies an item and its version, computed cheaply before any cleaning. */
export interface ItemIdentity {
  key: string;
  guid?: string;
  link?: string;
  /** Hash of everything the feed said about the item: any edit changes it. */
  hash: string;
  base: string;
}

/** Bump when parsing or normalization changes, so stored items (and unchanged documents) are read again on their next fetch. */
export const NORMALIZER_VERSION = '2';
/** A date further ahead than this is a publisher's mistake (or a trick to stay on top): clamp it. */
export const FUTURE_TOLERANCE_MS = 10 * 60_000;
const MAX_TEXT = 20_000;
/** Text shorter than this never identifies a story by itself (see storyHash). */
const MIN_STORY_TEXT = 80;

/**
 * Every usable item of a feed, cleaned. A later item with an identity already seen (a
 * duplicated GUID) is dropped, as are items with no title, link or content, and items the
 * store already holds unchanged (they cost a hash, not a sanitizer pass).
 */
export function normalizeFeed(feed: ParsedFeed, context: NormalizeContext): NormalizedItem[] {
  const feedBase = feedBaseOf(feed, context.responseUrl);
  const seen = new Set<string>();
  const items: NormalizedItem[] = [];
  for (const [index, item] of feed.items.entries()) {
    const identity = context.identities?.[index] ?? identifyItem(item, feedBase);
    if (seen.has(identity.key)) continue;
    seen.add(identity.key);
    if (context.isKnown?.(identity.key, identity.hash)) continue;
    const normalized = normalizeItem(item, identity, context.now, context.embedHosts);
    if (normalized) items.push(normalized);
  }
  return items;
}

/** The base item links resolve against: the feed's xml:base, else its link, else where it came from. */
export function feedBaseOf(feed: ParsedFeed, responseUrl: string): string {
  return resolveUrl(feed.base, responseUrl) ?? resolveUrl(feed.link, responseUrl) ?? responseUrl;
}

export function identifyItem(item: ParsedItem, feedBase: string): ItemIdentity {
  const base = resolveUrl(item.base, feedBase) ?? feedBase;
  const link = canonicalLink(resolveUrl(item.link, base));
  const guid = item.guid?.trim().slice(0, 2048) || undefined;
  const { title, contentHtml, summaryHtml, contentText, published, updated, author, imageUrl, categories } = item;
  const hash = hashText([
    NORMALIZER_VERSION,
    base,
    title,
    item.link,
    contentHtml,
    summaryHtml,
    contentText,
    published,
    updated,
    author,
    imageUrl,
    categories.join('\u0001'),
  ]);
  const identity: ItemIdentity = { key: dedupeKey({ guid, link, contentHash: hash }), hash, base };
  if (guid) identity.guid = guid;
  if (link) identity.link = link;
  return identity;
}

export function normalizeItem(
  item: ParsedItem,
  identity: ItemIdentity,
  now: string,
  embedHosts: readonly string[] = [],
): NormalizedItem | undefined {
  const { base, link } = identity;
  const contentHtml = item.contentHtml ?? item.summaryHtml;
  const safeHtml = contentHtml ? sanitizeContent(contentHtml, base, embedHosts) : textToHtml(item.contentText);
  // The sanitizer's output has a tag grammar simple enough to read in one pass (sanitizedHtmlToText).
  const contentText = (item.contentText ?? sanitizedHtmlToText(safeHtml)).slice(0, MAX_TEXT);
  const summarySource =
    item.summaryHtml && item.summaryHtml !== contentHtml ? htmlToPlainText(item.summaryHtml) : contentText;
  const summary = summarizeStart(summarySource, 300);
  const title = cleanText(item.title, 500) || summarize(summary, 100) || link || '';
  if (!title && !link && !contentText) return undefined;

  const published = parseDate(item.published) ?? parseDate(item.updated);
  const isDateGuessed = published === undefined || published > Date.parse(now) + FUTURE_TOLERANCE_MS;
  const imageUrl = resolveUrl(item.imageUrl, base) ?? firstImage(safeHtml);
  const author = cleanText(item.author, 200);
  const categories = [...new Set(item.categories.map((c) => cleanText(c, 100)).filter((c) => c))].slice(0, 20);

  const normalized: NormalizedItem = {
    contentHash: identity.hash,
    title,
    summary,
    contentHtml: safeHtml,
    contentText,
    categories,
    publishedAt: isDateGuessed ? now : new Date(published).toISOString(),
    isDateGuessed,
  };
  if (identity.guid) normalized.guid = identity.guid;
  if (link) normalized.link = link;
  // Text short enough to be boilerplate ("Read more") would make unrelated items one story.
  if (contentText.length >= MIN_STORY_TEXT) normalized.storyHash = hashText([title, contentText]);
  if (imageUrl) normalized.imageUrl = imageUrl;
  if (author) normalized.author = author;
  return normalized;
}
