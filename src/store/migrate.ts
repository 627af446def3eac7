import type { SqlDatabase } from './sql-database.ts';
import { sql } from './sql-database.ts';

export interface Migration {
  name: string;
  sql: string;
}

/**
 * Applies pending migrations in name order, each in one batch with its record.
 * Uses wrangler's own bookkeeping table (d1_migrations) so that a database
 * migrated by `wrangler d1 migrations apply` and one migrated here agree.
 */
export async function migrate(db: SqlDatabase, migrations: Migration[]): Promise<string[]> {
  await db.batch([
    sql(`CREATE TABLE IF NOT EXISTS d1_migrations (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      name TEXT UNIQUE,
      applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
    )`),
  ]);
  const applied = new Set((await db.all<{ name: string }>('SELECT name FROM d1_migrations')).map((row) => row.name));
  const pending = [...migrations].sort((a, b) => a.name.localeCompare(b.name)).filter((m) => !applied.has(m.name));
  for (const migration of pending) {
    await db.batch([
      ...splitStatements(migration.sql).map((statement) => sql(statement)),
      sql('INSERT INTO d1_migrations (name) VALUES (?)', migration.name),
    ]);
  }
  return pending.map((m) => m.name);
}

/**
 * Splits a migration file into statements. Trigger bodies contain ';' inside
 * BEGIN ... END, so a statement ends at a ';' only outside such a block.
 */
export function splitStatements(text: string): string[] {
  const withoutComments = text.replace(/--[^\n]*/g, '');
  const statements: string[] = [];
  let current = '';
  let depth = 0;
  for (const token of withoutComments.split(/(;|\bBEGIN\b|\bEND\b)/i)) {
    const upper = token.toUpperCase();
    if (upper === 'BEGIN') depth++;
    if (upper === 'END' && depth > 0) depth--;
    if (token === ';' && depth === 0) {
      if (current.trim()) statements.push(current.trim());
      current = '';
    } else {
      current += token;
    }
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}
