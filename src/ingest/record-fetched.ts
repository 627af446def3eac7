import { dedupeKey, type NormalizedItem, type Source } from '../domain/source.ts';
import type { Logger } from '../log.ts';
import type { FetchRecord, SourceStore } from '../store/store.ts';
import { decodeCharset } from './fetch/decode-charset.ts';
import { documentDigest } from './fetch/document-digest.ts';
import type { FetchResult } from './fetch/fetch-source.ts';
import { normalizeFeed } from './normalize/normalize.ts';
import { parseFeed } from './parse/parse-feed.ts';
import { FeedParseError } from './parse/parsed-feed.ts';
import {
  intervalFromFrequency,
  nextPollAfterFailure,
  nextPollAfterSuccess,
  type PollBounds,
  WEEK_MS,
} from './poll-schedule.ts';
import { selectRetained } from './select-retained.ts';

const HTTP_GONE = 410;

/**
 * What the network stage hands on: plain data, so it can cross to a worker thread
 * (structured clone; the body's buffer is transferred, not copied).
 */
export interface FetchedJob {
  source: Source;
  /** When the fetch started (ms since the epoch). */
  startedMs: number;
  /** The answer, when there was one. */
  fetched?: FetchResult;
  movedTo?: string;
  /** Why the fetch failed, when it did; `fetched` is then absent. */
  failure?: FetchFailure;
}

export interface FetchFailure {
  stage: 'fetch-source' | 'ingest';
  message: string;
  status?: number;
  retryAfterSeconds?: number;
}

/** The result of one source's ingest, as the cycle counts it and the admin API shows it. */
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

/** Everything after the network: the same function inline (Workers) and in a Node worker thread. */
export type RecordFetched = (job: FetchedJob) => Promise<SourceOutcome>;

export interface RecordFetchedDeps {
  store: SourceStore;
  bounds: PollBounds;
  retention: { maxItems: number; maxAgeDays: number };
  /** EMBED_HOSTS, for the sanitizer (normalize/sanitize-content.ts). */
  embedHosts?: readonly string[];
  log: Logger;
  random?: () => number;
}

/**
 * Decode, parse, normalize and store one fetched document, or record why it failed, with the
 * source's health and next poll. A document with the same digest as the last one read is
 * not parsed again: it is recorded as not modified, whatever the validators said.
 */
export async function recordFetched(job: FetchedJob, deps: RecordFetchedDeps): Promise<SourceOutcome> {
  const { source, fetched } = job;
  const fetchedAt = new Date(job.startedMs).toISOString();
  if (!fetched) {
    const { stage = 'ingest', message = 'no answer' } = job.failure ?? {};
    return recordFailure(job, deps, fetchedAt, `${stage}: ${message}`);
  }
  try {
    if (!fetched.isModified) return await recordSuccess(job, deps, fetchedAt, fetched, []);
    const bodyHash = await documentDigest(fetched);
    if (bodyHash === source.health.bodyHash) {
      return { ...(await recordSuccess(job, deps, fetchedAt, fetched, [], { bodyHash })), isModified: false };
    }
    const { text } = decodeCharset(fetched.body, fetched.contentType);
    const parsed = await parseFeed(text);
    const context = { responseUrl: fetched.finalUrl, now: fetchedAt };
    const { feed, keys, identities } = selectRetained(parsed, context, deps.retention);
    const known = await deps.store.listItemHashes(source.id);
    const isKnown = (key: string, hash: string) => known.get(key) === hash;
    const items = normalizeFeed(feed, { ...context, identities, isKnown, embedHosts: deps.embedHosts ?? [] });
    return await recordSuccess(job, deps, fetchedAt, fetched, items, {
      bodyHash,
      keys,
      ttlMinutes: parsed.ttlMinutes,
      isNew: (item) => !known.has(dedupeKey(item)),
    });
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    if (!(failure instanceof FeedParseError)) {
      // A bug or a document shape nobody foresaw: still this source's failure, never the cycle's.
      deps.log.error('ingest: unexpected error', { source_id: source.id, source_url: source.url, error: failure });
    }
    const stage = failure instanceof FeedParseError ? 'parse-feed' : 'ingest';
    return recordFailure(job, deps, fetchedAt, `${stage}: ${failure.message}`);
  }
}

