import type { Logger } from '../log.ts';
import { CONTENT_TYPES, FEED_FORMATS, type FeedDocumentRenderer, type FeedFormat } from '../render/feed-spec.ts';
import type { FeedDocumentState, PublishRun, Store } from '../store/store.ts';
import { sha256Hex, strongEtag } from './digest.ts';
import {
  type CatalogEntry,
  type FeedSettings,
  feedDocumentName,
  feedPageSize,
  feedScope,
  feedSpecFor,
  listFeeds,
  parseFeedDocumentName,
} from './feed-catalog.ts';
import { loadFeedPage } from './feed-page.ts';
import { retractionWindowStart, type Tombstone, tombstonesFor } from './feed-retractions.ts';
import type { FeedSink } from './feed-sink.ts';
import { checksEveryFeed, feedsToCheck, settingsDigest } from './feeds-to-check.ts';
import { type PublishMemory, recallStates, saveStates } from './publish-memory.ts';
import { utf8Bytes } from './utf8-bytes.ts';

/** Bump when renderer output changes shape, so every feed is re-rendered once. */
const RENDER_VERSION = 4;
/** Articles whose tags and author slug predate migration 0007 are indexed this many at a time. */
const INDEX_BATCH = 500;
/** Feeds rendered and written at once. */
const PUBLISH_CONCURRENCY = 8;

export interface PublishDeps {
  store: Store;
  sink: FeedSink;
  renderers: Record<FeedFormat, FeedDocumentRenderer>;
  settings: FeedSettings & { retractionDays: number };
  now: () => Date;
  log: Logger;
  /** What the last run saved, kept between runs (publish-memory.ts); without it every run reads it back. */
  memory?: PublishMemory;
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
  // Rendering is synchronous; a few feeds at a time let one feed's file writes overlap the next's render.
  const outcomes = await mapInOrder(toRender, PUBLISH_CONCURRENCY, async (feed) => {
    try {
      return await renderFeed(deps, feed, previous, stored, now);
    } catch (error) {
      deps.log.error('publish: feed failed, previous documents kept', { feed: feed.entry.feed.key, error });
      return { error: { feed: feed.entry.feed.key, message: error instanceof Error ? error.message : String(error) } };
    }
  });
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

async function renderFeed(
  deps: PublishDeps,
  {
    entry: { feed },
    tombstones,
    fingerprint,
    stale,
  }: { entry: CatalogEntry; tombstones: Tombstone[]; fingerprint: string; stale: FeedFormat[] },
  previous: ReadonlyMap<string, FeedDocumentState>,
  stored: ReadonlyMap<string, string>,
  now: string,
) {
  const result = { states: [] as FeedDocumentState[], written: [] as string[], changedUrls: [] as string[] };
  const { spec, items } = await loadFeedPage(deps, feed, now, undefined, tombstones);
  // HTTP dates have whole seconds; so does Last-Modified, so a restart serves the same value.
  const lastModified = new Date(Math.floor(Date.parse(now) / 1000) * 1000).toISOString();
  for (const format of stale) {
    const name = feedDocumentName(feed.key, format);
    const body = utf8Bytes(deps.renderers[format](spec, items));
    const etag = await strongEtag(body);
    const before = previous.get(name);
    const unchanged = before?.etag === etag && stored.get(name) === etag;
    if (!unchanged) {
      await deps.sink.put({ name, contentType: CONTENT_TYPES[format], body, etag, lastModified });
      result.written.push(name);
      result.changedUrls.push(spec.feedUrls[format]);
    }
    result.states.push({
      name,
      fingerprint,
      etag,
      contentType: CONTENT_TYPES[format],
      byteLength: body.byteLength,
      publishedAt: unchanged && before ? before.publishedAt : lastModified,
    });
  }
  return result;
}

/** `work` over every item, at most `limit` at once; results in the items' order. */
async function mapInOrder<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
