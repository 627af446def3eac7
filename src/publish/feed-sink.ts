/**
 * Where published feed documents live: files on Node, D1 on Workers.
 * The publish job puts; the feed route gets. Bytes are never re-rendered
 * per request.
 */
export interface FeedDocument {
  /** File name, e.g. "all.rss" or "world.json". */
  name: string;
  contentType: string;
  body: Uint8Array<ArrayBuffer>;
  /** Strong ETag of `body`, quoted. */
  etag: string;
  /** When these bytes were first published (ISO 8601). */
  lastModified: string;
}

export interface FeedSink {
  /** Replaces the document atomically: a reader sees the old bytes or the new, never a mix. */
  put(document: FeedDocument): Promise<void>;
  get(name: string): Promise<FeedDocument | undefined>;
}