interface ReadDocument {
  bodyHash?: string;
  /** The identities of the items the document carries, newest first (select-retained.ts). */
  keys?: string[];
  ttlMinutes?: number | undefined;
  /** True for an item the store does not hold yet (it adds to the week's count). */
  isNew?: (item: NormalizedItem) => boolean;
}

async function recordSuccess(
  job: FetchedJob,
  deps: RecordFetchedDeps,
  fetchedAt: string,
  fetched: FetchResult,
  items: NormalizedItem[],
  read: ReadDocument = {},
): Promise<SourceOutcome> {
  const { source } = job;
  const nowMs = job.startedMs;
  // How often the source posts: its stored items of the last week, and the new ones arriving now.
  const weekAgo = new Date(nowMs - WEEK_MS).toISOString();
  const stored = await deps.store.countItemsPublishedSince(source.id, weekAgo);
  const arriving = items.filter((item) => item.publishedAt >= weekAgo && (read.isNew?.(item) ?? false)).length;
  const interval = intervalFromFrequency(stored + arriving, deps.bounds);
  const hints = { ttlMinutes: read.ttlMinutes, maxAgeSeconds: fetched.maxAgeSeconds, expiresAt: fetched.expiresAt };
  const nextPollAt = nextPollAfterSuccess(nowMs, interval, hints, deps.bounds);
  const record: FetchRecord = {
    sourceId: source.id,
    fetchedAt,
    status: fetched.status,
    // A 304 may omit the validators; the stored ones then still hold.
    etag: fetched.etag ?? (fetched.isModified ? null : undefined),
    lastModified: fetched.lastModified ?? (fetched.isModified ? null : undefined),
    consecutiveFailures: 0,
    nextPollAt,
    items,
    feedKeys: read.keys ?? [],
    retention: deps.retention,
  };
  if (read.bodyHash) record.bodyHash = read.bodyHash;
  if (job.movedTo) record.movedTo = job.movedTo;
  const result = await deps.store.recordFetch(record);
  return outcome(source, {
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
  job: FetchedJob,
  deps: RecordFetchedDeps,
  fetchedAt: string,
  message: string,
): Promise<SourceOutcome> {
  const { source, fetched } = job;
  const failures = source.health.consecutiveFailures + 1;
  const status = job.failure?.status ?? fetched?.status;
  const error = message.slice(0, 1000);
  const nextPollAt = nextPollAfterFailure(
    job.startedMs,
    source.pollIntervalMinutes,
    failures,
    job.failure?.retryAfterSeconds,
    deps.bounds,
    deps.random,
  );
  const record: FetchRecord = {
    sourceId: source.id,
    fetchedAt,
    error,
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
  // A body we could not read must be fetched and read whole next time, not answered with a 304.
  if (fetched?.isModified) Object.assign(record, { etag: null, lastModified: null, bodyHash: null });
  if (job.movedTo) record.movedTo = job.movedTo;
  const result = await deps.store.recordFetch(record);
  deps.log.warn('ingest: source failed', {
    source_id: source.id,
    source_url: source.url,
    status,
    error,
    consecutive_failures: failures,
  });
  return outcome(source, { status, error, itemsStored: result.itemsStored, nextPollAt });
}

/** durationMs is filled in by the network stage, which knows when the fetch began. */
function outcome(source: Source, fields: Partial<SourceOutcome>): SourceOutcome {
  return {
    sourceId: source.id,
    url: source.url,
    isModified: false,
    inserted: 0,
    updated: 0,
    removed: 0,
    itemsStored: source.health.itemsStored,
    durationMs: 0,
    ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
  };
}
