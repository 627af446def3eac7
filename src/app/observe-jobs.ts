import { sourceState } from '../domain/source.ts';
import type { DeliveryOutcome } from '../domain/subscription.ts';
import type { IngestOne } from '../ingest/run-ingest-cycle.ts';
import type { Publisher } from '../publish/publisher.ts';
import type { HubWorkSummary } from '../websub/hub-work.ts';
import type { IngestOutcome, Metrics } from './metrics.ts';

/** The publisher, counting each run it finishes: outcome, duration, documents written. */
export function observePublisher(publisher: Publisher, metrics: Metrics): Publisher {
  return {
    ...publisher,
    async publish(trigger) {
      try {
        const run = await publisher.publish(trigger);
        metrics.publishRuns.inc({ outcome: run.errors.length ? 'errors' : 'ok' });
        metrics.publishSeconds.observe(run.durationMs / 1000);
        metrics.documentsWritten.inc(run.feedsWritten.length);
        return run;
      } catch (error) {
        metrics.publishRuns.inc({ outcome: 'failed' }); // the run itself threw: the store was unreachable
        throw error;
      }
    },
  };
}

/** One source's ingest, counted by its outcome and the state the source was in when it was fetched. */
export function observeIngest(ingest: IngestOne, metrics: Metrics): IngestOne {
  return async (source, signal) => {
    const state = sourceState(source);
    const result = await ingest(source, signal);
    const outcome: IngestOutcome = result.error ? 'failed' : result.isModified ? 'updated' : 'not_modified';
    metrics.ingestFetches.inc({ outcome, state });
    return result;
  };
}

/** A hub run's deliveries, counted by outcome (wherever the run happened: its store writes are not seen here). */
export function countDeliveries(summary: HubWorkSummary, metrics: Metrics): void {
  for (const [outcome, count] of Object.entries(summary.deliveries) as [DeliveryOutcome['kind'], number][]) {
    if (count > 0) metrics.websubDeliveries.inc({ outcome }, count);
  }
}
