import type { DeliveryOutcome } from '../domain/subscription.ts';
import { deliverDue } from './deliver.ts';
import type { HubDeps } from './hub-deps.ts';
import { verifyPendingRequests } from './verify-intent.ts';

/** How one hub run's deliveries ended, by outcome: what /metrics counts. */
export type DeliveryTally = Record<DeliveryOutcome['kind'], number>;

export interface HubWorkSummary {
  verified: number;
  deliveries: DeliveryTally;
}

export const NO_HUB_WORK: HubWorkSummary = {
  verified: 0,
  deliveries: { delivered: 0, retry: 0, 'gave-up': 0, gone: 0 },
};

/**
 * The hub's outbound work, at most `limit` requests: verifications of pending requests
 * first (a new subscriber should get the next publish), then the due deliveries. It needs
 * only the store, so it runs wherever the other heavy jobs run (a worker thread on Node).
 */
export async function doHubWork(deps: HubDeps, limit: number): Promise<HubWorkSummary> {
  const verified = await verifyPendingRequests(deps, limit);
  const deliveries = await deliverDue(deps, Math.max(0, limit - verified));
  return { verified, deliveries };
}
