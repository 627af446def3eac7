/**
 * Ingest on Workers: the same pipeline as on Node (createIngester, runIngestCycle),
 * sized for one Cron Trigger invocation. At most 6 fetches at once (the outbound
 * connection limit of an invocation) and at most WORKER_MAX_SOURCES sources per
 * invocation; the rest stay due and the next trigger claims them. Claims make a
 * doubled trigger harmless: a source claimed by one invocation is skipped by the other.
 */
import type { Config } from './config.ts';
import { createIngester } from './ingest/create-ingester.ts';
import { type CycleSummary, type IngestOne, runIngestCycle } from './ingest/run-ingest-cycle.ts';
import type { ResolveHost } from './ingest/ssrf-guard.ts';
import type { Logger } from './log.ts';
import type { RelatedRefreshHooks } from './related-refresh-hooks.ts';
import type { Store } from './store/store.ts';

/** https://developers.cloudflare.com/workers/platform/limits/#simultaneous-open-connections */
export const WORKER_MAX_CONNECTIONS = 6;
/** Keeps one invocation well inside its subrequest budget: each source costs 2 DNS look-ups and 1 to 6 fetches. */
export const WORKER_MAX_SOURCES = 12;
/** New items related per invocation: each costs a few D1 queries, and an invocation has a query budget too. */
export const WORKER_MAX_RELATED_ITEMS = 200;

export interface WorkerIngestDeps {
  store: Store;
  config: Config;
  log: Logger;
  fetch: typeof fetch;
  /** Stored items refresh the related links of the articles they relate to, as on Node. */
  related: RelatedRefreshHooks;
}

export interface WorkerIngest {
  /** One source now, whatever its schedule (the admin API's "ingest now"). */
  ingest: IngestOne;
  /** How long a claim holds: longer than one fetch may take, so a dead run frees its sources soon. */
  claimMs: number;
  /** One cycle over the due sources, then related links for the articles new or changed items relate to. */
  runCycle(): Promise<CycleSummary>;
}

export function createWorkerIngest({ store, config, log, fetch, related }: WorkerIngestDeps): WorkerIngest {
  const ingest = createIngester({
    store,
    fetch,
    resolveHost: createDohResolver(fetch),
    settings: config.ingest,
    publicUrl: config.publicUrl,
    log,
  });
  const { claimMs } = config.ingest;
  return {
    ingest: related.refreshingAfter(ingest),
    claimMs,
    async runCycle() {
      const summary = await runIngestCycle({
        store,
        ingest,
        concurrency: Math.min(config.ingest.concurrency, WORKER_MAX_CONNECTIONS),
        claimMs,
        maxSources: WORKER_MAX_SOURCES,
        log,
      });
      await related.afterCycle(summary);
      return summary;
    },
  };
}

interface DohAnswer {
  Status: number;
  Answer?: { type: number; data: string }[];
}

const DOH_URL = 'https://cloudflare-dns.com/dns-query';
const RECORD_TYPES = { A: 1, AAAA: 28 } as const;

/**
 * Workers have no DNS API, so the SSRF guard asks DNS over HTTPS (RFC 8484, JSON
 * form) for the addresses a feed's host resolves to; every one must be public.
 * CNAME records in the answer are skipped: only the addresses at the end count.
 */
export function createDohResolver(fetchDns: typeof fetch): ResolveHost {
  const lookup = async (hostname: string, type: keyof typeof RECORD_TYPES): Promise<string[]> => {
    const url = `${DOH_URL}?name=${encodeURIComponent(hostname)}&type=${type}`;
    const response = await fetchDns(url, { headers: { accept: 'application/dns-json' } });
    if (!response.ok) throw new Error(`DNS over HTTPS answered ${response.status} for ${hostname}`);
    const answer = (await response.json()) as DohAnswer;
    return (answer.Answer ?? []).filter((record) => record.type === RECORD_TYPES[type]).map((record) => record.data);
  };
  return async (hostname) => (await Promise.all([lookup(hostname, 'A'), lookup(hostname, 'AAAA')])).flat();
}
