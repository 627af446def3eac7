import type { SubscriptionRequest, SubscriptionState, SubscriptionStatus } from '../../domain/subscription.ts';

export interface RequestRow {
  topic: string;
  callback: string;
  mode: SubscriptionRequest['mode'];
  secret: string | null;
  lease_seconds: number;
  requested_at: string;
  state: 'pending' | 'refused';
  error: string | null;
}

export interface SubscriptionRow {
  topic: string;
  callback: string;
  secret: string | null;
  lease_seconds: number;
  verified_at: string;
  expires_at: string;
  last_delivery_at: string | null;
  last_attempt_at: string | null;
  last_status: number | null;
  last_error: string | null;
  consecutive_failures: number;
  queued: number;
}

export function requestFromRow(row: RequestRow): SubscriptionRequest {
  const request: SubscriptionRequest = {
    topic: row.topic,
    callback: row.callback,
    mode: row.mode,
    leaseSeconds: row.lease_seconds,
    requestedAt: row.requested_at,
  };
  if (row.secret !== null) request.secret = row.secret;
  return request;
}

/** A request waiting for (or refused by) verification, as the admin API shows it. */
export function statusOfRequest(row: RequestRow): SubscriptionStatus {
  const status: SubscriptionStatus = {
    topic: row.topic,
    callback: row.callback,
    state: row.state,
    leaseSeconds: row.lease_seconds,
    since: row.requested_at,
    signed: row.secret !== null,
    consecutiveFailures: 0,
    deliveryPending: false,
  };
  if (row.error !== null) status.lastError = row.error;
  return status;
}

/** A verified subscription: expired once its lease ends (§5.3.1), failing while deliveries fail. */
export function statusOfSubscription(row: SubscriptionRow, now: string): SubscriptionStatus {
  const state: SubscriptionState =
    row.expires_at <= now ? 'expired' : row.consecutive_failures > 0 ? 'failing' : 'active';
  const status: SubscriptionStatus = {
    topic: row.topic,
    callback: row.callback,
    state,
    leaseSeconds: row.lease_seconds,
    since: row.verified_at,
    expiresAt: row.expires_at,
    signed: row.secret !== null,
    consecutiveFailures: row.consecutive_failures,
    deliveryPending: row.queued > 0,
  };
  if (row.last_delivery_at !== null) status.lastDeliveryAt = row.last_delivery_at;
  if (row.last_attempt_at !== null) status.lastAttemptAt = row.last_attempt_at;
  if (row.last_status !== null) status.lastStatus = row.last_status;
  if (row.last_error !== null) status.lastError = row.last_error;
  return status;
}
