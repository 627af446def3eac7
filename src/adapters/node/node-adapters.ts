import { join } from 'node:path';
import type { ServiceAdapters } from '../../app/create-services.ts';
import type { Config } from '../../config.ts';
import type { Logger } from '../../log.ts';
import { migrate } from '../../store/migrate.ts';
import { createConnectGuardedFetch } from './connect-guarded-fetch.ts';
import { createFsFeedSink } from './fs-feed-sink.ts';
import { createFsMediaStat } from './fs-media-stat.ts';
import { resolveHostWithDns } from './resolve-host-with-dns.ts';
import { loadMigrations, openSqliteDatabase, type SqliteDatabase } from './sqlite-database.ts';

export interface NodeAdapters extends ServiceAdapters {
  db: SqliteDatabase;
}

/**
 * The Node runtime: the SQLite file (migrated before anything reads it), the
 * feeds folder, node:dns, and fetch guarded at connect time as well, so the
 * address a socket uses is the one the SSRF guard checked (DNS rebinding).
 */
export async function openNodeAdapters(config: Config, log: Logger): Promise<NodeAdapters> {
  const db = openSqliteDatabase(config.databasePath);
  const applied = await migrate(db, loadMigrations());
  if (applied.length)
    log.info('store: migrations applied', { migrations: applied, database_path: config.databasePath });
  return {
    db,
    feeds: createFsFeedSink(config.feedsDir),
    fetch: createConnectGuardedFetch({ allowNetworks: config.outboundAllowNetworks }),
    resolveHost: resolveHostWithDns,
    // The folder /media/ is served from (node.ts): the sample images.
    statMedia: createFsMediaStat(join(config.seedDir, 'images')),
    close: () => db.close(),
  };
}
