import { mapAtMost } from '../domain/map-at-most.ts';
import type { SubscriptionRequest } from '../domain/subscription.ts';
import { callCallback, readSmallText } from './call-callback.ts';
import type { HubDeps } from './hub-deps.ts';

/** Requests claimed at once, in rounds of the pool: one slow callback holds up few others. */
const ROUNDS_PER_CLAIM = 8;
/** A challenge is 32 random bytes; an echo longer than this cannot be it. */
const MAX_ECHO_BYTES = 1024;

/**
 * Verification of intent (§5.3) for the pending requests: a GET to the callback with
 * hub.mode, hub.topic, a random single-use hub.challenge (§8.2) and hub.lease_seconds,
 * appended to the callback's own query (§5.1.1). Only a 2xx whose body is the challenge
 * confirms; anything else refuses the request and leaves an existing subscription as it
 * was (§5.1). At most `limit` requests; returns how many were decided.
 */
export async function verifyPendingRequests(deps: HubDeps, limit: number): Promise<number> {
  const { concurrency, timeoutMs } = deps.settings;
  let decided = 0;
  while (decided < limit) {
    const at = deps.now().getTime();
    // A few rounds of the pool per claim, held until every round could have timed out.
    const claimUntil = new Date(at + (ROUNDS_PER_CLAIM + 1) * timeoutMs).toISOString();
    const size = Math.min(concurrency * ROUNDS_PER_CLAIM, limit - decided);
    const requests = await deps.store.claimSubscriptionRequests(new Date(at).toISOString(), claimUntil, size);
    if (requests.length === 0) break;
    await mapAtMost(requests, concurrency, (request) => verifyOne(deps, request));
    decided += requests.length;
  }
  return decided;
}

async function verifyOne(deps: HubDeps, request: SubscriptionRequest): Promise<void> {
  const verifiedAt = deps.now().toISOString(); // §5.3: the lease counts from the verification request
  const refusal = await askCallback(deps, request);
  if (refusal === undefined) {
    await deps.store.confirmSubscriptionRequest(request, verifiedAt);
    deps.log.info('websub: request verified', { mode: request.mode, topic: request.topic });
  } else {
    await deps.store.refuseSubscriptionRequest(request, refusal);
    deps.log.info('websub: request refused', { mode: request.mode, topic: request.topic, reason: refusal });
  }
}

/** Undefined when the callback confirmed; else why not, in words. */
async function askCallback(deps: HubDeps, request: SubscriptionRequest): Promise<string | undefined> {
  const challenge = randomChallenge();
  const url = new URL(request.callback);
  url.searchParams.append('hub.mode', request.mode);
  url.searchParams.append('hub.topic', request.topic);
  url.searchParams.append('hub.challenge', challenge);
  url.searchParams.append('hub.lease_seconds', String(request.leaseSeconds));
  const answer = await callCallback(deps.client, url, { method: 'GET' });
  if (!answer.ok) return answer.error;
  const { response } = answer;
  if (response.status < 200 || response.status > 299) {
    await response.body?.cancel().catch(() => {});
    return `callback answered ${response.status} to the verification request`;
  }
  const echo = (await readSmallText(response, MAX_ECHO_BYTES)).trim();
  return echo === challenge ? undefined : `callback answered ${response.status} without echoing hub.challenge`;
}

function randomChallenge(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}
