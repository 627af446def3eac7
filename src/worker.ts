/**
 * Workers entry: D1 as the store and the feed-document sink, Cron Triggers as
 * the scheduler, the same createApp() as Node. The only Workers-specific
 * choices are made here; nothing Node-only (better-sqlite3, node-cron, fs) is
 * imported, so none of it reaches the bundle.
 */
import { createAssetsMediaReader } from './adapters/workers/assets-media-reader.ts';
import { createAssetsMediaStat } from './adapters/workers/assets-media-stat.ts';
import { createD1Database } from './adapters/workers/d1-database.ts';
import { createD1FeedSink } from './adapters/workers/d1-feed-sink.ts';
import { createDohResolver } from './adapters/workers/doh-resolver.ts';
import { WORKER_LIMITS } from './adapters/workers/worker-limits.ts';
import { createServices, type Services } from './app/create-services.ts';
import { loadConfig } from './config.ts';
import { createApp } from './http/create-app.ts';
import { createLogger } from './log.ts';
import { createCachedFeedSink } from './publish/cached-feed-sink.ts';

export interface WorkerEnv {
  DB: D1Database;
  /** The sample images (wrangler.toml [assets]), served under /media/. */
  ASSETS?: Fetcher;
  /** Plain-text vars and secrets: PUBLIC_URL, ADMIN_TOKEN, FEED_ITEMS, ... (see src/config.ts). */
  [name: string]: unknown;
}

interface WorkerContext {
  env: WorkerEnv;
  services: Services;
  app: ReturnType<typeof createApp>;
}

/** How long an isolate serves a feed document from memory before reading D1 again. */
const FEED_CACHE_MS = 5_000;

let cached: WorkerContext | undefined;

/** Wires the adapters once per isolate (and again if the runtime hands us another env). */
function contextFor(env: WorkerEnv): WorkerContext {
  if (cached?.env === env) return cached;
  const vars = Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string'));
  const config = loadConfig(vars);
  const log = createLogger(config.logLevel);
  const feeds = createCachedFeedSink(createD1FeedSink(env.DB), FEED_CACHE_MS);
  // Wrapped: workerd throws "Illegal invocation" when fetch is called as a method of another object.
  const outbound: typeof fetch = (input, init) => fetch(input, init);
  const adapters = {
    db: createD1Database(env.DB),
    feeds,
    publishTo: feeds.direct,
    fetch: outbound,
    resolveHost: createDohResolver(outbound),
    ...(env.ASSETS && { statMedia: createAssetsMediaStat(env.ASSETS) }),
  };
  // No background work: an invocation ends with its answer, so the hub is drained by the publish cron.
  const services = createServices(config, adapters, { log, limits: WORKER_LIMITS, background: false });
  const app = createApp({ ...services, ...(env.ASSETS && { readMedia: createAssetsMediaReader(env.ASSETS) }) });
  cached = { env, services, app };
  return cached;
}

/**
 * Workers rewrite Accept-Encoding to what Cloudflare's edge accepts ("gzip, br")
 * whatever the client sent; the client's own header is request.cf.clientAcceptEncoding.
 * The app negotiates gzip itself, so it gets the client's header back, or none
 * (identity) where there is no cf object, as under `wrangler dev`.
 */
function withClientAcceptEncoding(request: Request): Request {
  const cf = (request as { cf?: { clientAcceptEncoding?: string } }).cf;
  const headers = new Headers(request.headers);
  if (cf?.clientAcceptEncoding) headers.set('Accept-Encoding', cf.clientAcceptEncoding);
  else headers.delete('Accept-Encoding');
  return new Request(request, { headers });
}

/**
 * Gzip bytes from the app (feeds are gzipped once per ETag). workerd compresses a
 * body itself when Content-Encoding is set, unless told the body is already
 * encoded ("manual"); without this, gzip clients would get gzip of gzip.
 */
function withEncodedBody(response: Response): Response {
  if (!response.headers.has('Content-Encoding')) return response;
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
    encodeBody: 'manual',
  });
}

/**
 * Which job a Cron Trigger runs, by its cron string (the same strings as the
 * PUBLISH_SCHEDULE and INGEST_SCHEDULE config and wrangler.toml [triggers]).
 * Triggers run in UTC and may fire more than once; both jobs are idempotent:
 * publish compares fingerprints and rewrites only changed feeds with the same
 * bytes, ingest claims each due source before fetching it, the WebSub hub claims each
 * verification and delivery before sending it. Each job logs its
 * own failures; one failing job does not stop the other.
 */
async function runScheduled(cron: string, { services }: WorkerContext): Promise<void> {
  const { config, log, publisher } = services;
  const jobs: Promise<unknown>[] = [];
  if (cron === config.publishSchedule) {
    // Deliveries queued by this publish (and retries now due) go out in the same invocation.
    jobs.push(publisher.publish(`cron ${cron}`).then(() => services.websub?.run()));
  }
  if (cron === config.ingest.schedule) jobs.push(services.ingestCycle.run());
  if (jobs.length === 0) log.warn('worker: no job runs on this cron', { cron });
  const failures = (await Promise.allSettled(jobs)).flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
  for (const error of failures) log.error('worker: scheduled job failed', { cron, error });
  // Rethrown so the trigger shows as failed in the dashboard; the next trigger tries again.
  if (failures.length) throw new AggregateError(failures, `worker: ${failures.length} job(s) failed on ${cron}`);
}

export default {
  async fetch(request, env, ctx) {
    const context = contextFor(env);
    return withEncodedBody(await context.app.fetch(withClientAcceptEncoding(request), env, ctx));
  },
  async scheduled(controller, env) {
    await runScheduled(controller.cron, contextFor(env));
  },
} satisfies ExportedHandler<WorkerEnv>;
