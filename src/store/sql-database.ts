/**
 * The little SQL each engine must offer: reads, and an atomic batch of writes.
 * better-sqlite3 runs a batch in one transaction; D1 runs it with db.batch(),
 * which is also a transaction. Store methods are written as "read, then one
 * batch", so the same SQL and the same guarantees hold on both engines.
 */
export type SqlValue = string | number | null;

export interface SqlStatement {
  sql: string;
  params: SqlValue[];
}

export interface SqlDatabase {
  all<T>(sql: string, params?: SqlValue[]): Promise<T[]>;
  first<T>(sql: string, params?: SqlValue[]): Promise<T | undefined>;
  /** Runs every statement or none; returns the rows changed by each. */
  batch(statements: SqlStatement[]): Promise<number[]>;
}

export function sql(text: string, ...params: SqlValue[]): SqlStatement {
  return { sql: text, params };
}
