import type {
  HubRequestInput,
  SubscriptionRequest,
  SubscriptionState,
  SubscriptionStatus,
} from '../domain/subscription.ts';
import { acceptRequest } from './accept-request.ts';
import type { HubDeps } from './hub-deps.ts';
import { type HubWorkSummary, NO_HUB_WORK } from './hub-work.ts';
import { createRequestLimit } from './request-limit.ts';

/** Longest a Node timer sleeps before it looks at the queue again (retries are due at stored instants). */
const MAX_SLEEP_MS = 60 * 60 * 1000;
/** How often a run also deletes ended subscriptions and refused requests. */
const FORGET_EVERY_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Tidings' own WebSub hub: what the HTTP routes, the publisher and the schedulers ask of it. */
export interface WebSubHub {
  readonly hubUrl: string;
  /**
   * Counts a request for this callback against its host's hourly allowance (WEBSUB_REQUESTS_PER_HOUR):
   * undefined when it may go on, else the seconds to wait (the route answers 429 with Retry-After).
   */
  takeRequest(callback: string): number | undefined;
  /** Checks and records a subscribe or unsubscribe request (the route then answers 202). */
  request(input: HubRequestInput): Promise<SubscriptionRequest>;
  /** After a publish: queues a delivery per live subscription of each changed topic, and starts sending in the background. */
  topicsChanged(topics: string[]): Promise<number>;
  /** Verifies pending requests, then sends due deliveries. One run at a time; a call during a run gets one more after it. */
  run(): Promise<HubWorkSummary>;
  listSubscriptions(filter: { topic?: string; state?: SubscriptionState }): Promise<SubscriptionStatus[]>;
  /** Stops the retry timer and waits for the run in flight. */
  close(): Promise<void>;
}

export interface HubOptions {
  /**
   * Node: work starts right after a publish or a request, and a timer wakes the hub when a
   * retry is due. Workers: no work outlives an invocation, so the Cron Trigger calls run().
   */
  background: boolean;
  /** Verifications and deliveries per run (Workers: its subrequest budget); unlimited on Node. */
  maxPerRun?: number;
  /**
   * The verifications and deliveries (doHubWork), wherever the jobs run (app/jobs.ts): on Node
   * its worker threads, so a fan-out to many subscribers leaves the serving thread to serve.
   */
  work: (limit: number) => Promise<HubWorkSummary>;
  /** Told how each run ended, e.g. to count deliveries by outcome. */
  observe?: (summary: HubWorkSummary) => void;
}

export function createWebSubHub(deps: HubDeps, options: HubOptions): WebSubHub {
  const limit = options.maxPerRun ?? Number.MAX_SAFE_INTEGER;
  let current: Promise<HubWorkSummary> | undefined;
  let again: Promise<HubWorkSummary> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  const requests = createRequestLimit(deps.settings.requestsPerHour);
  let forgotAt = Number.NEGATIVE_INFINITY;

  /**
   * Expired subscriptions and refused requests stay in the admin API for a while, to explain
   * themselves, then go: otherwise every callback that ever asked would be kept forever.
   */
  const forgetEnded = async () => {
    const nowMs = deps.now().getTime();
    if (nowMs - forgotAt < FORGET_EVERY_MS) return;
    forgotAt = nowMs;
    const before = new Date(nowMs - deps.settings.forgetAfterDays * DAY_MS).toISOString();
    const forgotten = await deps.store.forgetEndedSubscriptions(before);
    if (forgotten > 0) deps.log.info('websub: forgot ended subscriptions and refused requests', { forgotten, before });
  };

  const runOnce = async (): Promise<HubWorkSummary> => {
    await forgetEnded();
    const summary = await options.work(limit);
    options.observe?.(summary);
    return summary;
  };

  const wakeForRetries = async () => {
    if (!options.background || closed) return;
    const due = await deps.store.nextDeliveryAt();
    clearTimeout(timer);
    if (due === undefined) return;
    const sleep = Math.min(MAX_SLEEP_MS, Math.max(0, Date.parse(due) - deps.now().getTime()));
    timer = setTimeout(() => void run(), sleep);
    (timer as { unref?: () => void }).unref?.(); // a pending retry never keeps the process alive
  };

  const start = (): Promise<HubWorkSummary> => {
    const running = runOnce()
      .catch((error): HubWorkSummary => {
        deps.log.error('websub: hub run failed; its work stays queued', { error });
        return NO_HUB_WORK;
      })
      .finally(() => {
        if (current === running) current = undefined;
      });
    current = running;
    void running.then(wakeForRetries).catch((error) => deps.log.error('websub: retry timer failed', { error }));
    return running;
  };

  const run = (): Promise<HubWorkSummary> => {
    if (closed) return Promise.resolve(NO_HUB_WORK);
    if (!current) return start();
    again ??= current.then(() => {
      again = undefined;
      return start();
    });
    return again;
  };

  return {
    hubUrl: deps.hubUrl,
    takeRequest: (callback) => requests.take(new URL(callback).hostname, deps.now().getTime()),
    async request(input) {
      const request = await acceptRequest(deps, input);
      if (options.background) void run();
      return request;
    },
    async topicsChanged(topics) {
      const queued = await deps.store.queueDeliveries(topics, deps.now().toISOString());
      if (queued > 0 && options.background) void run();
      return queued;
    },
    run,
    listSubscriptions: (filter) => deps.store.listSubscriptions({ ...filter, now: deps.now().toISOString() }),
    async close() {
      closed = true;
      clearTimeout(timer);
      while (current || again) await (again ?? current);
    },
  };
}
