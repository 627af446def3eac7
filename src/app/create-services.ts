import type { Config } from '../config.ts';
import type { Article, Image } from '../domain/article.ts';
import { createIngester } from '../ingest/create-ingester.ts';
import { createGuardedFetch } from '../ingest/fetch/guarded-fetch.ts';
import { checkUrlAllowed, type ResolveHost, type SsrfPolicy } from '../ingest/fetch/ssrf-guard.ts';
import { sanitizeContent } from '../ingest/normalize/sanitize-content.ts';
import { createIngestCycle, type IngestCycle, type IngestOne } from '../ingest/run-ingest-cycle.ts';
import type { Logger } from '../log.ts';
import type { FeedSink } from '../publish/feed-sink.ts';
import { notifyHub } from '../publish/notify-hub.ts';
import { createPublisher, type Publisher } from '../publish/publisher.ts';
import type { FeedFormat, FeedRenderer } from '../render/feed-spec.ts';
import { documentRenderers, renderers } from '../render/index.ts';
import type { SqlDatabase } from '../store/sql-database.ts';
import { createSqlStore } from '../store/sql-store.ts';
import type { Store } from '../store/store.ts';
import { createWebSubHub, type WebSubHub } from '../websub/create-hub.ts';
import { createHubDeps } from './create-hub-deps.ts';
import { importSourcesFromOpml, type SourceImportReport } from './import-sources.ts';
import { createInlineJobs, type Jobs } from './jobs.ts';
import { createImageMeasurer, type StatMedia } from './measure-image.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { countDeliveries, observeIngest, observePublisher } from './observe-jobs.ts';
import { createRelatedRefreshHooks } from './related-refresh-hooks.ts';

/** What a runtime supplies: its database, document sink and network. The entries choose them. */
export interface ServiceAdapters {
  /** The database every store query runs on (better-sqlite3 on Node, D1 on Workers). */
  db: SqlDatabase;
  /** Where readers' requests find published documents. */
  feeds: FeedSink;
  /** Where the publish job writes and compares; `feeds` unless a read cache sits in front of it. */
  publishTo?: FeedSink;
  /** Every outbound request: ingest fetches, hub pings, WebSub verifications and deliveries. */
  fetch: typeof fetch;
  /** Host names to addresses, for the SSRF guard. */
  resolveHost: ResolveHost;
  /** Type and size of a file under /media/, for enclosures (fs on Node, the assets binding on Workers). */
  statMedia?: StatMedia;
  /**
   * Where the heavy jobs run (ingest parsing and writes, related refresh, publish rendering):
   * Node hands in worker threads; without it they run inline, on `db` (Workers, the CLI).
   */
  jobs?: Jobs;
  /** Releases what the adapters hold (the SQLite handle, the worker threads). */
  close?(): void | Promise<void>;
}

/** Budgets of a runtime that runs jobs inside bounded invocations (Workers); Node has none. */
export interface ServiceLimits {
  /** Fetches at once, on top of INGEST_CONCURRENCY. */
  maxConnections?: number;
  /** Sources per ingest cycle; the rest stay due for the next one. */
  maxSourcesPerCycle?: number;
  /** New items related per refresh. */
  maxRelatedItems?: number;
  /** WebSub verifications and deliveries per hub run; the rest stay queued for the next one. */
  maxHubWorkPerRun?: number;
}

export interface ServiceOptions {
  log: Logger;
  now?: () => Date;
  limits?: ServiceLimits;
  /**
   * Work may run after the call that caused it returns (Node, the default): the hub sends
   * deliveries right after a publish and wakes itself for retries. Workers pass false and
   * drain the hub from the Cron Trigger.
   */
  background?: boolean;
}

/** Every service of Tidings, wired once; node.ts, worker.ts, cli.ts and the tests hand it to createApp. */
export interface Services {
  config: Config;
  log: Logger;
  now: () => Date;
  store: Store;
  sink: FeedSink;
  publisher: Publisher;
  /** Ingests one external source now, then refreshes the related links its items touch. */
  ingest: IngestOne;
  /** Runs ingest cycles one at a time over the due sources; each refreshes related links after. */
  ingestCycle: IngestCycle;
  /** After an article is saved: its related links (and those it affects) are refreshed. */
  afterArticleChange(article: Article): Promise<void>;
  /** Recomputes one article's related links now. */
  refreshRelated(articleId: string): Promise<{ changed: string[] }>;
  /** Registers the feeds of an OPML subscription list as sources, all or nothing. */
  importSources(opml: string): Promise<SourceImportReport>;
  /** Our own WebSub hub; undefined when WEBSUB_HUB names an external one. */
  websub?: WebSubHub;
  /** Prometheus instruments and their registry, served at /metrics; other parts add their own. */
  metrics: Metrics;
  /**
   * Measures a lead image before it is saved (type and byte length, for the enclosure); a
   * failed probe leaves the reason in `probeError`. Images that state both are kept as given.
   */
  measureImage(image: Image): Promise<Image>;
  /**
   * Every outbound request that is not an ingest fetch (hub pings, image probes, WebSub
   * callbacks): fetch with each hop checked by the SSRF guard under OUTBOUND_ALLOW_NETWORKS.
   */
  outboundFetch: typeof fetch;
  /** The guard's policy, for checking a URL up front (e.g. a WebSub callback before storing it). */
  outboundPolicy: SsrfPolicy;
  /** One renderer per feed format. */
  renderers: Record<FeedFormat, FeedRenderer>;
  /** HTML made safe to show (the ingest sanitizer's allow-list, with EMBED_HOSTS players), relative URLs resolved against `base`. */
  sanitizeHtml(html: string, base: string): string;
  /** Stops the cycle, waits for a publish in flight, releases the adapters. */
  close(): Promise<void>;
}

