import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { createFsMediaReader } from '../../src/adapters/node/fs-media-reader.ts';
import { openNodeAdapters } from '../../src/adapters/node/node-adapters.ts';
import type { SqliteDatabase } from '../../src/adapters/node/sqlite-database.ts';
import { createSwaggerUiAssetReader } from '../../src/adapters/node/swagger-ui-assets.ts';
import { createServices, type Services } from '../../src/app/create-services.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import { createApp } from '../../src/http/create-app.ts';
import { type Logger, silentLogger } from '../../src/log.ts';

export const TEST_TOKEN = 'test-admin-token-0123456789';

export interface RunningTidings {
  ctx: Services & { db: SqliteDatabase };
  app: Hono;
  baseUrl: string;
  dir: string;
  /** fetch against the server, with the admin token when `admin` is set. */
  request(path: string, init?: RequestInit & { admin?: boolean }): Promise<Response>;
  /** An admin API call with the token; `body` goes as JSON. */
  admin(method: string, path: string, body?: unknown): Promise<Response>;
  /** POST /api/publish, as an editor would. */
  publish(): Promise<Response>;
  /** Moves the clock the app sees. */
  setNow(iso: string): void;
  stop(): Promise<void>;
}

/**
 * The real thing on 127.0.0.1: a SQLite file and a feeds folder in a fresh
 * temp dir, the real app on an ephemeral port. The clock is settable so
 * tests can publish at known instants.
 */
export async function startTidings(
  env: Record<string, string> = {},
  now = '2026-11-25T12:00:00.000Z',
  log: Logger = silentLogger,
): Promise<RunningTidings> {
  const dir = mkdtempSync(join(tmpdir(), 'tidings-test-'));
  let clock = new Date(now);
  let app: Hono | undefined;
  // The app is built once the port is known; env goes through as in src/node.ts (it carries Node's request).
  const server: ServerType = serve({
    fetch: (req, env) => (app as Hono).fetch(req, env),
    hostname: '127.0.0.1',
    port: 0,
  });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const config: Config = loadConfig({
    DATABASE_PATH: join(dir, 'tidings.db'),
    FEEDS_DIR: join(dir, 'feeds'),
    ADMIN_TOKEN: TEST_TOKEN,
    PUBLIC_URL: baseUrl,
    LOG_LEVEL: 'silent',
    // Inline unless a test asks for threads (tests/offload.test.ts): a thread costs a second to start.
    WORKER_THREADS: '0',
    ...env,
  });
  const adapters = await openNodeAdapters(config, silentLogger);
  const ctx = { ...createServices(config, adapters, { log, now: () => clock }), db: adapters.db };
  app = createApp({
    ...ctx,
    readMedia: createFsMediaReader(join(config.seedDir, 'images')),
    readApiDocsAsset: createSwaggerUiAssetReader(),
  });
  const request: RunningTidings['request'] = (path, init = {}) => {
    const { admin, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (admin) headers.set('authorization', `Bearer ${TEST_TOKEN}`);
    return fetch(`${baseUrl}${path}`, { ...rest, headers });
  };
  const admin: RunningTidings['admin'] = (method, path, body) =>
    request(path, {
      method,
      admin: true,
      ...(body !== undefined && { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
  return {
    ctx,
    app,
    baseUrl,
    dir,
    request,
    admin,
    publish: () => admin('POST', '/api/publish'),
    setNow(iso) {
      clock = new Date(iso);
    },
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await ctx.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
