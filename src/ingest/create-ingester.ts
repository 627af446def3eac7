import type { Logger } from '../log.ts';
import type { SourceStore } from '../store/store.ts';
import type { ResolveHost } from './fetch/ssrf-guard.ts';
import { ingestSource } from './ingest-source.ts';
import { type RecordFetched, recordFetched } from './record-fetched.ts';
import type { IngestOne } from './run-ingest-cycle.ts';

/** What the pipeline needs to know; config.ts extends it with the scheduling settings. */
export interface IngesterSettings {
  maxBytes: number;
  timeoutMs: number;
  idleTimeoutMs: number;
  minIntervalMinutes: number;
  maxIntervalMinutes: number;
  retentionItems: number;
  retentionDays: number;
  /** EMBED_HOSTS: hosts whose players survive sanitizing of item content; none when absent. */
  embedHosts?: readonly string[];
}

export interface IngesterDeps {
  store: SourceStore;
  /** Outbound HTTP: on Node undici with the SSRF guard again at connect time; on Workers the runtime's fetch. */
  fetch: typeof fetch;
  /** Host names to addresses for the SSRF guard: node:dns on Node, DNS over HTTPS on Workers (no DNS API there). */
  resolveHost: ResolveHost;
  settings: IngesterSettings;
  /** Named in the User-Agent so publishers can see who polls them. */
  publicUrl: string;
  log: Logger;
  now?: () => number;
  /** OUTBOUND_ALLOW_NETWORKS: non-public CIDRs to allow anyway (tests: ["127.0.0.1/32"]). */
  allowNetworks?: readonly string[];
  /** Runs everything after the network elsewhere (Node: a worker thread); else inline on `store`. */
  record?: RecordFetched;
}

/** The stage after the network, bound to a store: what runs inline, or inside a worker thread. */
export function createRecordFetched(store: SourceStore, settings: IngesterSettings, log: Logger): RecordFetched {
  const deps = {
    store,
    bounds: { minIntervalMinutes: settings.minIntervalMinutes, maxIntervalMinutes: settings.maxIntervalMinutes },
    retention: { maxItems: settings.retentionItems, maxAgeDays: settings.retentionDays },
    embedHosts: settings.embedHosts ?? [],
    log,
  };
  return (job) => recordFetched(job, deps);
}

/** Binds the pipeline to its dependencies once; the result ingests one source. */
export function createIngester(deps: IngesterDeps): IngestOne {
  const { settings } = deps;
  const ssrf = { resolveHost: deps.resolveHost, allowNetworks: deps.allowNetworks ?? [] };
  const ingestDeps = {
    fetchOptions: {
      fetch: deps.fetch,
      ssrf,
      userAgent: `Tidings/0.1 (+${deps.publicUrl})`,
      maxBytes: settings.maxBytes,
      timeoutMs: settings.timeoutMs,
      idleTimeoutMs: settings.idleTimeoutMs,
      ...(deps.now ? { now: deps.now } : {}),
    },
    record: deps.record ?? createRecordFetched(deps.store, settings, deps.log),
    log: deps.log,
    now: deps.now ?? Date.now,
  };
  return (source, signal) => ingestSource(source, ingestDeps, signal);
}
