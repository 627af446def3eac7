/** Longest wait between two tries of one delivery. */
const MAX_DELAY_SECONDS = 6 * 3600;

/**
 * When a failed delivery is tried again: after retrySeconds, then twice as long each
 * time (exponential backoff), at most six hours apart. §7: hubs SHOULD retry up to
 * self-imposed limits on the number of tries and the time spent.
 */
export function nextAttemptAt(failedAtMs: number, attemptsSoFar: number, retrySeconds: number): string {
  const delay = Math.min(MAX_DELAY_SECONDS, retrySeconds * 2 ** Math.max(0, attemptsSoFar - 1));
  return new Date(failedAtMs + delay * 1000).toISOString();
}
