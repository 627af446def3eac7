import type { SourceState } from '../domain/source.ts';
import type { Counter, Histogram } from '../metrics/instruments.ts';
import { MetricsRegistry } from '../metrics/registry.ts';

/** Publish runs take milliseconds to a few seconds; buckets in seconds, as Prometheus names want. */
const PUBLISH_SECONDS_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** What ingesting one source came to. */
export type IngestOutcome = 'updated' | 'not_modified' | 'failed';

/**
 * The Prometheus instruments of Tidings, on one registry per Services. Other
 * parts add their own instruments to `registry` (see /work/notes/metrics.md).
 * Counts live in memory: per process on Node, per isolate on Workers.
 */
export interface Metrics {
  registry: MetricsRegistry;
  publishRuns: Counter<'outcome'>;
  publishSeconds: Histogram;
  documentsWritten: Counter;
  feedResponses: Counter<'status'>;
  ingestFetches: Counter<'outcome' | 'state'>;
  websubDeliveries: Counter<'outcome'>;
}

export interface MetricsSources {
  /** Read at each scrape: sources by state, from the store. */
  countSourcesByState(): Promise<Record<SourceState, number>>;
}

export function createMetrics(sources: MetricsSources): Metrics {
  const registry = new MetricsRegistry();
  const metrics: Metrics = {
    registry,
    publishRuns: registry.counter({
      name: 'tidings_publish_runs_total',
      help: 'Publish runs, by outcome: ok; errors when a feed failed (its last good documents kept); failed when the run threw.',
      labelNames: ['outcome'],
    }),
    publishSeconds: registry.histogram({
      name: 'tidings_publish_duration_seconds',
      help: 'How long a publish run took.',
      buckets: PUBLISH_SECONDS_BUCKETS,
    }),
    documentsWritten: registry.counter({
      name: 'tidings_feed_documents_written_total',
      help: 'Feed documents whose bytes changed and were written by a publish run.',
    }),
    feedResponses: registry.counter({
      name: 'tidings_feed_responses_total',
      help: 'Answers to GET and HEAD under /feeds/, by HTTP status.',
      labelNames: ['status'],
    }),
    ingestFetches: registry.counter({
      name: 'tidings_ingest_fetches_total',
      help: 'Sources ingested, by outcome (updated, not_modified, failed) and the state the source was in before (new, healthy, failing, disabled).',
      labelNames: ['outcome', 'state'],
    }),
    websubDeliveries: registry.counter({
      name: 'tidings_websub_deliveries_total',
      help: 'Content deliveries of our WebSub hub to subscribers, by outcome: delivered, retry (to be tried again), gave-up, gone (410: subscription ended).',
      labelNames: ['outcome'],
    }),
  };
  registry.gauge({
    name: 'tidings_sources',
    help: 'External sources by state (new, healthy, failing, disabled), read from the store at scrape time.',
    labelNames: ['state'],
    async collect(gauge) {
      for (const [state, count] of Object.entries(await sources.countSourcesByState())) gauge.set({ state }, count);
    },
  });
  return metrics;
}
