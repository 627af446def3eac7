import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqlDatabase } from '../src/store/sql-database.ts';
import { sql } from '../src/store/sql-database.ts';

export interface OpenedDatabase {
  db: SqlDatabase;
  close(): Promise<void>;
}

/**
 * The SqlDatabase port underneath the one Store: what each engine's driver
 * must guarantee, chiefly that a batch runs whole or not at all.
 * `openDatabase` gives an empty, migrated database.
 */
export function describeSqlDatabaseContract(name: string, openDatabase: () => Promise<OpenedDatabase>): void {
  describe(`SqlDatabase contract: ${name}`, () => {
    let opened: OpenedDatabase;
    const db = () => opened.db;
    beforeEach(async () => {
      opened = await openDatabase();
      await db().batch([sql('CREATE TABLE probe (k TEXT PRIMARY KEY, v INTEGER, note TEXT)')]);
    });
    afterEach(() => opened.close());

    it('reports the rows each statement of a batch changed', async () => {
      const changes = await db().batch([
        sql('INSERT INTO probe (k, v) VALUES (?, ?), (?, ?)', 'a', 1, 'b', 2),
        sql('UPDATE probe SET v = v + 1'),
        sql("DELETE FROM probe WHERE k = 'none'"),
      ]);
      expect(changes).toEqual([2, 2, 0]);
    });

    it('runs a batch all or nothing: a failing statement undoes the ones before it', async () => {
      await db().batch([sql("INSERT INTO probe (k, v) VALUES ('a', 1)")]);
      const failing = db().batch([
        sql("UPDATE probe SET v = 99 WHERE k = 'a'"),
        sql("INSERT INTO probe (k, v) VALUES ('b', 2)"),
        sql("INSERT INTO probe (k, v) VALUES ('a', 3)"), // primary key taken
      ]);
      await expect(failing).rejects.toThrow(/UNIQUE constraint failed/);
      expect(await db().all('SELECT k, v FROM probe ORDER BY k')).toEqual([{ k: 'a', v: 1 }]);
    });

    it('binds text, numbers and null, and reads them back as the same values', async () => {
      await db().batch([sql('INSERT INTO probe (k, v, note) VALUES (?, ?, ?)', 'ünï “code”', 42, null)]);
      expect(await db().first('SELECT k, v, note FROM probe')).toEqual({ k: 'ünï “code”', v: 42, note: null });
    });

    it('answers undefined from first() and [] from all() when no row matches', async () => {
      expect(await db().first('SELECT * FROM probe WHERE k = ?', ['nope'])).toBeUndefined();
      expect(await db().all('SELECT * FROM probe')).toEqual([]);
    });

    it('accepts an empty batch', async () => {
      expect(await db().batch([])).toEqual([]);
    });
  });
}
