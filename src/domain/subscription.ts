import { z } from 'zod';

/**
 * WebSub (W3C Recommendation, 2018) as Tidings' hub sees it: a subscriber asks to
 * subscribe or unsubscribe a callback to a topic (one of our feed URLs); the hub
 * verifies the intent with the callback (§5.3), then POSTs each new version of the
 * topic to it (§7) until the lease ends.
 */
export type SubscriptionMode = 'subscribe' | 'unsubscribe';

/** A subscribe or unsubscribe request, waiting for its verification of intent. */
export interface SubscriptionRequest {
  topic: string;
  callback: string;
  mode: SubscriptionMode;
  /** Key of the HMAC in X-Hub-Signature (§7.1); never shown or logged. */
  secret?: string;
  /** The lease granted, already within the hub's bounds. */
  leaseSeconds: number;
  requestedAt: string;
}

/** What the admin API shows: pending and refused requests, and subscriptions by their health. */
export type SubscriptionState = 'pending' | 'refused' | 'active' | 'failing' | 'expired';

export interface SubscriptionStatus {
  topic: string;
  callback: string;
  state: SubscriptionState;
  leaseSeconds: number;
  /** When the request was made (pending, refused) or verified (the others). */
  since: string;
  expiresAt?: string;
  signed: boolean;
  lastDeliveryAt?: string;
  lastAttemptAt?: string;
  lastStatus?: number;
  /** Why the last delivery failed, or why verification refused the request. */
  lastError?: string;
  consecutiveFailures: number;
  /** A delivery is queued or being retried. */
  deliveryPending: boolean;
}

/** One content distribution to send: the subscription's key, its secret, and how often it was tried. */
export interface Delivery {
  id: number;
  revision: number;
  topic: string;
  callback: string;
  secret?: string;
  attempts: number;
}

/** How a delivery ended; the store applies it to the delivery and its subscription in one batch. */
export type DeliveryOutcome =
  | { kind: 'delivered'; delivery: Delivery; at: string; status: number }
  | { kind: 'retry'; delivery: Delivery; at: string; status?: number; error: string; nextAttemptAt: string }
  | { kind: 'gave-up'; delivery: Delivery; at: string; status?: number; error: string }
  /** The callback answered 410 Gone: the subscription is deleted (§7 allows it). */
  | { kind: 'gone'; delivery: Delivery; at: string };

const httpUrl = z.url({ protocol: /^https?$/ }).max(2048);

/**
 * The form a subscriber POSTs to the hub (§5.1). Unknown parameters are ignored, as
 * §5.1 requires. hub.secret "MUST be less than 200 bytes".
 */
export const hubRequestSchema = z.object({
  'hub.mode': z.enum(['subscribe', 'unsubscribe'], {
    error: 'must be "subscribe" or "unsubscribe" (Tidings publishes its own feeds; there is no publish mode)',
  }),
  'hub.topic': httpUrl,
  'hub.callback': httpUrl,
  'hub.lease_seconds': z.coerce.number().int().positive().optional(),
  'hub.secret': z
    .string()
    .min(1)
    .refine((s) => new TextEncoder().encode(s).byteLength < 200, 'must be less than 200 bytes')
    .optional(),
});

export type HubRequestInput = z.output<typeof hubRequestSchema>;

export const subscriptionListQuerySchema = z.strictObject({
  topic: httpUrl.optional(),
  state: z.enum(['pending', 'refused', 'active', 'failing', 'expired']).optional(),
});
