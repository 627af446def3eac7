import { join } from 'node:path';
import type { ServiceAdapters } from '../../app/create-services.ts';
import type { Config } from '../../config.ts';
import type { Logger } from '../../log.ts';
import { migrate } from '../../store/migrate.ts';
import { createConnectGuardedFetch } from './connect-guarded-fetch.ts';
import { sweepStaleTempFiles } from './feed-temp-files.ts';
import { createFsFeedSink } from './fs-feed-sink.ts';
import { createFsMediaStat } from './fs-media-stat.ts';
import { createOffloadedJobs } from './offload/offloaded-jobs.ts';
import { resolveHostWithDns } from './resolve-host-with-dns.ts';
import { loadMigrations, openSqliteDatabase, type SqliteDatabase } from './sqlite-database.ts';

export interface NodeAdapters extends ServiceAdapters {
  db: SqliteDatabase;
}

/** Outbound requests on Node: fetch guarded at connect time too, and node:dns for the SSRF guard. */
export function nodeOutbound(config: Config): Pick<ServiceAdapters, 'fetch' | 'resolveHost'> {
  return {
    fetch: createConnectGuardedFetch({ allowNetworks: config.outboundAllowNetworks }),
    resolveHost: resolveHostWithDns,
  };
}

/**
 * The Node runtime: the SQLite file (migrated before anything reads it), the
 * feeds folder, node:dns, and fetch guarded at connect time as well, so the
 * address a socket uses is the one the SSRF guard checked (DNS rebinding).
 * With WORKER_THREADS > 0 the heavy jobs run in worker threads, each with its
 * own connection to the file (an in-memory database has no file to share: inline).
 */
export async function openNodeAdapters(config: Config, log: Logger): Promise<NodeAdapters> {
  const db = openSqliteDatabase(config.databasePath);
  const applied = await migrate(db, loadMigrations());
  if (applied.length)
    log.info('store: migrations applied', { migrations: applied, database_path: config.databasePath });
  // Before anything of ours publishes: temp files of a failed or killed writer would stay forever.
  const swept = sweepStaleTempFiles(config.feedsDir);
  if (swept.length) log.warn('feeds: stale temp files removed', { count: swept.length, feeds_dir: config.feedsDir });
  const feeds = createFsFeedSink(config.feedsDir);
  const threads = config.databasePath === ':memory:' ? 0 : config.workerThreads;
  const jobs = threads > 0 ? createOffloadedJobs(config, { threads, feeds }) : undefined;
  return {
    db,
    feeds,
    ...nodeOutbound(config),
    // The folder /media/ is served from (node.ts): the sample images.
    statMedia: createFsMediaStat(join(config.seedDir, 'images')),
    ...(jobs && { jobs }),
    async close() {
      await jobs?.close?.();
      db.close();
    },
  };
}
