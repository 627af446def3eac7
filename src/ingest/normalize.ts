import { htmlToPlainText, summarize } from '../domain/plain-text.ts';
import { dedupeKey, type NormalizedItem } from '../domain/source.ts';
import { parseDate } from './parse-date.ts';
import type { ParsedFeed, ParsedItem } from './parsed-feed.ts';
import { resolveUrl, sanitizeContent } from './sanitize-content.ts';

export interface NormalizeContext {
  /** The URL the document came from, after redirects: the base of last resort. */
  responseUrl: string;
  /** The fetch time (ISO 8601): a missing date becomes this first-seen time. */
  now: string;
}

/** A date further ahead than this is a publisher's mistake (or a trick to stay on top): clamp it. */
const FUTURE_TOLERANCE_MS = 10 * 60_000;
const MAX_TEXT = 20_000;
const ANY_TAG = /<\/?[a-z][^>]*>/i;

/** Every usable item of a feed, cleaned; items with no title, link or content are dropped. */
export async function normalizeFeed(feed: ParsedFeed, context: NormalizeContext): Promise<NormalizedItem[]> {
  const feedBase =
    resolveUrl(feed.base, context.responseUrl) ?? resolveUrl(feed.link, context.responseUrl) ?? context.responseUrl;
  const items = await Promise.all(feed.items.map((item) => normalizeItem(item, feedBase, context.now)));
  // Two items with one identity (a duplicated GUID): the first in the feed wins, as readers show it.
  const seen = new Set<string>();
  return items.filter((item) => {
    if (!item || seen.has(dedupeKey(item))) return false;
    seen.add(dedupeKey(item));
    return true;
  }) as NormalizedItem[];
}

export async function normalizeItem(
  item: ParsedItem,
  feedBase: string,
  now: string,
): Promise<NormalizedItem | undefined> {
  const base = resolveUrl(item.base, feedBase) ?? feedBase;
  const link = canonicalLink(resolveUrl(item.link, base));
  const contentHtml = item.contentHtml ?? item.summaryHtml;
  const safeHtml = contentHtml ? sanitizeContent(contentHtml, base) : textToHtml(item.contentText);
  const contentText = (item.contentText ?? htmlToPlainText(safeHtml)).slice(0, MAX_TEXT);
  const summarySource =
    item.summaryHtml && item.summaryHtml !== contentHtml ? htmlToPlainText(item.summaryHtml) : contentText;
  const summary = summarize(summarySource, 300);
  const title = cleanText(item.title, 500) || summarize(summary, 100) || link || '';
  if (!title && !link && !contentText) return undefined;

  const published = parseDate(item.published) ?? parseDate(item.updated);
  const nowMs = Date.parse(now);
  const isDateGuessed = published === undefined || published > nowMs + FUTURE_TOLERANCE_MS;
  const publishedAt = isDateGuessed ? now : new Date(published).toISOString();
  const imageUrl = resolveUrl(item.imageUrl, base) ?? firstImage(safeHtml);
  const author = cleanText(item.author, 200);
  const guid = item.guid?.trim().slice(0, 2048);
  const categories = [...new Set(item.categories.map((c) => cleanText(c, 100)).filter((c) => c))].slice(0, 20);

  const normalized: NormalizedItem = {
    contentHash: await hashOf([title, link, summary, safeHtml, imageUrl, author, isDateGuessed ? '' : publishedAt]),
    title,
    summary,
    contentHtml: safeHtml,
    contentText,
    categories,
    publishedAt,
    isDateGuessed,
  };
  if (guid) normalized.guid = guid;
  if (link) normalized.link = link;
  if (imageUrl) normalized.imageUrl = imageUrl;
  if (author) normalized.author = author;
  return normalized;
}

/** Plain text from a title-like field: markup stripped, entities decoded (twice-escaped ones too), one line. */
function cleanText(value: string | undefined, max: number): string {
  if (!value) return '';
  let text = htmlToPlainText(value);
  if (ANY_TAG.test(text)) text = htmlToPlainText(text); // "&lt;b&gt;" decoded into markup
  return summarize(text, max);
}

/** The link as an identity: no fragment, no utm_* tracking parameters. */
function canonicalLink(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const parsed = new URL(url);
  parsed.hash = '';
  for (const key of [...parsed.searchParams.keys()]) if (key.startsWith('utm_')) parsed.searchParams.delete(key);
  return parsed.href;
}

function firstImage(html: string): string | undefined {
  return /<img[^>]+src="(https?:[^"]+)"/i.exec(html)?.[1]?.replace(/&amp;/g, '&');
}

function textToHtml(text: string | undefined): string {
  if (!text) return '';
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p)
    .map((p) => `<p>${escape(p)}</p>`)
    .join('\n');
}

const encoder = new TextEncoder();

/** SHA-256 through Web Crypto, which Node and Workers both provide; 128 bits are plenty to tell edits apart. */
async function hashOf(parts: (string | undefined)[]): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', encoder.encode(parts.map((p) => p ?? '').join('\u0000')));
  return Array.from(new Uint8Array(digest).subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
}
