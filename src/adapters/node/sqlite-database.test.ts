import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UnavailableError } from '../../domain/errors.ts';
import { sql } from '../../store/sql-database.ts';
import { openSqliteDatabase, type SqliteDatabase } from './sqlite-database.ts';

describe('a SQLite connection while another holds the write lock', () => {
  let dir: string;
  let holder: SqliteDatabase;
  let waiter: SqliteDatabase;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tidings-sqlite-'));
    holder = openSqliteDatabase(join(dir, 'tidings.db'));
    await holder.batch([sql('CREATE TABLE notes (text TEXT NOT NULL)')]);
    waiter = openSqliteDatabase(join(dir, 'tidings.db'), { busyTimeoutMs: 50 });
  });
  afterEach(async () => {
    holder.close();
    waiter.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers a write whose wait ran out with an UnavailableError that says so, and writes once the lock is free', async () => {
    holder.raw.prepare('BEGIN IMMEDIATE').run(); // a long write in another thread
    const refused = waiter.batch([sql('INSERT INTO notes (text) VALUES (?)', 'from the waiter')]);
    await expect(refused).rejects.toThrow(UnavailableError);
    await expect(refused).rejects.toThrow(/database is busy with another write/);
    // WAL: reads go on meanwhile.
    expect(await waiter.all('SELECT text FROM notes')).toEqual([]);
    holder.raw.prepare('COMMIT').run();
    await waiter.batch([sql('INSERT INTO notes (text) VALUES (?)', 'from the waiter')]);
    expect(await holder.all('SELECT text FROM notes')).toEqual([{ text: 'from the waiter' }]);
  });

  it('takes the write lock as a batch begins, so a write committed elsewhere after its first read cannot fail it', async () => {
    // Another thread's write, committed between the batch's first read and its first write: in a
    // deferred transaction that write would fail at once (SQLITE_BUSY_SNAPSHOT, no waiting).
    holder.raw.function('write_elsewhere', () => {
      try {
        waiter.raw.prepare("INSERT INTO notes (text) VALUES ('elsewhere')").run();
        return 1;
      } catch {
        return 0; // the waiter found the write lock taken
      }
    });
    const [, written] = await holder.batch([
      sql('SELECT write_elsewhere() AS wrote FROM (SELECT count(*) FROM notes)'),
      sql("INSERT INTO notes (text) VALUES ('the batch')"),
    ]);
    expect(written).toBe(1);
    expect(await holder.all('SELECT text FROM notes')).toEqual([{ text: 'the batch' }]);
  });

  it('leaves any other error as it was', async () => {
    const missing = waiter.all('SELECT text FROM nowhere');
    await expect(missing).rejects.toThrow(/no such table: nowhere/);
    await expect(missing).rejects.not.toThrow(UnavailableError);
  });
});
