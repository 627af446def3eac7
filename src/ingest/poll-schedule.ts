export interface PollBounds {
  minIntervalMinutes: number;
  maxIntervalMinutes: number;
}

/** What the publisher said about freshness: RSS <ttl>, Cache-Control max-age, Expires. */
export interface FreshnessHints {
  ttlMinutes?: number;
  maxAgeSeconds?: number;
  expiresAt?: string;
}

const MINUTE = 60_000;
export const WEEK_MS = 7 * 24 * 60 * MINUTE;

/**
 * How often to poll a source by how often it posts, as Miniflux's entry-frequency scheduler
 * does: a week divided by the items it published in the last week (70 items: every 144 min),
 * within the configured bounds; a source that published nothing in a week, at the upper bound.
 * The publisher's hints can only lengthen the wait (nextPollAfterSuccess).
 */
export function intervalFromFrequency(itemsLastWeek: number, bounds: PollBounds): number {
  if (itemsLastWeek <= 0) return bounds.maxIntervalMinutes;
  const minutes = Math.round(WEEK_MS / MINUTE / itemsLastWeek);
  return Math.min(Math.max(minutes, bounds.minIntervalMinutes), bounds.maxIntervalMinutes);
}

/**
 * After a success: the interval (intervalFromFrequency), or longer when the publisher asks us to wait
 * longer, always within the configured bounds.
 */
export function nextPollAfterSuccess(
  nowMs: number,
  intervalMinutes: number,
  hints: FreshnessHints,
  bounds: PollBounds,
): string {
  const waits = [intervalMinutes * MINUTE];
  if (hints.ttlMinutes) waits.push(hints.ttlMinutes * MINUTE);
  if (hints.maxAgeSeconds) waits.push(hints.maxAgeSeconds * 1000);
  const expires = hints.expiresAt ? Date.parse(hints.expiresAt) - nowMs : 0;
  if (expires > 0) waits.push(expires);
  return new Date(nowMs + clamp(Math.max(...waits), bounds)).toISOString();
}

/**
 * After a failure: exponential backoff from the source's configured interval (x2 per consecutive failure) with
 * ±25% jitter so failing sources do not retry in lockstep, never sooner than Retry-After,
 * and never later than the upper bound: a failing source is retried forever, never dropped.
 */
export function nextPollAfterFailure(
  nowMs: number,
  intervalMinutes: number,
  consecutiveFailures: number,
  retryAfterSeconds: number | undefined,
  bounds: PollBounds,
  random: () => number = Math.random,
): string {
  const exponent = Math.min(Math.max(consecutiveFailures - 1, 0), 20);
  const backoff = intervalMinutes * MINUTE * 2 ** exponent * (0.75 + random() * 0.5);
  const wait = Math.max(backoff, (retryAfterSeconds ?? 0) * 1000);
  return new Date(nowMs + clamp(wait, bounds)).toISOString();
}

function clamp(waitMs: number, bounds: PollBounds): number {
  return Math.min(Math.max(waitMs, bounds.minIntervalMinutes * MINUTE), bounds.maxIntervalMinutes * MINUTE);
}
