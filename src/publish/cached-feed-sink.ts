import type { FeedDocument, FeedSink } from './feed-sink.ts';

export interface CachedFeedSink extends FeedSink {
  /**
   * Reads past the cache, writes through it: for the publish job, which must
   * compare against what is stored, and whose writes readers here see at once.
   */
  readonly direct: FeedSink;
}

/**
 * Keeps documents read from another sink in memory for `ttlMs`. On Workers
 * every request would otherwise read D1, which sits across the network from
 * most colos. The publish cron may run in another isolate, so a cached
 * document can be up to `ttlMs` older than the stored one (the feeds' own
 * Cache-Control max-age allows far more). Missing documents are not cached:
 * a flood of unknown names must not fill the memory.
 */
export function createCachedFeedSink(inner: FeedSink, ttlMs: number, nowMs: () => number = Date.now): CachedFeedSink {
  const cache = new Map<string, { document: FeedDocument; until: number }>();
  const remember = (document: FeedDocument) => cache.set(document.name, { document, until: nowMs() + ttlMs });
  const put = async (document: FeedDocument) => {
    await inner.put(document);
    remember(document);
  };
  return {
    put,
    peek(name) {
      const hit = cache.get(name);
      return hit && hit.until > nowMs() ? hit.document : undefined;
    },
    async get(name) {
      const hit = cache.get(name);
      if (hit && hit.until > nowMs()) return hit.document;
      const document = await inner.get(name);
      if (document) remember(document);
      else cache.delete(name);
      return document;
    },
    listEtags: () => inner.listEtags(),
    direct: { put, get: (name) => inner.get(name), listEtags: () => inner.listEtags() },
  };
}
