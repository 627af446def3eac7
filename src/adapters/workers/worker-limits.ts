import type { ServiceLimits } from '../../app/create-services.ts';

/** https://developers.cloudflare.com/workers/platform/limits/#simultaneous-open-connections */
export const WORKER_MAX_CONNECTIONS = 6;
/** Keeps one invocation well inside its subrequest budget: each source costs 2 DNS look-ups and 1 to 6 fetches. */
export const WORKER_MAX_SOURCES = 12;
/** New items related per invocation: each costs a few D1 queries, and an invocation has a query budget too. */
export const WORKER_MAX_RELATED_ITEMS = 200;

/** WebSub verifications and deliveries per invocation: one subrequest each (and a DoH look-up for a host name). */
export const WORKER_MAX_HUB_WORK = 100;

/**
 * One Cron Trigger invocation runs the same cycle as Node, sized to fit: at most
 * 6 fetches at once and 12 sources; the rest stay due and the next trigger claims
 * them. Claims make a doubled trigger harmless. The publish trigger then drains up to 100
 * WebSub verifications and deliveries; the rest stay queued in D1 for the next trigger.
 */
export const WORKER_LIMITS: ServiceLimits = {
  maxConnections: WORKER_MAX_CONNECTIONS,
  maxSourcesPerCycle: WORKER_MAX_SOURCES,
  maxRelatedItems: WORKER_MAX_RELATED_ITEMS,
  maxHubWorkPerRun: WORKER_MAX_HUB_WORK,
};
