import type { NormalizedItem, Source } from '../domain/source.ts';
import type { Logger } from '../log.ts';
import type { FetchRecord, SourceStore } from '../store/store.ts';
import { decodeCharset } from './fetch/decode-charset.ts';
import { FetchError } from './fetch/fetch-error.ts';
import { fetchFeed } from './fetch/fetch-feed.ts';
import type { FetchResult, FetchSourceOptions } from './fetch/fetch-source.ts';
import { normalizeFeed } from './normalize/normalize.ts';
import { parseFeed } from './parse/parse-feed.ts';
import { FeedParseError } from './parse/parsed-feed.ts';
import { nextPollAfterFailure, nextPollAfterSuccess, type PollBounds } from './poll-schedule.ts';
import { selectRetained } from './select-retained.ts';

const NOTHING_FOUND = { items: [], keys: [] };
const HTTP_GONE = 410;

export interface IngestDeps {
  store: SourceStore;
  fetchOptions: Omit<FetchSourceOptions, 'signal'>;
  bounds: PollBounds;
  retention: { maxItems: number; maxAgeDays: number };
  log: Logger;
  now: () => number;
  random?: () => number;
}

export interface SourceOutcome {
  sourceId: string;
  url: string;
  status?: number;
  isModified: boolean;
  error?: string;
  inserted: number;
  updated: number;
  removed: number;
  itemsStored: number;
  nextPollAt?: string;
  durationMs: number;
}

/** One source, start to end: fetch -> parse -> normalize -> store, with its health recorded on its row. */
export async function ingestSource(source: Source, deps: IngestDeps, signal?: AbortSignal): Promise<SourceOutcome> {
  const startedMs = deps.now();
  const fetchedAt = new Date(startedMs).toISOString();
  let fetched: FetchResult | undefined;
  let movedTo: string | undefined;
  try {
    ({ fetched, movedTo } = await fetchFeed(source, { ...deps.fetchOptions, ...(signal ? { signal } : {}) }));
    if (!fetched.isModified) return await recordSuccess(source, deps, fetchedAt, fetched, NOTHING_FOUND, movedTo);
    const { text } = decodeCharset(fetched.body, fetched.contentType);
    const parsed = await parseFeed(text);
    const context = { responseUrl: fetched.finalUrl, now: fetchedAt };
    const { feed, keys } = selectRetained(parsed, context, deps.retention);
    const known = await deps.store.listItemHashes(source.id);
    const isKnown = (key: string, hash: string) => known.get(key) === hash;
    const items = normalizeFeed(feed, { ...context, isKnown });
    return await recordSuccess(source, deps, fetchedAt, fetched, { items, keys }, movedTo, parsed.ttlMinutes);
  } catch (error) {
    if (signal?.aborted) return outcome(source, deps, startedMs, { error: 'stopped before it finished' });
    const failure = error instanceof Error ? error : new Error(String(error));
    if (!['FetchError', 'FeedParseError'].includes(failure.name)) {
      // A bug or a document shape nobody foresaw: still this source's failure, never the cycle's.
      deps.log.error('ingest: unexpected error', { source_id: source.id, source_url: source.url, error: failure });
    }
    return recordFailure(source, deps, fetchedAt, failure, fetched, movedTo);
  }
}

async function recordSuccess(
  source: Source,
  deps: IngestDeps,
  fetchedAt: string,
  fetched: FetchResult,
  found: { items: NormalizedItem[]; keys: string[] },
  movedTo: string | undefined,
  ttlMinutes?: number,
): Promise<SourceOutcome> {
  const hints = { ttlMinutes, maxAgeSeconds: fetched.maxAgeSeconds, expiresAt: fetched.expiresAt };
  const nextPollAt = nextPollAfterSuccess(Date.parse(fetchedAt), source.pollIntervalMinutes, hints, deps.bounds);
  const record: FetchRecord = {
    sourceId: source.id,
    fetchedAt,
    status: fetched.status,
    // A 304 may omit the validators; the stored ones then still hold.
    etag: fetched.etag ?? (fetched.isModified ? null : undefined),
    lastModified: fetched.lastModified ?? (fetched.isModified ? null : undefined),
    consecutiveFailures: 0,
    nextPollAt,
    items: found.items,
    feedKeys: found.keys,
    retention: deps.retention,
  };
  if (movedTo) record.movedTo = movedTo;
  const result = await deps.store.recordFetch(record);
  return outcome(source, deps, Date.parse(fetchedAt), {
    status: fetched.status,
    isModified: fetched.isModified,
    inserted: result.inserted,
    updated: result.updated,
    removed: result.removed,
    itemsStored: result.itemsStored,
    nextPollAt,
  });
}

async function recordFailure(
  source: Source,
  deps: IngestDeps,
  fetchedAt: string,
  error: Error,
  fetched: FetchResult | undefined,
  movedTo: string | undefined,
): Promise<SourceOutcome> {
  const failures = source.health.consecutiveFailures + 1;
  const fetchError = error instanceof FetchError ? error : undefined;
  const status = fetchError?.status ?? fetched?.status;
  const stage = fetchError ? 'fetch-source' : error instanceof FeedParseError ? 'parse-feed' : 'ingest';
  const message = `${stage}: ${error.message}`.slice(0, 1000);
  const nextPollAt = nextPollAfterFailure(
    Date.parse(fetchedAt),
    source.pollIntervalMinutes,
    failures,
    fetchError?.retryAfterSeconds,
    deps.bounds,
    deps.random,
  );
  const record: FetchRecord = {
    sourceId: source.id,
    fetchedAt,
    error: message,
    consecutiveFailures: failures,
    nextPollAt,
    items: [],
    retention: deps.retention,
  };
  if (status !== undefined) record.status = status;
  // RFC 9110 §15.5.11: 410 Gone is permanent, and the publisher asks us to stop linking to it.
  if (status === HTTP_GONE) {
    record.disableReason = `gone: ${source.url} answered 410 Gone on ${fetchedAt}; enable the source to poll it again`;
  }
  // A body we could not read must be fetched whole next time, not answered with a 304.
  if (fetched?.isModified) Object.assign(record, { etag: null, lastModified: null });
  if (movedTo) record.movedTo = movedTo;
  const result = await deps.store.recordFetch(record);
  deps.log.warn('ingest: source failed', {
    source_id: source.id,
    source_url: source.url,
    status,
    error: message,
    consecutive_failures: failures,
  });
  return outcome(source, deps, Date.parse(fetchedAt), {
    status,
    error: message,
    itemsStored: result.itemsStored,
    nextPollAt,
  });
}

function outcome(source: Source, deps: IngestDeps, startedMs: number, fields: Partial<SourceOutcome>): SourceOutcome {
  return {
    sourceId: source.id,
    url: source.url,
    isModified: false,
    inserted: 0,
    updated: 0,
    removed: 0,
    itemsStored: source.health.itemsStored,
    durationMs: deps.now() - startedMs,
    ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
  };
}
