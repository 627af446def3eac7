/**
 * What each worker thread runs: the same inline jobs as Workers and the CLI (app/jobs.ts), on
 * this thread's own SQLite connection to the same file and its own view of the feeds folder.
 * WAL lets this connection write while the serving thread reads; writers take turns (the
 * busy_timeout of sqlite-database.ts), each write being one short transaction.
 */
import { workerData } from 'node:worker_threads';
import { createInlineJobs } from '../../../app/jobs.ts';
import type { Config } from '../../../config.ts';
import { createLogger } from '../../../log.ts';
import { createSqlStore } from '../../../store/sql-store.ts';
import { createFsFeedSink } from '../fs-feed-sink.ts';
import { nodeOutbound } from '../node-adapters.ts';
import { BACKGROUND_BUSY_TIMEOUT_MS, openSqliteDatabase } from '../sqlite-database.ts';
import { type JobTask, type PublishedInThread, runTask } from './job-task.ts';
import { lowerThreadPriority } from './lower-thread-priority.ts';
import { renderInThread } from './render-in-thread.ts';

const { config } = workerData as { config: Config };
lowerThreadPriority(config.workerNice); // polls first when the cores are busy
const db = openSqliteDatabase(config.databasePath, { busyTimeoutMs: BACKGROUND_BUSY_TIMEOUT_MS });
// No bodies kept here: this thread serves no poll, and the hub reads each topic once per chunk.
// Kept, they cost up to 64 MiB per thread (the serving thread's sink keeps the ones polled).
const sink = createFsFeedSink(config.feedsDir, { maxCachedBytes: 0 });
const jobs = createInlineJobs({
  store: createSqlStore(db),
  sink,
  renderElsewhere: renderInThread(config, sink), // a large publish uses a second core
  config,
  log: createLogger(config.logLevel),
  ...nodeOutbound(config),
  now: () => new Date(), // no clock is injected into a thread: tests that set one run the jobs inline
});

export default async function run(task: JobTask): Promise<unknown> {
  if (task.job !== 'publishFeeds') return runTask(jobs, task);
  const published = await jobs.publishFeeds(...task.args);
  const answer: PublishedInThread = { run: published, files: sink.describeFiles(published.feedsWritten) };
  return answer;
}
