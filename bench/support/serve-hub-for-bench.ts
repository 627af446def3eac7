/**
 * Child process for bench/websub-fanout.ts: the real app as its own WebSub hub, with the
 * sample content published, allowed to call subscribers on 127.0.0.1; beside it a bare
 * Hono app that returns the same bytes as /feeds/all.rss with no logic. Prints both base
 * URLs and the admin token as JSON.
 */
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { openNodeAdapters } from '../../src/adapters/node/node-adapters.ts';
import { createServices } from '../../src/app/create-services.ts';
import { loadConfig } from '../../src/config.ts';
import { createApp } from '../../src/http/create-app.ts';
import { silentLogger } from '../../src/log.ts';
import { loadSampleContent } from '../../src/seed/load-sample-content.ts';

const TOKEN = 'bench-token-0123456789';
let app: Hono | undefined;
const listen = (fetch: (request: Request, env: unknown) => Response | Promise<Response>) =>
  new Promise<string>((resolve) => {
    const server = serve({ fetch, hostname: '127.0.0.1', port: 0 }, () => {
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    });
  });
// Listening first: PUBLIC_URL (the topics' URLs) must be the address subscribers reach.
// env goes through as in src/node.ts: it carries Node's request, which the feed route reads.
const ours = await listen((request, env) => (app as Hono).fetch(request, env));

const dir = mkdtempSync(join(tmpdir(), 'tidings-bench-hub-'));
const config = loadConfig({
  DATABASE_PATH: join(dir, 'tidings.db'),
  FEEDS_DIR: join(dir, 'feeds'),
  ADMIN_TOKEN: TOKEN,
  PUBLIC_URL: ours,
  OUTBOUND_ALLOW_NETWORKS: '127.0.0.1/32', // the subscribers are on 127.0.0.1
  WEBSUB_REQUESTS_PER_HOUR: '100000', // every subscriber is on the one host 127.0.0.1
  WORKER_THREADS: process.env.WORKER_THREADS ?? '2', // the parent runs the bench with 0 and with threads
  PUBLISH_SCHEDULE: '0 0 1 1 *',
  // The worker threads log with their own logger, to this stdout, where the parent expects one JSON line.
  LOG_LEVEL: 'silent',
});
const ctx = createServices(config, await openNodeAdapters(config, silentLogger), { log: silentLogger });
await loadSampleContent({ ...ctx, seedDir: config.seedDir, siteUrl: config.siteUrl });
await ctx.publisher.publish('bench');
app = createApp(ctx);
const document = await ctx.sink.get('all.rss');
if (!document) throw new Error('all.rss was not published');

const headers = {
  'Content-Type': document.contentType,
  ETag: document.etag,
  'Last-Modified': new Date(document.lastModified).toUTCString(),
  'Cache-Control': 'public, max-age=60',
  Vary: 'Accept-Encoding',
};
const baseline = await listen(new Hono().get('/bytes', () => new Response(document.body, { headers })).fetch);
process.stdout.write(`${JSON.stringify({ ours, baseline, token: TOKEN, bytes: document.body.byteLength })}\n`);
