import { applyD1Migrations, reset } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { expect, it } from 'vitest';
import { createD1Database, D1_MAX_BOUND_PARAMETERS } from '../../src/adapters/workers/d1-database.ts';
import { createSqlStore } from '../../src/store/sql-store.ts';
import { describeSqlDatabaseContract } from '../sql-database-contract.ts';
import { describeStoreContract } from '../store-contract.ts';

/**
 * The same contract as tests/sqlite-store.test.ts, here against D1 inside
 * workerd. Each test starts from an empty database: reset() drops all
 * storage, then the migrations from src/store/migrations run again.
 */
async function openDatabase() {
  await reset();
  await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
  return { db: createD1Database(env.DB), close: async () => {} };
}

describeSqlDatabaseContract('D1 in workerd', openDatabase);

describeStoreContract('D1 in workerd', async () => {
  const { db, close } = await openDatabase();
  return { store: createSqlStore(db), close };
});

it("refuses a statement over D1's bound-parameter limit before sending it", async () => {
  const { db } = await openDatabase();
  const params = Array.from({ length: D1_MAX_BOUND_PARAMETERS + 1 }, (_, i) => i);
  const placeholders = params.map(() => '?').join(', ');
  await expect(db.all(`SELECT * FROM articles WHERE revision IN (${placeholders})`, params)).rejects.toThrow(
    /101 bound parameters exceed D1's limit of 100/,
  );
  const limit = params.slice(1);
  expect(await db.all(`SELECT id FROM articles WHERE revision IN (${limit.map(() => '?').join(', ')})`, limit)).toEqual(
    [],
  );
});
