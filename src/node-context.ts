import type { Config } from './config.ts';
import type { Logger } from './log.ts';
import type { FeedSink } from './publish/feed-sink.ts';
import { createFsFeedSink } from './publish/fs-feed-sink.ts';
import { createPublisher, type Publisher } from './publish/publisher.ts';
import { renderers } from './render/index.ts';
import { migrate } from './store/migrate.ts';
import { createSqlStore } from './store/sql-store.ts';
import { loadMigrations, openSqliteDatabase, type SqliteDatabase } from './store/sqlite-database.ts';
import type { Store } from './store/store.ts';

/** The Node adapters, wired once and shared by the server (node.ts) and the CLI (cli.ts). */
export interface NodeContext {
  config: Config;
  log: Logger;
  db: SqliteDatabase;
  store: Store;
  sink: FeedSink;
  publisher: Publisher;
  now: () => Date;
  close(): Promise<void>;
}

export async function openNodeContext(
  config: Config,
  log: Logger,
  now: () => Date = () => new Date(),
): Promise<NodeContext> {
  const db = openSqliteDatabase(config.databasePath);
  const applied = await migrate(db, loadMigrations());
  if (applied.length)
    log.info('store: migrations applied', { migrations: applied, database_path: config.databasePath });
  const store = createSqlStore(db);
  const sink = createFsFeedSink(config.feedsDir);
  const publisher = createPublisher({ store, sink, renderers, settings: config, now, log });
  return {
    config,
    log,
    db,
    store,
    sink,
    publisher,
    now,
    async close() {
      await publisher.idle();
      db.close();
    },
  };
}
