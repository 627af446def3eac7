import type { Logger } from '../log.ts';
import { CONTENT_TYPES, FEED_FORMATS, type FeedFormat, type FeedRenderer } from '../render/feed-spec.ts';
import type { FeedDocumentState, PublishRun, Store } from '../store/store.ts';
import { sha256Hex, strongEtag } from './digest.ts';
import {
  defineFeeds,
  type FeedDefinition,
  type FeedSettings,
  feedDocumentName,
  feedSpecFor,
  parseFeedDocumentName,
} from './feed-catalog.ts';
import { loadFeedPage } from './feed-page.ts';
import type { FeedSink } from './feed-sink.ts';

/** Bump when renderer output changes shape, so every feed is re-rendered once. */
const RENDER_VERSION = 3;

export interface PublishDeps {
  store: Store;
  sink: FeedSink;
  renderers: Record<FeedFormat, FeedRenderer>;
  settings: FeedSettings & { feedItems: number };
  now: () => Date;
  log: Logger;
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
export async function publishFeeds(deps: PublishDeps, trigger: string): Promise<PublishResult> {
  const now = deps.now().toISOString();
  const startedMs = performance.now(); // durations from the monotonic clock, not the (injectable) wall clock
  const [categories, previousDocs, stored] = await Promise.all([
    deps.store.listFeedCategories(),
    deps.store.listFeedDocuments(),
    deps.sink.listEtags(),
  ]);
  const previous = new Map(previousDocs.map((doc) => [doc.name, doc]));
  // Categories that lost all their articles still get an (empty) feed, so pollers see the removal.
  const known = new Set(categories.map((c) => c.slug));
  const emptied = previousDocs
    .flatMap((doc) => parseFeedDocumentName(doc.name)?.key ?? [])
    .filter((key, i, keys) => keys.indexOf(key) === i && !known.has(key))
    .map((key) => ({ slug: key, name: key }));
  const feeds = defineFeeds([...categories, ...emptied]);

  const written: string[] = [];
  const changedUrls: string[] = [];
  const states: FeedDocumentState[] = [];
  const errors: PublishRun['errors'] = [];
  for (const feed of feeds) {
    try {
      const outcome = await publishFeed(deps, feed, previous, stored, now);
      states.push(...outcome.states);
      written.push(...outcome.written);
      changedUrls.push(...outcome.changedUrls);
    } catch (error) {
      errors.push({ feed: feed.key, message: error instanceof Error ? error.message : String(error) });
      deps.log.error('publish: feed failed, previous documents kept', { feed: feed.key, error });
    }
  }
  await deps.store.saveFeedDocuments(states);
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
    documents_written: written.length,
    errors: errors.length,
    duration_ms: run.durationMs,
  });
  return run;
}

async function publishFeed(
  deps: PublishDeps,
  feed: FeedDefinition,
  previous: Map<string, FeedDocumentState>,
  stored: Map<string, string>,
  now: string,
) {
  const baseSpec = feedSpecFor(feed, deps.settings);
  // One head past the page, so a change in whether there is a next page changes the fingerprint.
  const heads = await deps.store.listFeedHeads({
    categorySlug: feed.categorySlug,
    now,
    limit: deps.settings.feedItems + 1,
  });
  // RELATED_LINKS changes what every item shows, so it is an input as well.
  const fingerprint = await sha256Hex(JSON.stringify([RENDER_VERSION, baseSpec, deps.settings.relatedLinks, heads]));
  // Stale: its inputs changed, or the sink no longer holds what we last wrote.
  const stale = FEED_FORMATS.filter((format) => {
    const name = feedDocumentName(feed.key, format);
    const before = previous.get(name);
    return before?.fingerprint !== fingerprint || stored.get(name) !== before.etag;
  });
  const result = { states: [] as FeedDocumentState[], written: [] as string[], changedUrls: [] as string[] };
  if (stale.length === 0) return result;

  const { spec, items } = await loadFeedPage(deps, feed, now);
  // HTTP dates have whole seconds; so does Last-Modified, so a restart serves the same value.
  const lastModified = new Date(Math.floor(Date.parse(now) / 1000) * 1000).toISOString();
  for (const format of stale) {
    const name = feedDocumentName(feed.key, format);
    const body = new TextEncoder().encode(deps.renderers[format](spec, items));
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
