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
  /**
   * The ETag of every document the sink holds. The publish job compares it with
   * what it last wrote, so a document lost from the sink (a feeds folder on a
   * disk that did not survive a restart) is written again, not assumed present.
   */
  listEtags(): Promise<Map<string, string>>;
  /**
   * The document when it is at hand without I/O (a fresh copy in memory), else
   * undefined: lets the feed route answer most polls without waiting on a promise.
   */
  peek?(name: string): FeedDocument | undefined;
}
