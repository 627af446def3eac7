import { FEED_FORMATS } from '../render/feed-spec.ts';
import type { FeedDocumentState, PublishRun } from '../store/store.ts';
import { sha256Hex } from './digest.ts';
import {
  type CatalogEntry,
  feedDocumentName,
  feedPageSize,
  feedScope,
  feedSpecFor,
  listFeeds,
  parseFeedDocumentName,
} from './feed-catalog.ts';
import { retractionWindowStart, type Tombstone, tombstonesFor } from './feed-retractions.ts';
import { checksEveryFeed, feedsToCheck, settingsDigest } from './feeds-to-check.ts';
import { type PublishMemory, recallStates, saveStates } from './publish-memory.ts';
import type { RenderDeps } from './render-feeds.ts';
import { type RenderElsewhere, renderSplit } from './split-render.ts';

/** Bump when renderer output changes shape, so every feed is re-rendered once. */
const RENDER_VERSION = 4;
/** Articles whose tags and author slug predate migration 0007 are indexed this many at a time. */
const INDEX_BATCH = 500;

export interface PublishDeps extends RenderDeps {
  settings: RenderDeps['settings'] & { retractionDays: number };
  now: () => Date;
  /** What the last run saved, kept between runs (publish-memory.ts); without it every run reads it back. */
  memory?: PublishMemory;
  /** What shares a large run's rendering (split-render.ts); without it this thread renders all. */
  renderElsewhere?: RenderElsewhere;
}

export interface PublishResult extends PublishRun {
  /** URLs of the feeds whose bytes changed, for WebSub pings. */
  changedUrls: string[];
}

/**
 * One publish run: for every feed, compare a fingerprint of its inputs (the
 * ids and revisions of its newest items, and the settings) with the last run's;
 * render only what changed, write only bytes that differ, and keep the old
 * document when anything fails.
 */
export async function publishFeeds(
  deps: PublishDeps,
  trigger: string,
  options: { checkAll?: boolean } = {},
): Promise<PublishResult> {
  const now = deps.now().toISOString();
  const startedMs = performance.now(); // durations from the monotonic clock, not the (injectable) wall clock
  let indexed: number;
  do indexed = await deps.store.indexFollowTargets(INDEX_BATCH);
  while (indexed > 0);
  // The change log is read first: a write after this point is left for the next run.
  const { mark, latestChange, loggedChanges, documentsVersion } = await deps.store.readPublishState();
  const [stored, retractions, digest] = await Promise.all([
    deps.sink.listEtags(),
    deps.store.listRetractions(retractionWindowStart(now, deps.settings.retractionDays)),
    settingsDigest(RENDER_VERSION, deps.settings),
  ]);
  const everyFeed = checksEveryFeed({ ...options, digest, mark, loggedChanges, now });
  const previous = await recallStates(deps.store, deps.memory, { version: documentsVersion, fresh: everyFeed });
  const only =
    everyFeed || !mark || previous.size === 0
      ? undefined
      : await feedsToCheck({ ...deps, mark, latestChange, now, previous, stored });
  // Feeds published before whose articles may all be gone since: they are published empty.
  const previousKeys = only
    ? [...only].filter((key) => FEED_FORMATS.some((format) => previous.has(feedDocumentName(key, format))))
    : [...previous.keys()].flatMap((name) => parseFeedDocumentName(name)?.key ?? []);
  const feeds = only?.size === 0 ? [] : await listFeeds(deps.store, deps.settings, now, previousKeys, only);

  // Fingerprints first, all at once: WebCrypto digests are asynchronous, and 2,500 of them one
  // after another cost ten times what they cost in parallel.
  const checked = await Promise.all(
    feeds.map(async (entry) => {
      const tombstones = tombstonesFor(entry.feed, retractions);
      return { entry, tombstones, ...(await checkFeed(deps, entry, tombstones, previous, stored, now)) };
    }),
  );
  const toRender = checked.filter((feed) => feed.stale.length > 0);
  const outcomes = await renderSplit(deps, { feeds: toRender, previous, stored, now });
  const states = outcomes.flatMap((o) => ('states' in o ? o.states : []));
  const written = outcomes.flatMap((o) => ('written' in o ? o.written : []));
  const changedUrls = outcomes.flatMap((o) => ('changedUrls' in o ? o.changedUrls : []));
  const errors = outcomes.flatMap((o) => ('error' in o ? [o.error] : []));
  await saveStates(deps.store, deps.memory, { recalled: previous, version: documentsVersion, saved: states });
  // A failed feed keeps the change log as it was, so the next run checks it again.
  if (errors.length === 0) {
    const fullCheckAt = only && mark ? mark.fullCheckAt : now;
    await deps.store.savePublishMark({ checkedAt: now, settingsDigest: digest, fullCheckAt }, latestChange);
  }
  const run: PublishResult = {
    startedAt: now,
    durationMs: Math.round(performance.now() - startedMs),
    trigger,
    feedsChecked: feeds.length,
    feedsWritten: written,
    errors,
    changedUrls,
  };
  await deps.store.recordPublishRun(run);
  deps.log.info('publish: run finished', {
    trigger,
    feeds_checked: run.feedsChecked,
    checked: only ? 'changed feeds' : 'every feed',
    documents_written: written.length,
    errors: errors.length,
    duration_ms: run.durationMs,
  });
  return run;
}

/** Whether a feed's inputs changed since the last run, or the sink lost what we wrote: which formats to render. */
async function checkFeed(
  deps: PublishDeps,
  { feed, heads: knownHeads }: CatalogEntry,
  tombstones: Tombstone[],
  previous: ReadonlyMap<string, FeedDocumentState>,
  stored: ReadonlyMap<string, string>,
  now: string,
) {
  const baseSpec = feedSpecFor(feed, deps.settings);
  // One head past the page, so a change in whether there is a next page changes the fingerprint.
  const heads =
    knownHeads ??
    (await deps.store.listFeedHeads({ ...feedScope(feed), now, limit: feedPageSize(feed, deps.settings) + 1 }));
  // RELATED_LINKS changes what every item shows, so it is an input as well.
  const fingerprint = await sha256Hex(
    JSON.stringify([RENDER_VERSION, baseSpec, deps.settings.relatedLinks, heads, tombstones]),
  );
  const stale = FEED_FORMATS.filter((format) => {
    const name = feedDocumentName(feed.key, format);
    const before = previous.get(name);
    return before?.fingerprint !== fingerprint || stored.get(name) !== before.etag;
  });
  return { fingerprint, stale };
}
