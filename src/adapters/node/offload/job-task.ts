import type { Jobs } from '../../../app/jobs.ts';

/** One call of a Jobs method, as plain data: what the serving thread posts to a worker thread. */
export type JobTask = {
  [K in Exclude<keyof Jobs, 'close'>]: { job: K; args: Parameters<Jobs[K]> };
}[Exclude<keyof Jobs, 'close'>];

/** Runs a task on jobs (the worker thread's inline jobs). */
export function runTask(jobs: Jobs, task: JobTask): Promise<unknown> {
  const method = jobs[task.job] as (...args: unknown[]) => Promise<unknown>;
  return method(...task.args);
}
