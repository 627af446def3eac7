import type { FeedDocumentState, PublishMark, Retraction, Store } from '../store/store.ts';
import { sha256Hex } from './digest.ts';
import { ALL_FEED_KEY, type FeedSettings, feedKeyOf, parseFeedDocumentName } from './feed-catalog.ts';
import { retractionWindowStart } from './feed-retractions.ts';

/**
 * How long an incremental publish may go without checking every feed. The change
 * log sees every write to articles and their tags (migration 0011); this is the
 * safety net for what it cannot see (a restored feeds folder with the same names,
 * a hand-edited feed_documents row). At 100,000 articles a full check costs
 * a few hundred ms, so once an hour is cheap.
 */
export const FULL_CHECK_EVERY_MS = 60 * 60 * 1000;
/**
 * Beyond this many logged changes (a bulk import), checking every feed is cheaper than folding
 * the log: two statements for all tag and author heads against a GROUP BY of the whole log
 * (400,000 rows after 100,000 new articles: 1.4 s to fold, on the shared machine).
 */
export const MAX_LOGGED_CHANGES = 20_000;

export interface FullCheckInput {
  /** Digest of the settings (settingsDigest below). */
  digest: string;
  mark: PublishMark | undefined;
  loggedChanges: number;
  now: string;
  /** The caller asks for every feed (an operator, a test). */
  checkAll?: boolean;
}

/** Whether this run must fingerprint every feed, rather than only those a change names (feedsToCheck). */
export function checksEveryFeed(input: FullCheckInput): boolean {
  const { mark, now } = input;
  return (
    input.checkAll === true ||
    !mark ||
    mark.settingsDigest !== input.digest ||
    now < mark.checkedAt || // the clock went back: "since the last run" means nothing
    Date.parse(now) - Date.parse(mark.fullCheckAt) >= FULL_CHECK_EVERY_MS ||
    input.loggedChanges > MAX_LOGGED_CHANGES
  );
}

export interface CheckInput {
  store: Store;
  settings: { retractionDays: number };
  /** The last run's mark: a run that checks only some feeds follows one. */
  mark: PublishMark;
  latestChange: number;
  now: string;
  /** The states the last run left, by document name. */
  previous: ReadonlyMap<string, FeedDocumentState>;
  /** What the sink holds: name -> ETag. */
  stored: ReadonlyMap<string, string>;
}

/**
 * The feeds this run must fingerprint after a run that left `mark`. Since then, a feed's
 * inputs (its newest heads, its tombstones, the settings) change only through an article write
 * (the change log), an article whose scheduled time came, a tombstone leaving the retraction
 * window, or the sink losing a document; any other feed keeps its bytes and ETag without being
 * looked at.
 */
export async function feedsToCheck(input: CheckInput): Promise<Set<string>> {
  const { mark, now, previous, stored } = input;
  const keys = new Set<string>();
  const days = input.settings.retractionDays;
  const [targets, expiring] = await Promise.all([
    input.store.listFeedChanges({ upTo: input.latestChange, visibleAfter: mark.checkedAt, visibleUntil: now }),
    input.store.listRetractions(retractionWindowStart(mark.checkedAt, days)),
  ]);
  for (const target of targets) keys.add(feedKeyOf(target));
  const windowStart = retractionWindowStart(now, days);
  for (const retraction of expiring.filter((r) => r.retractedAt < windowStart)) {
    for (const key of retractionKeys(retraction)) keys.add(key);
  }
  if (keys.size > 0) keys.add(ALL_FEED_KEY);

  // A document the sink lost, or holds in another version than we recorded, is written again.
  const drifted: string[] = [];
  for (const [name, doc] of previous) if (stored.get(name) !== doc.etag) drifted.push(name);
  for (const name of stored.keys()) if (!previous.has(name)) drifted.push(name);
  for (const name of drifted) {
    const key = parseFeedDocumentName(name)?.key;
    if (key) keys.add(key);
  }
  return keys;
}

/** What every feed's fingerprint reads from the settings; a change means every feed is checked. */
export function settingsDigest(renderVersion: number, settings: FeedSettings & { retractionDays: number }) {
  // Spelled out (not the whole object, which may be the full config with its secrets); the type
  // makes a new FeedSettings field a compile error here until it is added.
  const inputs: Record<keyof FeedSettings | 'retractionDays', unknown> = {
    publicUrl: settings.publicUrl,
    siteUrl: settings.siteUrl,
    siteTitle: settings.siteTitle,
    siteDescription: settings.siteDescription,
    language: settings.language,
    websubHub: settings.websubHub,
    feedMaxAge: settings.feedMaxAge,
    feedContentBlocks: settings.feedContentBlocks,
    relatedLinks: settings.relatedLinks,
    feedItems: settings.feedItems,
    followFeedItems: settings.followFeedItems,
    retractionDays: settings.retractionDays,
  };
  return sha256Hex(JSON.stringify([renderVersion, inputs]));
}

/** The feeds that carried (or carry) this retraction's tombstone. */
function retractionKeys(retraction: Retraction): string[] {
  return [
    feedKeyOf({ kind: 'category', slug: retraction.categorySlug }),
    ...(retraction.authorSlug ? [feedKeyOf({ kind: 'author', slug: retraction.authorSlug })] : []),
    ...retraction.tagSlugs.map((slug) => feedKeyOf({ kind: 'tag', slug })),
  ];
}
