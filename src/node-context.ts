import type { Config } from './config.ts';
import { createIngester } from './ingest/create-ingester.ts';
import { resolveHostWithDns } from './ingest/resolve-host-with-dns.ts';
import { createIngestCycle, type IngestOne } from './ingest/run-ingest-cycle.ts';
import type { Logger } from './log.ts';
import type { FeedSink } from './publish/feed-sink.ts';
import { createFsFeedSink } from './publish/fs-feed-sink.ts';
import { createPublisher, type Publisher } from './publish/publisher.ts';
import { refreshRelatedForArticle, refreshRelatedSince } from './related/refresh-related.ts';
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
  /** How long a cycle's claim on a source holds: a little over two fetch timeouts. */
  ingestClaimMs: number;
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
    fetch: globalThis.fetch,
    resolveHost: resolveHostWithDns,
    settings: config.ingest,
    publicUrl: config.publicUrl,
    log,
    now: () => now().getTime(),
  });
  const ingestClaimMs = 2 * config.ingest.timeoutMs + 60_000;
  const cycle = createIngestCycle({
    store,
    ingest,
    concurrency: config.ingest.concurrency,
    claimMs: ingestClaimMs,
    log,
    now: () => now().getTime(),
  });
  const relatedOptions = () => ({ now: now().toISOString(), siteUrl: config.siteUrl });
  const refreshAfterIngest = async (since: string) => {
    try {
      const related = await refreshRelatedSince(store, since, relatedOptions());
      log.info('related: refreshed after ingest', {
        articles: related.refreshed.length,
        changed: related.changed.length,
      });
    } catch (error) {
      log.error('related: refresh after ingest failed', { error });
    }
  };
  // "Ingest this source now" (admin API, CLI): the same refresh as after a cycle.
  const ingestNow: IngestOne = async (source, signal) => {
    const since = now().toISOString();
    const outcome = await ingest(source, signal);
    if (outcome.inserted + outcome.updated > 0) await refreshAfterIngest(since);
    return outcome;
  };
  // After a cycle that stored items: related links for the articles those items relate to.
  const ingestCycle: typeof cycle = {
    get isRunning() {
      return cycle.isRunning;
    },
    stop: (mode) => cycle.stop(mode),
    async run(options) {
      const summary = await cycle.run(options);
      if (!summary.isSkipped && summary.inserted + summary.updated > 0) await refreshAfterIngest(summary.startedAt);
      return summary;
    },
  };
  // The article is saved by then; a failed refresh is logged, and the next save or ingest retries it.
  const afterArticleChange = async (article: { id: string }) => {
    try {
      await refreshRelatedForArticle(store, article.id, relatedOptions());
    } catch (error) {
      log.error('related: refresh after save failed', { article_id: article.id, error });
    }
  };
  return {
    config,
    log,
    db,
    store,
    sink,
    publisher,
    ingest: ingestNow,
    ingestCycle,
    ingestClaimMs,
    afterArticleChange,
    now,
    async close() {
      await ingestCycle.stop('abort');
      await publisher.idle();
      db.close();
    },
  };
}
