import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMigrations, openSqliteDatabase } from '../src/adapters/node/sqlite-database.ts';
import { migrate } from '../src/store/migrate.ts';
import { createSqlStore } from '../src/store/sql-store.ts';
import { describeSqlDatabaseContract } from './sql-database-contract.ts';
import { describeStoreContract } from './store-contract.ts';

/** A real SQLite file in its own temp dir, migrated from src/store/migrations. */
async function openDatabase() {
  const dir = await mkdtemp(join(tmpdir(), 'tidings-store-'));
  const db = openSqliteDatabase(join(dir, 'tidings.db'));
  await migrate(db, loadMigrations());
  return {
    db,
    async close() {
      db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

describeSqlDatabaseContract('SQLite file', openDatabase);

describeStoreContract('SQLite file', async () => {
  const { db, close } = await openDatabase();
  return { store: createSqlStore(db), close };
});
