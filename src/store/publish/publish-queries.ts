import type { SqlDatabase } from '../sql-database.ts';
import { sql } from '../sql-database.ts';
import type { FeedDocumentState, PublishRun, PublishStore } from '../store.ts';

interface FeedDocumentRow {
  name: string;
  fingerprint: string;
  etag: string;
  content_type: string;
  byte_length: number;
  published_at: string;
}

interface PublishRunRow {
  started_at: string;
  duration_ms: number;
  trigger: string;
  feeds_checked: number;
  feeds_written: string;
  errors: string;
}

export function createPublishQueries(db: SqlDatabase): PublishStore {
  return {
    async hasFeedDocument(name) {
      return (await db.first('SELECT 1 FROM feed_documents WHERE name = ?', [name])) !== undefined;
    },

    async listFeedDocuments() {
      const rows = await db.all<FeedDocumentRow>('SELECT * FROM feed_documents ORDER BY name');
      return rows.map(
        (row): FeedDocumentState => ({
          name: row.name,
          fingerprint: row.fingerprint,
          etag: row.etag,
          contentType: row.content_type,
          byteLength: row.byte_length,
          publishedAt: row.published_at,
        }),
      );
    },

    async saveFeedDocuments(documents) {
      if (documents.length === 0) return;
      await db.batch([
        ...documents.map((d) =>
          sql(
            `INSERT INTO feed_documents (name, fingerprint, etag, content_type, byte_length, published_at)
             VALUES (?, ?, ?, ?, ?, ?)
             ON CONFLICT (name) DO UPDATE SET fingerprint = excluded.fingerprint, etag = excluded.etag,
               content_type = excluded.content_type, byte_length = excluded.byte_length,
               published_at = excluded.published_at`,
            d.name,
            d.fingerprint,
            d.etag,
            d.contentType,
            d.byteLength,
            d.publishedAt,
          ),
        ),
        // In the same batch: a publisher that remembers what it saved sees any other save (0015).
        sql('UPDATE feed_documents_version SET version = version + 1 WHERE id = 1'),
      ]);
    },

    async recordPublishRun(run) {
      await db.batch([
        sql(
          `INSERT INTO publish_runs (started_at, duration_ms, trigger, feeds_checked, feeds_written, errors)
           VALUES (?, ?, ?, ?, ?, ?)`,
          run.startedAt,
          run.durationMs,
          run.trigger,
          run.feedsChecked,
          JSON.stringify(run.feedsWritten),
          JSON.stringify(run.errors),
        ),
      ]);
    },

    async listPublishRuns(limit) {
      const rows = await db.all<PublishRunRow>('SELECT * FROM publish_runs ORDER BY id DESC LIMIT ?', [limit]);
      return rows.map(
        (row): PublishRun => ({
          startedAt: row.started_at,
          durationMs: row.duration_ms,
          trigger: row.trigger,
          feedsChecked: row.feeds_checked,
          feedsWritten: JSON.parse(row.feeds_written),
          errors: JSON.parse(row.errors),
        }),
      );
    },
  };
}
