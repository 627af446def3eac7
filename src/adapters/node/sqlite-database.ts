import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { UnavailableError } from '../../domain/errors.ts';
import type { Migration } from '../../store/migrate.ts';
import type { SqlDatabase, SqlStatement, SqlValue } from '../../store/sql-database.ts';

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../store/migrations');

export interface SqliteDatabase extends SqlDatabase {
  readonly raw: Database.Database;
  close(): void;
}

/** How long a write waits for another connection's write to end, by default: an editor's save can wait this long. */
const BUSY_TIMEOUT_MS = 5_000;
/**
 * The wait of the worker threads' connections: background work (an ingest, a related refresh, a
 * publish) can wait its turn behind another thread's long write, where a failure would cost a
 * whole run; on a busy machine a 3,000-item ingest has held the lock for longer than 5 s.
 */
export const BACKGROUND_BUSY_TIMEOUT_MS = 30_000;
/** What a writer sees when the wait ran out: a 503 for an API client, a failed run for a job, not a bug. */
const BUSY_MESSAGE = 'the database is busy with another write; try again in a moment';

export interface SqliteOptions {
  /** How long a write waits for the file's write lock (WAL allows one writer at a time). */
  busyTimeoutMs?: number;
}

/** Opens (creating if needed) a SQLite file in WAL mode behind the SqlDatabase port. */
export function openSqliteDatabase(
  path: string,
  { busyTimeoutMs = BUSY_TIMEOUT_MS }: SqliteOptions = {},
): SqliteDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL'); // readers never block the publisher or the writer
  db.pragma('synchronous = NORMAL'); // durable at checkpoints; safe with WAL
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${Math.round(busyTimeoutMs)}`);

  // Prepared statements are cached by SQL text: the store reuses a small, fixed set.
  const cache = new Map<string, Database.Statement>();
  const prepare = (text: string): Database.Statement => {
    let statement = cache.get(text);
    if (!statement) {
      statement = db.prepare(text);
      cache.set(text, statement);
    }
    return statement;
  };
  const runBatch = db.transaction((statements: SqlStatement[]) =>
    statements.map((s) => {
      const statement = prepare(s.sql);
      if (!statement.reader) return statement.run(...s.params).changes;
      statement.all(...s.params); // e.g. a PRAGMA or a RETURNING-less read inside a batch
      return 0;
    }),
  );

  return {
    raw: db,
    async all<T>(text: string, params: SqlValue[] = []) {
      return whenNotBusy(() => prepare(text).all(...params) as T[]);
    },
    async first<T>(text: string, params: SqlValue[] = []) {
      return whenNotBusy(() => prepare(text).get(...params) as T | undefined);
    },
    async batch(statements: SqlStatement[]) {
      // BEGIN IMMEDIATE: a batch writes, so it takes the write lock as it begins and waits for
      // another thread's writer (busy_timeout). Deferred, it would start as a read and, should
      // another connection commit before its first write, fail at once with SQLITE_BUSY_SNAPSHOT
      // (https://sqlite.org/rescode.html#busy_snapshot): a busy wait cannot help a stale snapshot.
      return whenNotBusy(() => runBatch.immediate(statements));
    },
    close() {
      db.close();
    },
  };
}

/** Runs a statement; a lock wait that ran out (SQLITE_BUSY and its variants) becomes an UnavailableError. */
function whenNotBusy<T>(statement: () => T): T {
  try {
    return statement();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) {
      throw new UnavailableError(BUSY_MESSAGE, undefined, { cause: error });
    }
    throw error;
  }
}

export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => ({ name: file, sql: readFileSync(join(dir, file), 'utf8') }));
}
