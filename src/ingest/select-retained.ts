import { FUTURE_TOLERANCE_MS, feedBaseOf, type ItemIdentity, identifyItem } from './normalize/normalize.ts';
import { parseDate } from './normalize/parse-date.ts';
import type { ParsedFeed } from './parse/parsed-feed.ts';

const DAY_MS = 86_400_000;

export interface RetainedFeed {
  /** The feed with only the items retention keeps, in document order. */
  feed: ParsedFeed;
  /** The identity (dedupe key) of every kept item, changed or not. */
  keys: string[];
  /** identifyItem of every kept item, in the order of feed.items: normalizeFeed takes them as they are. */
  identities: ItemIdentity[];
}

/**
 * Which items of a document retention keeps, decided on the whole document before any item
 * is skipped as unchanged: the newest `maxItems` within `maxAgeDays`, newest by the feed's
 * own dates (undated or future-dated ones count as now, as normalize dates them), ties in
 * document order. The same document always gives the same set, so re-polling a static feed
 * larger than the cap leaves the store as it is instead of swapping items in and out.
 */
export function selectRetained(
  feed: ParsedFeed,
  context: { responseUrl: string; now: string },
  retention: { maxItems: number; maxAgeDays: number },
): RetainedFeed {
  const base = feedBaseOf(feed, context.responseUrl);
  const nowMs = Date.parse(context.now);
  const oldest = nowMs - retention.maxAgeDays * DAY_MS;
  const ranked = feed.items.map((item, index) => {
    const published = parseDate(item.published) ?? parseDate(item.updated);
    const date = published === undefined || published > nowMs + FUTURE_TOLERANCE_MS ? nowMs : published;
    return { item, index, date, identity: identifyItem(item, base) };
  });
  const kept = ranked
    .filter((entry) => entry.date >= oldest)
    .sort((a, b) => b.date - a.date || a.index - b.index)
    .slice(0, retention.maxItems)
    .sort((a, b) => a.index - b.index);
  return {
    feed: { ...feed, items: kept.map((entry) => entry.item) },
    keys: kept.map((entry) => entry.identity.key),
    identities: kept.map((entry) => entry.identity),
  };
}
