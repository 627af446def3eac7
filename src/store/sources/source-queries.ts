import { ConflictError, NotFoundError } from '../../domain/errors.ts';
import { SOURCE_STATES, type Source, type SourceState } from '../../domain/source.ts';
import type { SqlDatabase, SqlStatement } from '../sql-database.ts';
import { sql } from '../sql-database.ts';
import type { SourceStore } from '../store.ts';
import { recordFetch } from './record-fetch.ts';
import {
  type ExternalItemRow,
  ITEM_COLUMNS,
  itemFromRow,
  SOURCE_COLUMNS,
  type SourceRow,
  sourceFromRow,
} from './source-rows.ts';

/** Sources and external items, written as "reads, then one db.batch": the atomic unit on SQLite and D1 alike. */
export function createSourceQueries(db: SqlDatabase): SourceStore {
  const getSource = async (id: string) => {
    const row = await db.first<SourceRow>(`SELECT ${SOURCE_COLUMNS} FROM sources WHERE id = ?`, [id]);
    return row && sourceFromRow(row);
  };

  return {
    async createSources(sources) {
      if (sources.length === 0) return [];
      // One batch: all or none. A URL already registered is skipped (0 rows), not an error.
      const changes = await db.batch(sources.map((s) => insertSource(s, 'ON CONFLICT (url) DO NOTHING')));
      return changes.map((n) => n > 0);
    },

    async createSource(s) {
      await withUrlConflict(s.url, () => db.batch([insertSource(s)]));
    },

    async updateSource(s) {
      const [changes] = await withUrlConflict(s.url, () =>
        db.batch([
          sql(
            // A new URL drops the validators of the old one (SET expressions read the row as it was).
            `UPDATE sources SET etag = CASE WHEN url = ? THEN etag END,
               last_modified = CASE WHEN url = ? THEN last_modified END, url = ?, name = ?, category_hint = ?,
               poll_interval_minutes = ?, enabled = ?, updated_at = ?, next_poll_at = ?,
               disabled_reason = CASE WHEN ? THEN NULL ELSE disabled_reason END WHERE id = ?`,
            s.url,
            s.url,
            s.url,
            s.name,
            s.categoryHint ?? null,
            s.pollIntervalMinutes,
            s.enabled ? 1 : 0,
            s.updatedAt,
            s.health.nextPollAt,
            // Enabling a source is how an operator says a gone feed is back: the reason goes.
            s.enabled ? 1 : 0,
            s.id,
          ),
        ]),
      );
      if (!changes) throw new NotFoundError(`source ${s.id} does not exist`);
    },

    async deleteSource(id) {
      const [changes] = await db.batch([sql('DELETE FROM sources WHERE id = ?', id)]);
      return (changes ?? 0) > 0;
    },

    getSource,

    async listSources({ cursor, limit }) {
      const rows = await db.all<SourceRow>(
        `SELECT ${SOURCE_COLUMNS} FROM sources ${cursor ? 'WHERE id > ?' : ''} ORDER BY id LIMIT ?`,
        cursor ? [cursor, limit + 1] : [limit + 1],
      );
      const items = rows.slice(0, limit).map(sourceFromRow);
      const last = items.at(-1);
      return rows.length > limit && last ? { items, nextCursor: last.id } : { items };
    },

    async countSourcesByState() {
      // The rule of sourceState() (domain/source.ts), in SQL, so a scrape reads counts and not rows.
      const rows = await db.all<{ state: SourceState; count: number }>(
        `SELECT CASE WHEN enabled = 0 THEN 'disabled' WHEN consecutive_failures > 0 THEN 'failing'
                     WHEN last_success_at IS NULL THEN 'new' ELSE 'healthy' END AS state, COUNT(*) AS count
           FROM sources GROUP BY state`,
      );
      const counts = Object.fromEntries(SOURCE_STATES.map((state) => [state, 0])) as Record<SourceState, number>;
      for (const row of rows) counts[row.state] = row.count;
      return counts;
    },

    async claimDueSources(now, claimUntil, limit) {
      const due = await db.all<{ id: string }>(
        `SELECT id FROM sources WHERE enabled = 1 AND next_poll_at <= ?
           AND (claimed_until IS NULL OR claimed_until <= ?) ORDER BY next_poll_at LIMIT ?`,
        [now, now, limit],
      );
      return claim(
        db,
        due.map((row) => row.id),
        now,
        claimUntil,
        getSource,
      );
    },

    async claimSource(id, now, claimUntil) {
      const [source] = await claim(db, [id], now, claimUntil, getSource);
      return source;
    },

    async listItemHashes(sourceId) {
      const rows = await db.all<{ dedupe_key: string; content_hash: string }>(
        'SELECT dedupe_key, content_hash FROM external_items WHERE source_id = ?',
        [sourceId],
      );
      return new Map(rows.map((row) => [row.dedupe_key, row.content_hash]));
    },

    async countItemsPublishedSince(sourceId, since) {
      const row = await db.first<{ n: number }>(
        'SELECT COUNT(*) AS n FROM external_items WHERE source_id = ? AND published_at >= ?',
        [sourceId, since],
      );
      return row?.n ?? 0;
    },

    recordFetch: (record) => recordFetch(db, record),

    async listExternalItems({ sourceId, q, cursor, limit }) {
      const conditions: string[] = [];
      const params: (string | number)[] = [];
      if (sourceId) {
        conditions.push('source_id = ?');
        params.push(sourceId);
      }
      if (q) {
        const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        conditions.push("(title LIKE ? ESCAPE '\\' OR summary LIKE ? ESCAPE '\\')");
        params.push(pattern, pattern);
      }
      const [after, afterId] = cursor?.split('~') ?? [];
      if (after && afterId) {
        conditions.push('(published_at < ? OR (published_at = ? AND id < ?))');
        params.push(after, after, afterId);
      }
      const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
      const rows = await db.all<ExternalItemRow>(
        `SELECT ${ITEM_COLUMNS} FROM external_items ${where} ORDER BY published_at DESC, id DESC LIMIT ?`,
        [...params, limit + 1],
      );
      const items = rows.slice(0, limit).map(itemFromRow);
      const last = items.at(-1);
      return rows.length > limit && last ? { items, nextCursor: `${last.publishedAt}~${last.id}` } : { items };
    },
  };
}

