import type { Jobs } from '../../../app/jobs.ts';
import type { PublishResult } from '../../../publish/publish-feeds.ts';
import type { WrittenFile } from '../fs-feed-sink.ts';

/** One call of a Jobs method, as plain data: what the serving thread posts to a worker thread. */
export type JobTask = {
  [K in Exclude<keyof Jobs, 'close'>]: { job: K; args: Parameters<Jobs[K]> };
}[Exclude<keyof Jobs, 'close'>];

/** Runs a task on jobs (the worker thread's inline jobs). */
export function runTask(jobs: Jobs, task: JobTask): Promise<unknown> {
  const method = jobs[task.job] as (...args: unknown[]) => Promise<unknown>;
  return method(...task.args);
}

/**
 * What a publish in a thread answers: the run, and the files it wrote as the thread's sink knows
 * them, so the serving thread's sink takes them on without reading and hashing each one again
 * (after a full publish that was 7,653 files, 562 MB, on the thread that answers polls).
 */
export interface PublishedInThread {
  run: PublishResult;
  files: WrittenFile[];
}
