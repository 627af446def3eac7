/**
 * Node entry: embedded SQLite, feeds on disk, node-cron schedules, one HTTP server.
 * `npm start` runs this: it migrates, loads the sample content into an empty
 * database, publishes every feed, then serves and keeps publishing.
 */
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createFsMediaReader } from './adapters/node/fs-media-reader.ts';
import { openNodeAdapters } from './adapters/node/node-adapters.ts';
import { scheduleJobs } from './adapters/node/schedule-jobs.ts';
import { closeIdleConnections, serverTimeoutOptions } from './adapters/node/server-timeouts.ts';
import { createSwaggerUiAssetReader } from './adapters/node/swagger-ui-assets.ts';
import { createServices } from './app/create-services.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { createApp } from './http/create-app.ts';
import { createLogger } from './log.ts';
import { loadSampleContent } from './seed/load-sample-content.ts';

async function main(): Promise<void> {
  const configured = loadConfig(process.env);
  const config = withAdminToken(configured);
  const log = createLogger(config.logLevel);
  const services = createServices(config, await openNodeAdapters(config, log), { log });

  if (config.seedSampleContent) {
    const created = await loadSampleContent({ ...services, seedDir: config.seedDir, siteUrl: config.siteUrl });
    if (created) log.info('seed: sample content loaded', { articles: created, seed_dir: config.seedDir });
  }
  await services.publisher.publish('startup');

  const app = createApp({
    ...services,
    readMedia: createFsMediaReader(join(config.seedDir, 'images')),
    readApiDocsAsset: createSwaggerUiAssetReader(),
  });
  const categories = await services.store.listCategories(services.now().toISOString());
  const server = serve(
    {
      fetch: app.fetch,
      hostname: config.host,
      port: config.port,
      serverOptions: serverTimeoutOptions(config.serverTimeouts),
    },
    (info) => {
      printWelcome(config, info.port, ['all', ...categories.map((c) => c.slug)], !configured.adminToken);
    },
  );
  // serve() makes an http.Server (no createServer option given), which has setTimeout.
  closeIdleConnections(server as Server, config.serverTimeouts.idleMs);
  server.once('error', (error: NodeJS.ErrnoException) => {
    const reason =
      error.code === 'EADDRINUSE' ? `port ${config.port} is already in use; set PORT to another` : error.message;
    process.stderr.write(`tidings: cannot listen on ${config.host}:${config.port}: ${reason}\n`);
    process.exit(1);
  });
  const stopJobs = scheduleJobs([
    { name: 'publish', schedule: config.publishSchedule, run: () => services.publisher.publish('schedule') },
    // A cycle that is still running when the next is due is skipped by the cycle itself.
    { name: 'ingest', schedule: config.ingest.schedule, run: () => services.ingestCycle.run() },
  ]);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('node: shutting down', { signal });
    await stopJobs();
    server.close();
    await services.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

/** Outside production a missing token is replaced by a random one for this run, printed at start. */
function withAdminToken(config: Config): Config {
  if (config.adminToken) return config;
  return { ...config, adminToken: `sample-${randomBytes(18).toString('base64url')}` };
}

function printWelcome(config: Config, port: number, feedKeys: string[], tokenIsSample: boolean): void {
  const base = config.publicUrl;
  const lines = [
    '',
    `Tidings is serving on http://${config.host}:${port}`,
    `  index: ${base}/`,
    '  feeds:',
    ...feedKeys.map((key) => `    ${base}/feeds/${key}.rss  .atom  .json`),
    `  admin API: ${base}/api/articles`,
    // A token the operator set is a secret: it never reaches stdout, journald or container logs.
    ...(tokenIsSample
      ? [
          `    Authorization: Bearer ${config.adminToken}`,
          '    (a sample token generated for this run only; set ADMIN_TOKEN to choose your own)',
        ]
      : ['    Authorization: Bearer <ADMIN_TOKEN> (the token you configured)']),
    '',
  ];
  process.stdout.write(lines.join('\n'));
}

main().catch((error) => {
  const message = error instanceof ConfigError ? error.message : (error as Error).stack;
  process.stderr.write(`tidings: ${message}\n`);
  process.exit(1);
});
