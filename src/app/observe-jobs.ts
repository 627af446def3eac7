import { sourceState } from '../domain/source.ts';
import type { IngestOne } from '../ingest/run-ingest-cycle.ts';
import type { Publisher } from '../publish/publisher.ts';
import type { WebSubStore } from '../store/store.ts';
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

/**
 * The hub's store, counting each delivery outcome once it is recorded: every
 * delivery attempt ends in recordDeliveries, so the hub itself needs no metrics.
 */
export function observeDeliveries<S extends Pick<WebSubStore, 'recordDeliveries'>>(store: S, metrics: Metrics): S {
  return {
    ...store,
    async recordDeliveries(outcomes) {
      await store.recordDeliveries(outcomes);
      for (const outcome of outcomes) metrics.websubDeliveries.inc({ outcome: outcome.kind });
    },
  };
}
