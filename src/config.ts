import ipaddr from 'ipaddr.js';
import { z } from 'zod';
import type { IngesterSettings } from './ingest/create-ingester.ts';
import type { FeedSettings } from './publish/feed-catalog.ts';
import type { WebSubSettings } from './websub/hub-deps.ts';

/**
 * All configuration, from environment variables, validated once at startup.
 * Nothing else reads the environment: entries call loadConfig(env) and pass
 * the result down.
 */
const cron = z.string().regex(/^(\S+\s+){4,5}\S+$/, 'must be a cron expression like "* * * * *"');
const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const networkList = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
  )
  .superRefine((list, ctx) => {
    // A bare address means that address alone (the guard reads it as /32 or /128).
    const bad = list.find((entry) => !ipaddr.isValidCIDR(entry) && !ipaddr.isValid(entry));
    if (bad) ctx.addIssue({ code: 'custom', message: `"${bad}" is not a network like 127.0.0.1/32 or fd00::/8` });
  });
const hostList = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((entry) => entry.trim().toLowerCase())
      .filter(Boolean),
  )
  .superRefine((list, ctx) => {
    // Exactly the host a URL names: no scheme, port, path or wildcard (sanitize-html compares hostnames).
    const bad = list.find((entry) => !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/.test(entry));
    if (bad) ctx.addIssue({ code: 'custom', message: `"${bad}" is not a host name like www.youtube.com` });
  });
const url = z.url({ protocol: /^https?$/ }).transform((v) => v.replace(/\/+$/, ''));

const configSchema = z.object({
  NODE_ENV: z.string().default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  /** Node's HTTP server: how long a client may take (adapters/node/server-timeouts.ts). */
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
  HTTP_IDLE_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  DATABASE_PATH: z.string().default('data/tidings.db'),
  FEEDS_DIR: z.string().default('feeds'),
  SEED_DIR: z.string().default('data/seed'),
  /** Where this service is reached: feed self links, media, the index page. */
  PUBLIC_URL: url.optional(),
  /** Where article links point. When it is another site, that site serves the articles. */
  SITE_URL: url.optional(),
  SITE_TITLE: z.string().min(1).default('Tidings'),
  SITE_DESCRIPTION: z.string().default('News from Tidings'),
  LANGUAGE: z.string().min(2).default('en'),
  ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** A bearer token for /metrics alone, so a scraper need not hold the admin token (which also works). */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** /readyz answers 503 when the last successful publish is older than this (seconds). */
  READY_MAX_PUBLISH_AGE: z.coerce.number().int().min(1).default(600),
  PUBLISH_SCHEDULE: cron.default('* * * * *'),
  FEED_ITEMS: z.coerce.number().int().min(1).max(1000).default(50),
  FEED_MAX_AGE: z.coerce.number().int().min(0).max(86_400).default(60),
  /** Items per tag and author feed: narrower feeds, so fewer items (and 7,500 documents stay small). */
  FOLLOW_FEED_ITEMS: z.coerce.number().int().min(1).max(1000).default(20),
  /** Days a deleted or unpublished article stays in its Atom feeds as an RFC 6721 tombstone. */
  RETRACTION_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
  /**
   * What item content shows besides the body: the lead image with caption and credit on top,
   * and the author's byline and bio at the end (for readers that ignore media:content).
   */
  FEED_LEAD_IMAGE: flag.default(true),
  FEED_BYLINE: flag.default(true),
  /**
   * An external WebSub hub, announced in every feed and pinged after each publish. Unset,
   * Tidings is its own hub at PUBLIC_URL/websub.
   */
  WEBSUB_HUB: url.optional(),
  /** Leases of our own hub, in seconds: the default granted, and the bounds a requested one is kept within. */
  WEBSUB_LEASE_SECONDS: z.coerce.number().int().min(60).default(864_000),
  WEBSUB_MIN_LEASE_SECONDS: z.coerce.number().int().min(60).default(3_600),
  WEBSUB_MAX_LEASE_SECONDS: z.coerce.number().int().min(60).default(2_592_000),
  /** Verifications and deliveries in flight at once. */
  WEBSUB_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
  /** Tries of one delivery before the hub gives up on it; the first retry waits WEBSUB_RETRY_SECONDS, each next one twice as long. */
  WEBSUB_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  WEBSUB_RETRY_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  WEBSUB_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /**
   * Subscription requests one callback host may make an hour (a token bucket): each one makes
   * the hub send a verification GET there, so the hub cannot be aimed at a third party's server.
   */
  WEBSUB_REQUESTS_PER_HOUR: z.coerce.number().int().min(1).default(600),
  /** Days an expired subscription or a refused request stays in the admin API before it is deleted. */
  WEBSUB_FORGET_AFTER_DAYS: z.coerce.number().int().min(1).max(3650).default(7),
  /**
   * Hosts whose video players may be embedded in article and ingested HTML (an https iframe of
   * exactly that host), comma-separated, e.g. "www.youtube.com,player.vimeo.com". Empty: no iframe.
   */
  EMBED_HOSTS: hostList.default([]),
  /** Load the sample content into an empty database at start. */
  SEED_SAMPLE_CONTENT: flag.default(true),
  /** Related links per article in feeds and pages, and the API's default (src/domain/related.ts: at most 20 stored). */
  RELATED_LINKS: z.coerce.number().int().min(1).max(20).default(5),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** Node: threads for ingest parsing and writes, related refreshes and publish rendering; 0 runs them inline. */
  WORKER_THREADS: z.coerce.number().int().min(0).max(16).default(2),
  /** Node on Linux: how much higher those threads' nice value is than the serving thread's, so it runs first when cores are busy; 0 keeps them level. */
  WORKER_NICE: z.coerce.number().int().min(0).max(19).default(10),
  /** Ingestion of external feeds: when cycles run, how many sources at once, and the limits per fetch. */
  INGEST_SCHEDULE: cron.default('*/5 * * * *'),
  INGEST_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  INGEST_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(5 * 1024 * 1024),
  INGEST_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  INGEST_IDLE_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  INGEST_MIN_INTERVAL_MINUTES: z.coerce.number().int().min(1).default(5),
  INGEST_MAX_INTERVAL_MINUTES: z.coerce.number().int().min(1).default(1440),
  /**
   * Non-public networks every outbound request may reach (ingest, image probes, WebSub
   * callbacks), as comma-separated CIDRs, e.g. "127.0.0.1/32,10.1.0.0/16". Empty: public only.
   */
  OUTBOUND_ALLOW_NETWORKS: networkList.default([]),
  INGEST_RETENTION_ITEMS: z.coerce.number().int().min(1).max(100_000).default(1000),
  INGEST_RETENTION_DAYS: z.coerce.number().int().min(1).default(90),
});

