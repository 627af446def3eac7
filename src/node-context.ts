import type { Config } from './config.ts';
import { createConnectGuardedFetch } from './ingest/connect-guarded-fetch.ts';
import { createIngester } from './ingest/create-ingester.ts';
import { resolveHostWithDns } from './ingest/resolve-host-with-dns.ts';
import { createIngestCycle, type IngestOne } from './ingest/run-ingest-cycle.ts';
import type { Logger } from './log.ts';
import type { FeedSink } from './publish/feed-sink.ts';
import { createFsFeedSink } from './publish/fs-feed-sink.ts';
import { createPublisher, type Publisher } from './publish/publisher.ts';
import { createRelatedRefreshHooks } from './related-refresh-hooks.ts';
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
  /** Ingests one external source now (the pipeline bound to this context). */
  ingest: IngestOne;
  /** Runs ingest cycles one at a time over the due sources. */
  ingestCycle: ReturnType<typeof createIngestCycle>;
  /** After an article is saved: its related links (and those it affects) are refreshed. */
  afterArticleChange: (article: { id: string }) => Promise<void>;
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
  const ingest = createIngester({
    store,
    // The guard also checks the address each socket connects to (DNS rebinding).
    fetch: createConnectGuardedFetch({ allowPrivateNetworks: config.ingest.allowPrivateNetworks }),
    resolveHost: resolveHostWithDns,
    settings: config.ingest,
    publicUrl: config.publicUrl,
    log,
    now: () => now().getTime(),
  });
  const cycle = createIngestCycle({
    store,
    ingest,
    concurrency: config.ingest.concurrency,
    claimMs: config.ingest.claimMs,
    log,
    now: () => now().getTime(),
  });
  const related = createRelatedRefreshHooks({ store, log, now, siteUrl: config.siteUrl });
  // After a cycle that stored items: related links for the articles those items relate to.
  const ingestCycle: typeof cycle = {
    get isRunning() {
      return cycle.isRunning;
    },
    stop: (mode) => cycle.stop(mode),
    async run(options) {
      const summary = await cycle.run(options);
      await related.afterCycle(summary);
      return summary;
    },
  };
  return {
    config,
    log,
    db,
    store,
    sink,
    publisher,
    // "Ingest this source now" (admin API, CLI) refreshes related links as a cycle does.
    ingest: related.refreshingAfter(ingest),
    ingestCycle,
    afterArticleChange: related.afterArticleChange,
    now,
    async close() {
      await ingestCycle.stop('abort');
      await publisher.idle();
      db.close();
    },
  };
}
