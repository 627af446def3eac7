/**
 * The real service in a child process for bench/serving-while-busy.ts: a fresh SQLite file,
 * the sample content published, the app on 127.0.0.1, and jobs the parent asks for over IPC
 * (ingest three sources with the related refresh after, seed articles, publish). WORKER_THREADS
 * from the parent's environment decides where the jobs run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { openNodeAdapters } from '../../src/adapters/node/node-adapters.ts';
import { createServices } from '../../src/app/create-services.ts';
import { loadConfig } from '../../src/config.ts';
import { createApp } from '../../src/http/create-app.ts';
import { silentLogger } from '../../src/log.ts';
import { loadSampleContent } from '../../src/seed/load-sample-content.ts';
import { syntheticArticle } from './synthetic-articles.ts';

export type BusyCommand = { cmd: 'ingest'; urls: string[] } | { cmd: 'seed'; articles: number } | { cmd: 'publish' };

const dir = mkdtempSync(join(tmpdir(), 'tidings-bench-busy-'));
const config = loadConfig({
  DATABASE_PATH: join(dir, 'tidings.db'),
  FEEDS_DIR: join(dir, 'feeds'),
  ADMIN_TOKEN: 'bench-token-0123456789',
  LOG_LEVEL: 'silent',
  OUTBOUND_ALLOW_NETWORKS: '127.0.0.1/32',
  INGEST_MAX_BYTES: String(16 * 1024 * 1024),
  INGEST_TIMEOUT_MS: '600000',
  INGEST_IDLE_TIMEOUT_MS: '600000',
  INGEST_RETENTION_ITEMS: '5000',
  INGEST_RETENTION_DAYS: '36500',
  WORKER_THREADS: process.env.WORKER_THREADS ?? '2',
  ...(process.env.WORKER_NICE && { WORKER_NICE: process.env.WORKER_NICE }),
});
const now = new Date('2026-11-25T12:00:00Z');
const ctx = createServices(config, await openNodeAdapters(config, silentLogger), { log: silentLogger, now: () => now });
await loadSampleContent({ ...ctx, seedDir: config.seedDir, siteUrl: config.siteUrl });
await ctx.publisher.publish('bench');
const document = await ctx.sink.get('all.rss');
const server = serve({ fetch: createApp(ctx).fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
  process.send?.({ ready: `http://127.0.0.1:${info.port}`, etag: document?.etag });
});

process.on('message', async (command: BusyCommand) => {
  const started = performance.now();
  if (command.cmd === 'ingest') {
    for (const [i, url] of command.urls.entries()) {
      const at = now.toISOString();
      await ctx.store.createSource({
        id: `src_bench_${i}_${Date.now()}`,
        url,
        name: `Bench ${i}`,
        pollIntervalMinutes: 30,
        enabled: true,
        createdAt: at,
        updatedAt: at,
        health: { itemsStored: 0, consecutiveFailures: 0, nextPollAt: at },
      });
    }
    const summary = await ctx.ingestCycle.run(); // the related refresh runs before it resolves
    process.send?.({ done: 'ingest', ms: performance.now() - started, inserted: summary.inserted });
  } else if (command.cmd === 'seed') {
    for (let start = 0; start < command.articles; start += 5_000) {
      const count = Math.min(5_000, command.articles - start);
      await ctx.store.createArticles(Array.from({ length: count }, (_, i) => syntheticArticle(start + i, 50, now)));
    }
    process.send?.({ done: 'seed', ms: performance.now() - started });
  } else {
    const result = await ctx.publisher.publish('bench');
    process.send?.({ done: 'publish', ms: performance.now() - started, written: result.feedsWritten.length });
  }
});
process.on('disconnect', async () => {
  server.close();
  await ctx.close();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
});