export interface Config extends FeedSettings {
  host: string;
  port: number;
  /** Node's HTTP server timeouts (HTTP_*_TIMEOUT_MS). */
  serverTimeouts: ServerTimeouts;
  databasePath: string;
  feedsDir: string;
  seedDir: string;
  publicUrl: string;
  siteUrl: string;
  /** True when SITE_URL points elsewhere: we then serve no article pages. */
  siteIsExternal: boolean;
  siteTitle: string;
  siteDescription: string;
  language: string;
  adminToken?: string;
  metricsToken?: string;
  /** Seconds: how old the last successful publish may be before /readyz says not ready. */
  readyMaxPublishAge: number;
  publishSchedule: string;
  feedItems: number;
  feedMaxAge: number;
  /** Blocks added to every feed item's content (FEED_LEAD_IMAGE, FEED_BYLINE). */
  feedContentBlocks: { leadImage: boolean; byline: boolean };
  followFeedItems: number;
  retractionDays: number;
  /** An external hub; when unset, Tidings is its own (config.websub). */
  websubHub?: string;
  websub: WebSubSettings;
  seedSampleContent: boolean;
  /** EMBED_HOSTS: hosts whose players (https iframes) survive sanitizing; the ingest settings carry them too. */
  embedHosts: string[];
  /** Related links shown per article (feeds, pages, the API's default). */
  relatedLinks: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** OUTBOUND_ALLOW_NETWORKS: CIDRs outbound requests may reach although they are not public. */
  outboundAllowNetworks: string[];
  /** Node only: worker threads for the heavy jobs (app/jobs.ts); 0 runs them on the serving thread. */
  workerThreads: number;
  /** Node on Linux: how much lower the worker threads' priority is (adapters/node/offload/lower-thread-priority.ts). */
  workerNice: number;
  ingest: IngestSettings;
}

/** How long a client of the Node HTTP server may take, in milliseconds (adapters/node/server-timeouts.ts). */
export interface ServerTimeouts {
  /** From the first byte of a request to the end of its headers. */
  headersMs: number;
  /** From the first byte of a request to the end of its body. */
  requestMs: number;
  /** How long a connection may wait for its next request once an answer has been sent. */
  keepAliveMs: number;
  /** The longest silence of a client: a connection that never sends a byte is closed after it. */
  idleMs: number;
}

export interface IngestSettings extends IngesterSettings {
  schedule: string;
  concurrency: number;
  /** How long a cycle's claim on a source holds: a little over two fetch timeouts, so a dead run frees it soon. */
  claimMs: number;
}

export class ConfigError extends Error {}

/** Variables that changed meaning: starting with one set must not silently drop it. */
const RENAMED: Record<string, string> = {
  INGEST_ALLOW_PRIVATE_NETWORKS:
    'set OUTBOUND_ALLOW_NETWORKS to the networks to allow instead, e.g. OUTBOUND_ALLOW_NETWORKS=127.0.0.1/32',
};

