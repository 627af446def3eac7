import { mapAtMost } from '../domain/map-at-most.ts';
import type { Logger } from '../log.ts';
import { CONTENT_TYPES, type FeedDocumentRenderer, type FeedFormat } from '../render/feed-spec.ts';
import type { FeedDocumentState, Store } from '../store/store.ts';
import { strongEtag } from './digest.ts';
import { type CatalogEntry, type FeedSettings, feedDocumentName } from './feed-catalog.ts';
import { loadFeedPage } from './feed-page.ts';
import type { Tombstone } from './feed-retractions.ts';
import type { FeedSink } from './feed-sink.ts';
import { utf8Bytes } from './utf8-bytes.ts';

/** Feeds rendered and written at once. */
const PUBLISH_CONCURRENCY = 8;

export interface RenderDeps {
  store: Store;
  sink: FeedSink;
  renderers: Record<FeedFormat, FeedDocumentRenderer>;
  settings: FeedSettings;
  log: Logger;
}

/** A feed whose inputs changed since the last run: the formats to render, and the fingerprint they get. */
export interface StaleFeed {
  entry: CatalogEntry;
  tombstones: Tombstone[];
  fingerprint: string;
  stale: FeedFormat[];
}

/** What rendering some feeds needs besides the store and the sink: plain data, so it can cross to a thread. */
export interface RenderInput {
  feeds: StaleFeed[];
  /** The last run's states of (at least) these feeds' documents, by name. */
  previous: ReadonlyMap<string, FeedDocumentState>;
  /** What the sink holds of (at least) these documents: name -> ETag. */
  stored: ReadonlyMap<string, string>;
  now: string;
}

export type RenderOutcome =
  | { states: FeedDocumentState[]; written: string[]; changedUrls: string[] }
  | { error: { feed: string; message: string } };

/**
 * Renders and writes each feed's stale documents, writing only bytes that differ from what the
 * sink holds. A feed that fails is logged and keeps its previous documents; the others go on.
 * Outcomes come in the feeds' order.
 */
export function renderFeeds(deps: RenderDeps, input: RenderInput): Promise<RenderOutcome[]> {
  // Rendering is synchronous; a few feeds at a time let one feed's file writes overlap the next's render.
  return mapAtMost(input.feeds, PUBLISH_CONCURRENCY, async (feed): Promise<RenderOutcome> => {
    try {
      return await renderFeed(deps, feed, input);
    } catch (error) {
      deps.log.error('publish: feed failed, previous documents kept', { feed: feed.entry.feed.key, error });
      return { error: { feed: feed.entry.feed.key, message: error instanceof Error ? error.message : String(error) } };
    }
  });
}

async function renderFeed(
  deps: RenderDeps,
  { entry: { feed }, tombstones, fingerprint, stale }: StaleFeed,
  { previous, stored, now }: RenderInput,
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
