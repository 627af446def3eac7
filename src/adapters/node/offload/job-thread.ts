/**
 * What each worker thread runs: the same inline jobs as Workers and the CLI (app/jobs.ts), on
 * this thread's own SQLite connection to the same file and its own view of the feeds folder.
 * WAL lets this connection write while the serving thread reads; writers take turns (the
 * busy_timeout of sqlite-database.ts), each write being one short transaction.
 */
import { createInlineJobs } from '../../../app/jobs.ts';
import { nodeOutbound } from '../node-adapters.ts';
import { startBackgroundThread } from './background-thread.ts';
import { type JobTask, type PublishedInThread, runTask } from './job-task.ts';
import { renderInThread } from './render-in-thread.ts';

const { config, store, sink, log } = startBackgroundThread();
const jobs = createInlineJobs({
  store,
  sink,
  renderElsewhere: renderInThread(config, sink), // a large publish uses a second core
  config,
  log,
  ...nodeOutbound(config),
  now: () => new Date(), // no clock is injected into a thread: tests that set one run the jobs inline
});

export default async function run(task: JobTask): Promise<unknown> {
  if (task.job !== 'publishFeeds') return runTask(jobs, task);
  const published = await jobs.publishFeeds(...task.args);
  const answer: PublishedInThread = { run: published, files: sink.describeFiles(published.feedsWritten) };
  return answer;
}
