import type { FeedDocument, FeedSink } from '../../publish/feed-sink.ts';

interface FeedBodyRow {
  name: string;
  content_type: string;
  body: string;
  etag: string;
  last_modified: string;
}

const encoder = new TextEncoder();
// Renderers produce text, so the bytes are UTF-8; fatal: a stray byte fails the put, not a reader.
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Feed documents in D1's feed_bodies table (migration 0004): one row per
 * document, replaced by a single upsert, so a reader sees the old row or the
 * new one, never a mix. Nothing is cached in the isolate: the publish cron
 * may run in another isolate, and a cache here would keep serving old bytes.
 */
export function createD1FeedSink(d1: D1Database): FeedSink {
  return {
    async put(document) {
      await d1
        .prepare(
          `INSERT INTO feed_bodies (name, content_type, body, etag, last_modified) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (name) DO UPDATE SET content_type = excluded.content_type, body = excluded.body,
             etag = excluded.etag, last_modified = excluded.last_modified`,
        )
        .bind(document.name, document.contentType, decoder.decode(document.body), document.etag, document.lastModified)
        .run();
    },
    async listEtags() {
      const { results } = await d1.prepare('SELECT name, etag FROM feed_bodies').all<{ name: string; etag: string }>();
      return new Map(results.map((row) => [row.name, row.etag]));
    },
    async get(name) {
      const row = await d1
        .prepare('SELECT name, content_type, body, etag, last_modified FROM feed_bodies WHERE name = ?')
        .bind(name)
        .first<FeedBodyRow>();
      if (!row) return undefined;
      const document: FeedDocument = {
        name: row.name,
        contentType: row.content_type,
        body: encoder.encode(row.body),
        etag: row.etag,
        lastModified: row.last_modified,
      };
      return document;
    },
  };
}
