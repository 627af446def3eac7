import type { Source } from '../domain/source.ts';
import type { Logger } from '../log.ts';
import type { SourceStore } from '../store/store.ts';
import type { SourceOutcome } from './ingest-source.ts';

export type IngestOne = (source: Source, signal?: AbortSignal) => Promise<SourceOutcome>;

export interface IngestCycleDeps {
  /** Claims are writes: on Node they run in the worker thread that does the other background writes. */
  store: Pick<SourceStore, 'claimDueSources'>;
  ingest: IngestOne;
  /** Sources fetched at once (8 on Node; at most 6 on Workers, its outbound connection limit). */
  concurrency: number;
  /** How long a claim holds: longer than a fetch can take, so a crashed run frees its sources soon. */
  claimMs: number;
  log: Logger;
  now?: () => number;
  /** Stop after this many sources (Workers: stay within one invocation's limits; the rest wait for the next trigger). */
  maxSources?: number;
  /** Runs after each cycle that was not skipped, before run() resolves (e.g. a related-links refresh). */
  afterCycle?: (summary: CycleSummary) => Promise<void>;
}

export interface CycleOptions {
  /** Aborts in-flight fetches: the cycle ends as soon as they unwind. */
  signal?: AbortSignal;
  /** Stops taking new sources; those in flight finish and are recorded. */
  drain?: AbortSignal;
  onProgress?: (outcome: SourceOutcome, done: number) => void;
}

export interface CycleSummary {
  startedAt: string;
  durationMs: number;
  sources: number;
  succeeded: number;
  notModified: number;
  failed: number;
  inserted: number;
  updated: number;
  removed: number;
  isAborted: boolean;
  /** True when the previous cycle was still running, so this one did nothing. */
  isSkipped: boolean;
}

export interface IngestCycle {
  readonly isRunning: boolean;
  run(options?: CycleOptions): Promise<CycleSummary>;
  stop(mode?: 'drain' | 'abort'): Promise<void>;
}

/**
 * Runs cycles one at a time: a cycle started while one is running is skipped. stop('drain')
 * lets the sources in flight finish; stop('abort') aborts their fetches; both wait for the
 * cycle to wind down. Claims in the store keep two processes (or a doubled Cron Trigger)
 * from fetching the same source.
 */
export function createIngestCycle(deps: IngestCycleDeps): IngestCycle {
  let running: Promise<CycleSummary> | undefined;
  const stopping = new AbortController();
  const draining = new AbortController();
  return {
    get isRunning() {
      return running !== undefined;
    },
    async run(options: CycleOptions = {}): Promise<CycleSummary> {
      const now = deps.now ?? Date.now;
      if (running || draining.signal.aborted) return { ...emptySummary(now()), isSkipped: true };
      const signal = options.signal ? AbortSignal.any([options.signal, stopping.signal]) : stopping.signal;
      const drain = options.drain ? AbortSignal.any([options.drain, draining.signal]) : draining.signal;
      const cycle = async () => {
        const summary = await runIngestCycle(deps, { ...options, signal, drain });
        await deps.afterCycle?.(summary);
        return summary;
      };
      running = cycle().finally(() => {
        running = undefined;
      });
      return running;
    },
    async stop(mode: 'drain' | 'abort' = 'abort'): Promise<void> {
      draining.abort();
      if (mode === 'abort') stopping.abort();
      await running?.catch(() => {});
    },
  };
}

/** One cycle: claim due sources a few at a time and run them through a bounded pool of workers. */
export async function runIngestCycle(deps: IngestCycleDeps, options: CycleOptions = {}): Promise<CycleSummary> {
  const now = deps.now ?? Date.now;
  const summary = emptySummary(now());
  const queue: Source[] = [];
  let claimed = 0;
  let isExhausted = false;
  let refill: Promise<void> | undefined;

  const next = async (): Promise<Source | undefined> => {
    for (;;) {
      if (options.signal?.aborted || options.drain?.aborted) return undefined;
      const source = queue.shift();
      if (source) return source;
      if (isExhausted) return undefined;
      refill ??= claimMore().finally(() => {
        refill = undefined;
      });
      await refill;
    }
  };
  const claimMore = async () => {
    const room = Math.min(deps.concurrency, (deps.maxSources ?? Number.POSITIVE_INFINITY) - claimed);
    const at = now();
    const batch = room > 0 ? await deps.store.claimDueSources(iso(at), iso(at + deps.claimMs), room) : [];
    claimed += batch.length;
    if (batch.length === 0) isExhausted = true;
    queue.push(...batch);
  };
  const work = async () => {
    for (let source = await next(); source; source = await next()) {
      const outcome = await runOne(deps, source, options.signal);
      count(summary, outcome);
      options.onProgress?.(outcome, summary.sources);
    }
  };

  await Promise.all(Array.from({ length: deps.concurrency }, work));
  summary.durationMs = now() - Date.parse(summary.startedAt);
  summary.isAborted = options.signal?.aborted ?? false;
  const { isSkipped: _, ...fields } = summary;
  deps.log.info('ingest cycle finished', snakeCase(fields));
  return summary;
}

/** A source whose run throws (the store failed) is counted as failed; the cycle goes on. */
async function runOne(deps: IngestCycleDeps, source: Source, signal?: AbortSignal): Promise<SourceOutcome> {
  try {
    return await deps.ingest(source, signal);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    deps.log.error('ingest: could not record a source', { source_id: source.id, source_url: source.url, error });
    return {
      sourceId: source.id,
      url: source.url,
      isModified: false,
      error: `ingest: ${message}`,
      inserted: 0,
      updated: 0,
      removed: 0,
      itemsStored: source.health.itemsStored,
      durationMs: 0,
    };
  }
}

function count(summary: CycleSummary, outcome: SourceOutcome): void {
  summary.sources++;
  if (outcome.error) summary.failed++;
  else if (outcome.isModified) summary.succeeded++;
  else summary.notModified++;
  summary.inserted += outcome.inserted;
  summary.updated += outcome.updated;
  summary.removed += outcome.removed;
}

function emptySummary(nowMs: number): CycleSummary {
  return {
    startedAt: iso(nowMs),
    durationMs: 0,
    sources: 0,
    succeeded: 0,
    notModified: 0,
    failed: 0,
    inserted: 0,
    updated: 0,
    removed: 0,
    isAborted: false,
    isSkipped: false,
  };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function snakeCase(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]),
  );
}
