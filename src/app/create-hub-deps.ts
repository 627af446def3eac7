import type { Config } from '../config.ts';
import { checkUrlAllowed, type ResolveHost } from '../ingest/fetch/ssrf-guard.ts';
import type { Logger } from '../log.ts';
import { advertisedHubUrl, documentNameOfUrl } from '../publish/feed-catalog.ts';
import type { FeedSink } from '../publish/feed-sink.ts';
import type { Store } from '../store/store.ts';
import type { HubDeps } from '../websub/hub-deps.ts';

export interface HubParts {
  store: Store;
  /** Where published documents are read: a delivery sends the topic's current bytes. */
  sink: FeedSink;
  /** Outbound fetch; each callback URL is checked by the SSRF guard first (resolveHost, OUTBOUND_ALLOW_NETWORKS). */
  fetch: typeof fetch;
  resolveHost: ResolveHost;
  log: Logger;
  now: () => Date;
}

/** What our WebSub hub runs on, the same wherever it runs: the serving thread, a worker thread, a Worker. */
export function createHubDeps(config: Config, { store, sink, fetch, resolveHost, log, now }: HubParts): HubDeps {
  const policy = { resolveHost, allowNetworks: config.outboundAllowNetworks };
  return {
    store,
    sink,
    client: {
      fetch,
      checkUrl: (url) => checkUrlAllowed(url, policy),
      timeoutMs: config.websub.timeoutMs,
      userAgent: `Tidings/0.1 WebSub hub (+${config.publicUrl})`,
    },
    settings: config.websub,
    hubUrl: advertisedHubUrl(config),
    documentNameOf: (topic) => documentNameOfUrl(config.publicUrl, topic),
    log,
    now,
  };
}