/** Conditional UPDATEs: a source another cycle claimed first changes no row and is left to it. */
async function claim(
  db: SqlDatabase,
  ids: string[],
  now: string,
  claimUntil: string,
  getSource: (id: string) => Promise<ReturnType<typeof sourceFromRow> | undefined>,
) {
  if (ids.length === 0) return [];
  const changes = await db.batch(
    ids.map((id) =>
      sql(
        'UPDATE sources SET claimed_until = ? WHERE id = ? AND (claimed_until IS NULL OR claimed_until <= ?)',
        claimUntil,
        id,
        now,
      ),
    ),
  );
  const claimed = ids.filter((_, i) => (changes[i] ?? 0) > 0);
  const sources = await Promise.all(claimed.map(getSource));
  return sources.filter((s) => s !== undefined);
}

async function withUrlConflict<T>(url: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (message.includes('UNIQUE constraint failed: sources.url')) {
      throw new ConflictError(`a source with url ${url} already exists`, { field: 'url' });
    }
    throw error;
  }
}

/** The INSERT of a new source's settings and first poll time; `onConflict` decides what a taken URL does. */
function insertSource(s: Source, onConflict = ''): SqlStatement {
  return sql(
    `INSERT INTO sources (id, url, name, category_hint, poll_interval_minutes, enabled, created_at, updated_at,
       next_poll_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ${onConflict}`,
    s.id,
    s.url,
    s.name,
    s.categoryHint ?? null,
    s.pollIntervalMinutes,
    s.enabled ? 1 : 0,
    s.createdAt,
    s.updatedAt,
    s.health.nextPollAt,
  );
}
