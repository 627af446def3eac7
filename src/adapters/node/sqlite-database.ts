import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { Migration } from '../../store/migrate.ts';
import type { SqlDatabase, SqlStatement, SqlValue } from '../../store/sql-database.ts';

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../store/migrations');

export interface SqliteDatabase extends SqlDatabase {
  readonly raw: Database.Database;
  close(): void;
}

/** Opens (creating if needed) a SQLite file in WAL mode behind the SqlDatabase port. */
export function openSqliteDatabase(path: string): SqliteDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL'); // readers never block the publisher or the writer
  db.pragma('synchronous = NORMAL'); // durable at checkpoints; safe with WAL
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');

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
      return prepare(text).all(...params) as T[];
    },
    async first<T>(text: string, params: SqlValue[] = []) {
      return prepare(text).get(...params) as T | undefined;
    },
    async batch(statements: SqlStatement[]) {
      return runBatch(statements);
    },
    close() {
      db.close();
    },
  };
}

export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => ({ name: file, sql: readFileSync(join(dir, file), 'utf8') }));
}
