import { ValidationError } from '../domain/errors.ts';
import type { HubRequestInput, SubscriptionRequest } from '../domain/subscription.ts';
import type { HubDeps } from './hub-deps.ts';

/**
 * A subscribe or unsubscribe request that passed the form's schema (§5.1): its topic must be
 * a feed we publish, so any feed the publish job lists (categories, tags, authors, …) is a
 * topic without a list kept here. The lease asked for is kept within our bounds (§5.3.1:
 * hubs MAY change it, and MUST NOT grant perpetual ones). Verification follows later (202).
 */
export async function acceptRequest(
  deps: Pick<HubDeps, 'store' | 'settings' | 'documentNameOf' | 'now'>,
  input: HubRequestInput,
) {
  const topic = input['hub.topic'];
  const name = deps.documentNameOf(topic);
  const published = name !== undefined && (await deps.store.hasFeedDocument(name));
  if (!published) {
    throw new ValidationError(
      `hub.topic: ${topic} is not a feed Tidings publishes; subscribe to a feed's rel="self" URL`,
    );
  }
  const { defaultSeconds, minSeconds, maxSeconds } = deps.settings.lease;
  const asked = input['hub.lease_seconds'] ?? defaultSeconds;
  const request: SubscriptionRequest = {
    topic,
    callback: input['hub.callback'],
    mode: input['hub.mode'],
    leaseSeconds: Math.min(maxSeconds, Math.max(minSeconds, asked)),
    requestedAt: deps.now().toISOString(),
  };
  if (input['hub.secret'] !== undefined) request.secret = input['hub.secret'];
  await deps.store.saveSubscriptionRequest(request);
  return request;
}
