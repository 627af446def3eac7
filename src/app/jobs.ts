/**
 * The heavy work of Tidings behind one port, each job being the one function that does it, so
 * a runtime chooses where it runs: inline on the calling thread (the default: Workers, inside
 * the invocation; the CLI), or in Node worker threads that hold their own SQLite connection
 * (adapters/node/offload). What crosses the port is plain data, never a function or a handle.
 */
import type { Config } from '../config.ts';
import type { Source } from '../domain/source.ts';
import { createRecordFetched } from '../ingest/create-ingester.ts';
import type { ResolveHost } from '../ingest/fetch/ssrf-guard.ts';
import type { RecordFetched } from '../ingest/record-fetched.ts';
import type { Logger } from '../log.ts';
import type { FeedSink } from '../publish/feed-sink.ts';
import { type PublishResult, publishFeeds } from '../publish/publish-feeds.ts';
import { createPublishMemory } from '../publish/publish-memory.ts';
import type { RenderElsewhere } from '../publish/split-render.ts';
import { type IngestRefreshSteps, refreshRelatedSince, stepsOn } from '../related/refresh-after-ingest.ts';
import { type RefreshOptions, type RefreshResult, refreshRelatedForArticle } from '../related/refresh-related.ts';
import { documentRenderers } from '../render/index.ts';
import type { Store } from '../store/store.ts';
import { doHubWork, type HubWorkSummary } from '../websub/hub-work.ts';
import { createHubDeps } from './create-hub-deps.ts';

/** The ingest refresh's steps are jobs too, so that threads can share one refresh (refresh-after-ingest.ts). */
export interface Jobs extends IngestRefreshSteps {
  /** Parse, normalize and store one fetched document, or record why it failed (ingest-source.ts). */
  recordFetched: RecordFetched;
  /** Claims due sources for a cycle. A write: it runs where the other background writes run. */
  claimDueSources(now: string, claimUntil: string, limit: number): Promise<Source[]>;
  /** Relates the items stored since `since` (an ingest's start) to our articles. */
  refreshRelatedSince(since: string, options: RefreshOptions & { maxItems?: number }): Promise<RefreshResult>;
  /** Recomputes one article's related links, and those of the articles it affects. */
  refreshRelatedForArticle(articleId: string, options: RefreshOptions): Promise<RefreshResult>;
  /** One publish run at the instant `now` (ISO 8601): renders what changed, writes the sink. */
  publishFeeds(trigger: string, now: string): Promise<PublishResult>;
  /** Our WebSub hub's verifications and due deliveries, at most `limit` (websub/hub-work.ts). */
  runHubWork(limit: number): Promise<HubWorkSummary>;
  /** Waits for jobs in flight and releases the threads, if any. */
  close?(): Promise<void>;
}

export interface InlineJobsDeps {
  store: Store;
  /** Where publish writes (and compares against). */
  sink: FeedSink;
  config: Config;
  log: Logger;
  /** Outbound requests (WebSub callbacks) and the host lookups of the SSRF guard. */
  fetch: typeof fetch;
  resolveHost: ResolveHost;
  /** The clock of the hub's work; publish gets its instant from the caller. */
  now: () => Date;
  /** What shares a large publish run's rendering (Node: a thread of its own); else this thread renders all. */
  renderElsewhere?: RenderElsewhere;
}

/** The jobs on this thread, on this store: what Workers and the CLI run, and what each worker thread runs. */
export function createInlineJobs({
  store,
  sink,
  config,
  log,
  fetch,
  resolveHost,
  now,
  renderElsewhere,
}: InlineJobsDeps): Jobs {
  const hub = createHubDeps(config, { store, sink, fetch, resolveHost, log, now });
  const memory = createPublishMemory(); // these jobs publish again and again on this store
  return {
    recordFetched: createRecordFetched(store, config.ingest, log),
    claimDueSources: (now, claimUntil, limit) => store.claimDueSources(now, claimUntil, limit),
    refreshRelatedSince: (since, options) => refreshRelatedSince(store, since, options),
    ...stepsOn(store),
    refreshRelatedForArticle: (articleId, options) => refreshRelatedForArticle(store, articleId, options),
    publishFeeds: (trigger, now) =>
      publishFeeds(
        {
          store,
          sink,
          renderers: documentRenderers,
          settings: config,
          now: () => new Date(now),
          log,
          memory,
          ...(renderElsewhere && { renderElsewhere }),
        },
        trigger,
      ),
    runHubWork: (limit) => doHubWork(hub, limit),
  };
}