export function createServices(config: Config, adapters: ServiceAdapters, options: ServiceOptions): Services {
  const { log, limits = {} } = options;
  const now = options.now ?? (() => new Date());
  const nowMs = () => now().getTime();
  const store = createSqlStore(adapters.db);
  const metrics = createMetrics(store);
  const sink = adapters.publishTo ?? adapters.feeds;
  const outbound = { fetch: adapters.fetch, resolveHost: adapters.resolveHost };
  const jobs = adapters.jobs ?? createInlineJobs({ store, sink, config, log, ...outbound, now });
  const outboundPolicy: SsrfPolicy = { resolveHost: adapters.resolveHost, allowNetworks: config.outboundAllowNetworks };
  const outboundFetch = createGuardedFetch(adapters.fetch, outboundPolicy);
  const external = config.websubHub;
  const websub = external
    ? undefined
    : createWebSubHub(createHubDeps(config, { store, sink, ...outbound, log, now }), {
        background: options.background ?? true,
        ...(limits.maxHubWorkPerRun && { maxPerRun: limits.maxHubWorkPerRun }),
        work: jobs.runHubWork,
        observe: (summary) => countDeliveries(summary, metrics),
      });
  const measurer = createImageMeasurer({
    publicUrl: config.publicUrl,
    ...(adapters.statMedia && { statMedia: adapters.statMedia }),
    fetch: adapters.fetch,
    checkUrl: (url) => checkUrlAllowed(url, outboundPolicy),
  });
  const measureImage = async (image: Image) =>
    image.type && image.length && !image.probeError ? image : measurer(image);
  const publisher = observePublisher(
    createPublisher({
      store,
      sink,
      renderers: documentRenderers,
      settings: config,
      now,
      log,
      run: (trigger) => jobs.publishFeeds(trigger, now().toISOString()),
      announce: external
        ? (urls) => notifyHub(external, urls, outboundFetch, log)
        : (urls) => (websub as WebSubHub).topicsChanged(urls),
    }),
    metrics,
  );
  const related = createRelatedRefreshHooks({
    jobs,
    log,
    now,
    siteUrl: config.siteUrl,
    shown: config.relatedLinks,
    ...(limits.maxRelatedItems && { maxItems: limits.maxRelatedItems }),
  });
  const ingestOne = observeIngest(
    createIngester({
      store,
      fetch: adapters.fetch,
      resolveHost: adapters.resolveHost,
      settings: config.ingest,
      publicUrl: config.publicUrl,
      log,
      now: nowMs,
      allowNetworks: config.outboundAllowNetworks,
      record: jobs.recordFetched,
    }),
    metrics,
  );
  const ingestCycle = createIngestCycle({
    store: { claimDueSources: jobs.claimDueSources },
    ingest: ingestOne,
    concurrency: Math.min(config.ingest.concurrency, limits.maxConnections ?? Number.POSITIVE_INFINITY),
    claimMs: config.ingest.claimMs,
    ...(limits.maxSourcesPerCycle && { maxSources: limits.maxSourcesPerCycle }),
    afterCycle: related.afterCycle,
    log,
    now: nowMs,
  });
  return {
    config,
    log,
    now,
    store,
    sink: adapters.feeds,
    publisher,
    ingest: related.refreshingAfter(ingestOne),
    ingestCycle,
    importSources: (opml) => importSourcesFromOpml(store, opml, now().toISOString(), config.ingest),
    afterArticleChange: related.afterArticleChange,
    refreshRelated: related.refreshArticle,
    outboundFetch,
    outboundPolicy,
    renderers,
    measureImage,
    ...(websub && { websub }),
    sanitizeHtml: (html, base) => sanitizeContent(html, base, config.embedHosts),
    metrics,
    async close() {
      await ingestCycle.stop('abort');
      await publisher.idle();
      await websub?.close();
      await adapters.close?.();
    },
  };
}
