import cron from 'node-cron';

export interface ScheduledJob {
  name: string;
  /** A cron expression (PUBLISH_SCHEDULE, INGEST_SCHEDULE). */
  schedule: string;
  run(): Promise<unknown>;
}

/**
 * node-cron runs each job on its schedule; a job still running when it is due
 * again is skipped (noOverlap), so a slow publish or ingest never piles up.
 * Returns a function that stops every job.
 */
export function scheduleJobs(jobs: ScheduledJob[]): () => Promise<void> {
  const tasks = jobs.map((job) =>
    cron.schedule(job.schedule, () => job.run().then(() => {}), { name: job.name, noOverlap: true }),
  );
  return async () => {
    await Promise.all(tasks.map((task) => task.stop()));
  };
}
