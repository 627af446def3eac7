import type { SqlDatabase, SqlStatement, SqlValue } from '../../store/sql-database.ts';

/**
 * The SqlDatabase port over Cloudflare D1. Typed with the Workers globals from
 * tsconfig.worker.json, so Node files never see them.
 *
 * D1 binds at most 100 parameters per statement
 * (https://developers.cloudflare.com/d1/platform/limits/). Local D1 refuses
 * more too, but only as "too many SQL variables"; checking first names the
 * limit and the statement, so the caller knows to chunk its write.
 *
 * A batch is never split: db.batch() is the transaction, and splitting it
 * would break the "all or nothing" the port promises. Bulk writers (seed,
 * ingest) send one batch per chunk of rows instead.
 */
export const D1_MAX_BOUND_PARAMETERS = 100;

const OWN_CHANGES = 'SELECT changes() AS n';

export function createD1Database(d1: D1Database): SqlDatabase {
  const prepare = (text: string, params: SqlValue[]): D1PreparedStatement => {
    if (params.length > D1_MAX_BOUND_PARAMETERS) {
      throw new RangeError(
        `d1-database: ${params.length} bound parameters exceed D1's limit of ${D1_MAX_BOUND_PARAMETERS}; chunk the write: ${text.slice(0, 80)}`,
      );
    }
    const statement = d1.prepare(text);
    return params.length ? statement.bind(...params) : statement;
  };

  return {
    async all<T>(text: string, params: SqlValue[] = []) {
      const { results } = await prepare(text, params).all<T>();
      return results;
    },
    async first<T>(text: string, params: SqlValue[] = []) {
      // D1 answers null for "no row"; the port (like better-sqlite3) says undefined.
      return (await prepare(text, params).first<T>()) ?? undefined;
    },
    async batch(statements: SqlStatement[]) {
      if (statements.length === 0) return [];
      // D1's meta.changes also counts rows written by triggers (the FTS5 index of
      // migration 0003 adds several per row), while the port, like better-sqlite3,
      // reports the statement's own rows: SQLite's changes(), read right after each
      // statement inside the same transaction. A read leaves changes() as it was, so
      // it is trusted only when the statement changed something (meta.changes > 0).
      const prepared = statements.flatMap((s) => [prepare(s.sql, s.params), d1.prepare(OWN_CHANGES)]);
      const results = await d1.batch<{ n?: number }>(prepared);
      return statements.map((_, i) => {
        const wroteAnything = (results[2 * i]?.meta.changes ?? 0) > 0;
        return wroteAnything ? (results[2 * i + 1]?.results[0]?.n ?? 0) : 0;
      });
    },
  };
}
