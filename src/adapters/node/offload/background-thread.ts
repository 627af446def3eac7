import { workerData } from 'node:worker_threads';
import type { Config } from '../../../config.ts';
import { createLogger, type Logger } from '../../../log.ts';
import { createSqlStore } from '../../../store/sql-store.ts';
import type { Store } from '../../../store/store.ts';
import { createFsFeedSink, type FsFeedSink } from '../fs-feed-sink.ts';
import { BACKGROUND_BUSY_TIMEOUT_MS, openSqliteDatabase } from '../sqlite-database.ts';
import { lowerThreadPriority } from './lower-thread-priority.ts';

export interface BackgroundThread {
  config: Config;
  store: Store;
  sink: FsFeedSink;
  log: Logger;
}

/**
 * What every background thread (job-thread.ts, render-thread.ts) starts with, so that each keeps
 * the same three rules:
 * - it runs below the serving thread's priority, so polls come first when the cores are busy;
 * - its own SQLite connection waits long for the write lock (background work can wait its turn,
 *   where a failure would cost a whole run);
 * - its sink keeps no document bodies: it serves no poll and reads back nothing it wrote (the
 *   hub reads each topic once per chunk), and kept bodies would cost up to 64 MiB per thread.
 */
export function startBackgroundThread(): BackgroundThread {
  const { config } = workerData as { config: Config };
  lowerThreadPriority(config.workerNice);
  const db = openSqliteDatabase(config.databasePath, { busyTimeoutMs: BACKGROUND_BUSY_TIMEOUT_MS });
  return {
    config,
    store: createSqlStore(db),
    sink: createFsFeedSink(config.feedsDir, { maxCachedBytes: 0 }),
    log: createLogger(config.logLevel),
  };
}
