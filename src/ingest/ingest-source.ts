import type { Source } from '../domain/source.ts';
import type { Logger } from '../log.ts';
import { FetchError } from './fetch/fetch-error.ts';
import { fetchFeed } from './fetch/fetch-feed.ts';
import type { FetchSourceOptions } from './fetch/fetch-source.ts';
import type { FetchedJob, RecordFetched, SourceOutcome } from './record-fetched.ts';

export type { SourceOutcome } from './record-fetched.ts';

export interface IngestDeps {
  fetchOptions: Omit<FetchSourceOptions, 'signal'>;
  /** Everything after the network (recordFetched): inline, or in a worker thread on Node. */
  record: RecordFetched;
  log: Logger;
  now: () => number;
}

/**
 * One source, start to end: fetch here, then parse -> normalize -> store through `record`,
 * with its health recorded on its row. Only the network runs on this thread, so a long parse
 * elsewhere never eats into another fetch's timeouts.
 */
export async function ingestSource(source: Source, deps: IngestDeps, signal?: AbortSignal): Promise<SourceOutcome> {
  const startedMs = deps.now();
  const job: FetchedJob = { source, startedMs };
  try {
    const { fetched, movedTo } = await fetchFeed(source, { ...deps.fetchOptions, ...(signal ? { signal } : {}) });
    job.fetched = fetched;
    if (movedTo) job.movedTo = movedTo;
  } catch (error) {
    if (signal?.aborted) return stopped(source, deps.now() - startedMs);
    const message = error instanceof Error ? error.message : String(error);
    if (!(error instanceof FetchError)) {
      // A bug nobody foresaw: still this source's failure, never the cycle's.
      deps.log.error('ingest: unexpected error', { source_id: source.id, source_url: source.url, error });
      job.failure = { stage: 'ingest', message };
    } else {
      job.failure = { stage: 'fetch-source', message };
      if (error.status !== undefined) job.failure.status = error.status;
      if (error.retryAfterSeconds !== undefined) job.failure.retryAfterSeconds = error.retryAfterSeconds;
    }
  }
  const outcome = await deps.record(job);
  return { ...outcome, durationMs: deps.now() - startedMs };
}

function stopped(source: Source, durationMs: number): SourceOutcome {
  return {
    sourceId: source.id,
    url: source.url,
    isModified: false,
    error: 'stopped before it finished',
    inserted: 0,
    updated: 0,
    removed: 0,
    itemsStored: source.health.itemsStored,
    durationMs,
  };
}