/** "production", "Production", "PROD": operators spell it many ways, and a miss means a random admin token. */
function isProduction(nodeEnv: string): boolean {
  return ['production', 'prod'].includes(nodeEnv.trim().toLowerCase());
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  for (const [old, replacement] of Object.entries(RENAMED)) {
    if (present[old] !== undefined) throw new ConfigError(`invalid configuration: ${old} is gone; ${replacement}`);
  }
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  if (e.HTTP_HEADERS_TIMEOUT_MS > e.HTTP_REQUEST_TIMEOUT_MS) {
    // Node refuses to start a server whose headers may take longer than the whole request.
    throw new ConfigError(
      'invalid configuration: HTTP_HEADERS_TIMEOUT_MS must not be longer than HTTP_REQUEST_TIMEOUT_MS',
    );
  }
  if (isProduction(e.NODE_ENV) && !e.ADMIN_TOKEN) {
    throw new ConfigError('invalid configuration: ADMIN_TOKEN is required when NODE_ENV=production');
  }
  const publicUrl = e.PUBLIC_URL ?? `http://localhost:${e.PORT}`;
  const siteUrl = e.SITE_URL ?? publicUrl;
  const config: Config = {
    host: e.HOST,
    port: e.PORT,
    serverTimeouts: {
      headersMs: e.HTTP_HEADERS_TIMEOUT_MS,
      requestMs: e.HTTP_REQUEST_TIMEOUT_MS,
      keepAliveMs: e.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      idleMs: e.HTTP_IDLE_TIMEOUT_MS,
    },
    databasePath: e.DATABASE_PATH,
    feedsDir: e.FEEDS_DIR,
    seedDir: e.SEED_DIR,
    publicUrl,
    siteUrl,
    siteIsExternal: siteUrl !== publicUrl,
    siteTitle: e.SITE_TITLE,
    siteDescription: e.SITE_DESCRIPTION,
    language: e.LANGUAGE,
    readyMaxPublishAge: e.READY_MAX_PUBLISH_AGE,
    publishSchedule: e.PUBLISH_SCHEDULE,
    feedItems: e.FEED_ITEMS,
    feedMaxAge: e.FEED_MAX_AGE,
    followFeedItems: e.FOLLOW_FEED_ITEMS,
    retractionDays: e.RETRACTION_DAYS,
    websub: {
      lease: {
        minSeconds: e.WEBSUB_MIN_LEASE_SECONDS,
        maxSeconds: Math.max(e.WEBSUB_MIN_LEASE_SECONDS, e.WEBSUB_MAX_LEASE_SECONDS),
        defaultSeconds: Math.min(
          Math.max(e.WEBSUB_LEASE_SECONDS, e.WEBSUB_MIN_LEASE_SECONDS),
          Math.max(e.WEBSUB_MIN_LEASE_SECONDS, e.WEBSUB_MAX_LEASE_SECONDS),
        ),
      },
      concurrency: e.WEBSUB_CONCURRENCY,
      maxAttempts: e.WEBSUB_MAX_ATTEMPTS,
      retrySeconds: e.WEBSUB_RETRY_SECONDS,
      timeoutMs: e.WEBSUB_TIMEOUT_MS,
      requestsPerHour: e.WEBSUB_REQUESTS_PER_HOUR,
      forgetAfterDays: e.WEBSUB_FORGET_AFTER_DAYS,
    },
    feedContentBlocks: { leadImage: e.FEED_LEAD_IMAGE, byline: e.FEED_BYLINE },
    seedSampleContent: e.SEED_SAMPLE_CONTENT,
    embedHosts: e.EMBED_HOSTS,
    relatedLinks: e.RELATED_LINKS,
    logLevel: e.LOG_LEVEL,
    outboundAllowNetworks: e.OUTBOUND_ALLOW_NETWORKS,
    workerThreads: e.WORKER_THREADS,
    workerNice: e.WORKER_NICE,
    ingest: {
      schedule: e.INGEST_SCHEDULE,
      concurrency: e.INGEST_CONCURRENCY,
      maxBytes: e.INGEST_MAX_BYTES,
      timeoutMs: e.INGEST_TIMEOUT_MS,
      idleTimeoutMs: e.INGEST_IDLE_TIMEOUT_MS,
      minIntervalMinutes: e.INGEST_MIN_INTERVAL_MINUTES,
      maxIntervalMinutes: Math.max(e.INGEST_MIN_INTERVAL_MINUTES, e.INGEST_MAX_INTERVAL_MINUTES),
      retentionItems: e.INGEST_RETENTION_ITEMS,
      retentionDays: e.INGEST_RETENTION_DAYS,
      embedHosts: e.EMBED_HOSTS,
      claimMs: 2 * e.INGEST_TIMEOUT_MS + 60_000,
    },
  };
  if (e.ADMIN_TOKEN) config.adminToken = e.ADMIN_TOKEN;
  if (e.METRICS_TOKEN) config.metricsToken = e.METRICS_TOKEN;
  if (e.WEBSUB_HUB) config.websubHub = e.WEBSUB_HUB;
  return config;
}
