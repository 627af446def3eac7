/**
 * The ingest refresh of bench/related-perf.ts as the Node service runs it (WORKER_THREADS):
 * spread over worker threads, each on its own connection to a copy of the same archive, and
 * the stored links compared with the inline run's, row for row.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFsFeedSink } from '../../src/adapters/node/fs-feed-sink.ts';
import { createOffloadedJobs } from '../../src/adapters/node/offload/offloaded-jobs.ts';
import { openSqliteDatabase, type SqliteDatabase } from '../../src/adapters/node/sqlite-database.ts';
import { loadConfig } from '../../src/config.ts';
import type { RefreshOptions, RefreshResult } from '../../src/related/refresh-related.ts';

export interface TimedRefresh {
  result: RefreshResult;
  ms: number;
  /** This process's CPU time (every thread) during the refresh. */
  cpuMs: number;
}

/** Times `refresh`, wall and CPU. */
export async function timeRefresh(refresh: () => Promise<RefreshResult>): Promise<TimedRefresh> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await refresh();
  const ms = performance.now() - start;
  const { user, system } = process.cpuUsage(cpu);
  return { result, ms, cpuMs: (user + system) / 1000 };
}

/** A copy of the archive `db` holds (checkpointed first), for the threaded run. */
export function copyArchive(db: SqliteDatabase, dir: string): string {
  db.raw.pragma('wal_checkpoint(TRUNCATE)');
  const path = join(dir, 'threaded.db');
  copyFileSync(db.raw.name, path);
  return path;
}

/** The refresh after the ingest that started at `since`, in `threads` worker threads on `path`. */
export async function refreshInThreads(
  path: string,
  threads: number,
  since: string,
  options: RefreshOptions,
): Promise<TimedRefresh> {
  const config = loadConfig({ DATABASE_PATH: path, FEEDS_DIR: join(path, '..', 'feeds'), LOG_LEVEL: 'silent' });
  const jobs = createOffloadedJobs(config, { threads, feeds: createFsFeedSink(config.feedsDir) });
  try {
    // Threads started and their modules loaded before the clock starts, as in a running service.
    await Promise.all(Array.from({ length: threads }, () => jobs.planIngestRefresh(since, 1)));
    return await timeRefresh(() => jobs.refreshRelatedSince(since, options));
  } finally {
    await jobs.close?.();
  }
}

/** Whether the two archives hold the same related links and article revisions, and how many links. */
export async function sameLinks(db: SqliteDatabase, path: string): Promise<{ same: boolean; rows: number }> {
  const other = openSqliteDatabase(path);
  try {
    const read = async (d: SqliteDatabase) =>
      JSON.stringify([
        await d.all('SELECT * FROM related_links ORDER BY article_id, position'),
        await d.all('SELECT id, revision FROM articles ORDER BY id'),
      ]);
    const rows = (await db.first<{ n: number }>('SELECT count(*) AS n FROM related_links'))?.n ?? 0;
    return { same: (await read(db)) === (await read(other)), rows };
  } finally {
    other.close();
  }
}
