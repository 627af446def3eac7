import { mapAtMost } from '../domain/map-at-most.ts';
import type { Delivery, DeliveryOutcome } from '../domain/subscription.ts';
import type { FeedDocument } from '../publish/feed-sink.ts';
import { callCallback } from './call-callback.ts';
import type { HubDeps } from './hub-deps.ts';
import type { DeliveryTally } from './hub-work.ts';
import { nextAttemptAt } from './retry-delay.ts';
import { signBody } from './sign-body.ts';

/** Deliveries claimed at once: a few rounds of the pool, so one slow callback holds up few others. */
const ROUNDS_PER_CLAIM = 8;

/**
 * Content distribution (§7) of the due deliveries, at most `limit`: each topic's current
 * document POSTed whole to the callback, with its Content-Type, a Link header naming our
 * hub and the topic (rel="hub", rel="self", combined as §7 recommends), and X-Hub-Signature
 * when the subscription has a secret (§7.1). A 2xx delivers; 410 ends the subscription;
 * anything else is tried again later, until maxAttempts. Returns how they ended.
 */
export async function deliverDue(deps: HubDeps, limit: number): Promise<DeliveryTally> {
  const { concurrency, timeoutMs } = deps.settings;
  const chunk = concurrency * ROUNDS_PER_CLAIM;
  const tally: DeliveryTally = { delivered: 0, retry: 0, 'gave-up': 0, gone: 0 };
  let sent = 0;
  while (sent < limit) {
    const at = deps.now().getTime();
    // Held long enough for every round of the chunk to time out, so no second run takes them meanwhile.
    const claimUntil = new Date(at + (ROUNDS_PER_CLAIM + 1) * timeoutMs).toISOString();
    const due = await deps.store.claimDeliveries(new Date(at).toISOString(), claimUntil, Math.min(chunk, limit - sent));
    if (due.length === 0) break;
    const documents = await loadDocuments(deps, due);
    const outcomes = await mapAtMost(due, concurrency, (delivery) => deliverOne(deps, delivery, documents));
    await deps.store.recordDeliveries(outcomes);
    for (const outcome of outcomes) tally[outcome.kind]++;
    sent += due.length;
  }
  return tally;
}

/** Each topic's document, read once per chunk whatever the number of its subscribers. */
async function loadDocuments(deps: HubDeps, due: Delivery[]): Promise<Map<string, FeedDocument | undefined>> {
  const topics = [...new Set(due.map((d) => d.topic))];
  const documents = await Promise.all(
    topics.map((topic) => {
      const name = deps.documentNameOf(topic);
      return name === undefined ? undefined : deps.sink.get(name);
    }),
  );
  return new Map(topics.map((topic, i) => [topic, documents[i]]));
}

async function deliverOne(
  deps: HubDeps,
  delivery: Delivery,
  documents: Map<string, FeedDocument | undefined>,
): Promise<DeliveryOutcome> {
  const document = documents.get(delivery.topic);
  const at = () => deps.now().toISOString();
  if (!document) return { kind: 'gave-up', delivery, at: at(), error: `${delivery.topic} is no longer published` };
  const headers: Record<string, string> = {
    'content-type': document.contentType,
    link: `<${deps.hubUrl}>; rel="hub", <${delivery.topic}>; rel="self"`,
  };
  if (delivery.secret !== undefined) headers['x-hub-signature'] = await signBody(delivery.secret, document.body);
  const answer = await callCallback(deps.client, new URL(delivery.callback), {
    method: 'POST',
    headers,
    body: document.body,
  });
  if (answer.ok) {
    const { status } = answer.response;
    await answer.response.body?.cancel().catch(() => {}); // §7: the hub MUST ignore the response body
    if (status >= 200 && status <= 299) return { kind: 'delivered', delivery, at: at(), status };
    if (status === 410) {
      deps.log.info('websub: callback is gone, subscription ended', { topic: delivery.topic });
      return { kind: 'gone', delivery, at: at() };
    }
    return failed(deps, delivery, `callback answered ${status}`, status);
  }
  return failed(deps, delivery, answer.error);
}

function failed(deps: HubDeps, delivery: Delivery, error: string, status?: number): DeliveryOutcome {
  const now = deps.now();
  const attempts = delivery.attempts + 1;
  const base = { delivery, at: now.toISOString(), ...(status !== undefined && { status }) };
  if (attempts >= deps.settings.maxAttempts) {
    deps.log.warn('websub: delivery dropped after its last try', { topic: delivery.topic, attempts, error });
    return { kind: 'gave-up', ...base, error: `gave up after ${attempts} tries: ${error}` };
  }
  return {
    kind: 'retry',
    ...base,
    error,
    nextAttemptAt: nextAttemptAt(now.getTime(), attempts, deps.settings.retrySeconds),
  };
}
