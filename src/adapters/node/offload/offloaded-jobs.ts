import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { Jobs } from '../../../app/jobs.ts';
import type { Config } from '../../../config.ts';
import { type IngestRefreshSteps, refreshInParts } from '../../../related/refresh-after-ingest.ts';
import type { FsFeedSink } from '../fs-feed-sink.ts';
import type { JobTask, PublishedInThread } from './job-task.ts';
import { typeScriptExecArgv } from './thread-exec-argv.ts';

export interface OffloadOptions {
  /** Worker threads (WORKER_THREADS): each parses, renders and writes on its own connection. */
  threads: number;
  /** The serving thread's feed sink: it takes on what a publish in a thread wrote, before anyone is told. */
  feeds: FsFeedSink;
}

/**
 * The Jobs port on a pool of worker threads (piscina): the serving thread only fetches
 * (network time, so a long parse never eats into another fetch's timeouts), claims nothing
 * and writes nothing while it ingests or publishes, sends no WebSub request, and answers
 * polls from memory whatever runs. A fetched body's buffer is moved to the thread, not copied.
 */
export function createOffloadedJobs(config: Config, { threads, feeds }: OffloadOptions): Jobs {
  const pool = new Piscina({
    filename: fileURLToPath(new URL('./job-thread.ts', import.meta.url)),
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: Number.POSITIVE_INFINITY,
    workerData: { config },
    execArgv: typeScriptExecArgv(),
  });
  const run = <T>(task: JobTask, transferList?: ArrayBuffer[]) =>
    pool.run(task, transferList ? { transferList } : {}) as Promise<T>;
  const related: IngestRefreshSteps = {
    planIngestRefresh: (...args) => run({ job: 'planIngestRefresh', args }),
    relateItems: (...args) => run({ job: 'relateItems', args }),
    saveItemLinks: (...args) => run({ job: 'saveItemLinks', args }),
  };
  return {
    recordFetched(job) {
      const body = job.fetched?.body;
      // Only a buffer the body owns whole may move; a view into a shared one is copied instead.
      const owned = body && body.byteOffset === 0 && body.byteLength === body.buffer.byteLength;
      return run({ job: 'recordFetched', args: [job] }, owned ? [body.buffer as ArrayBuffer] : undefined);
    },
    claimDueSources: (...args) => run({ job: 'claimDueSources', args }),
    ...related,
    // One refresh spread over every thread: each relates a share of the items, then saves a share of the articles.
    refreshRelatedSince: (since, options) => refreshInParts(related, since, options, threads),
    refreshRelatedForArticle: (...args) => run({ job: 'refreshRelatedForArticle', args }),
    async publishFeeds(...args) {
      const { run: result, files } = await run<PublishedInThread>({ job: 'publishFeeds', args });
      feeds.adoptFiles(files);
      return result;
    },
    runHubWork: (...args) => run({ job: 'runHubWork', args }),
    close: () => pool.close(),
  };
}
