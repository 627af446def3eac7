/**
 * How many subscription requests one callback host may make: a token bucket per host that
 * holds `perHour` requests and refills at that rate. Every request makes the hub send a
 * verification GET to the callback (WebSub §5.3), so without a limit anyone could aim our
 * hub at a third party's server. Kept in memory: per process on Node, per isolate on
 * Workers (a bound there, not an exact count).
 */
export interface RequestLimit {
  /** Takes one request for `key` at `nowMs`: undefined when allowed, else whole seconds to wait (Retry-After). */
  take(key: string, nowMs: number): number | undefined;
}

/** Hosts remembered at most; the least recently seen go first, so a flood of hosts cannot grow memory. */
const MAX_KEYS = 10_000;
const HOUR_MS = 3_600_000;

export function createRequestLimit(perHour: number, maxKeys = MAX_KEYS): RequestLimit {
  const buckets = new Map<string, { tokens: number; atMs: number }>();
  return {
    take(key, nowMs) {
      const known = buckets.get(key);
      const elapsed = known ? Math.max(0, nowMs - known.atMs) : 0;
      const tokens = known ? Math.min(perHour, known.tokens + (elapsed * perHour) / HOUR_MS) : perHour;
      buckets.delete(key); // re-inserted below: Map order is recency
      const allowed = tokens >= 1;
      buckets.set(key, { tokens: allowed ? tokens - 1 : tokens, atMs: nowMs });
      for (const [oldest] of buckets) {
        if (buckets.size <= maxKeys) break;
        buckets.delete(oldest);
      }
      if (allowed) return undefined;
      const waitMs = Math.round(((1 - tokens) * HOUR_MS) / perHour); // whole ms: no float dust in the ceil
      return Math.max(1, Math.ceil(waitMs / 1000));
    },
  };
}
