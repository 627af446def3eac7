/**
 * Child process for bench/feed-serving.ts: the real app with the sample
 * content published, and beside it a bare Hono app that returns the same
 * bytes with the same headers (copied from our route's answers) and no logic. Prints the two base URLs as JSON.
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
import { encodePageCursor } from '../../src/publish/feed-page.ts';
import { loadSampleContent } from '../../src/seed/load-sample-content.ts';

const dir = mkdtempSync(join(tmpdir(), 'tidings-bench-serve-'));
const config = loadConfig({
  DATABASE_PATH: join(dir, 'tidings.db'),
  FEEDS_DIR: join(dir, 'feeds'),
  ADMIN_TOKEN: 'bench-token-0123456789',
  // The worker threads log with their own logger, to this stdout, where the parent expects one JSON line.
  LOG_LEVEL: 'silent',
});
const ctx = createServices(config, await openNodeAdapters(config, silentLogger), { log: silentLogger });
await loadSampleContent({ ...ctx, seedDir: config.seedDir, siteUrl: config.siteUrl });
await ctx.publisher.publish('bench');
const document = await ctx.sink.get('all.rss');
if (!document) throw new Error('all.rss was not published');

// The bare routes send exactly the headers our feed route sends (captured below, once it
// listens), so the two differ only in the work done per request: the comparison the goal asks for.
let headers200: Record<string, string> = {};
let headers304: Record<string, string> = {};
const bare = new Hono()
  .get('/bytes', () => new Response(document.body, { headers: headers200 }))
  .get('/not-modified', () => new Response(null, { status: 304, headers: headers304 }));

/** A response's own headers, without those the server adds for the connection and the body. */
function ownHeaders(response: Response): Record<string, string> {
  const added = new Set(['content-length', 'date', 'connection', 'keep-alive', 'transfer-encoding']);
  return Object.fromEntries([...response.headers].filter(([name]) => !added.has(name)));
}

const listen = (fetch: (request: Request) => Response | Promise<Response>) =>
  new Promise<string>((resolve) => {
    const server = serve({ fetch, hostname: '127.0.0.1', port: 0 }, () => {
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    });
  });

const ours = await listen(createApp(ctx).fetch);
const baseline = await listen(bare.fetch);
const identity = { 'accept-encoding': 'identity' };
headers200 = ownHeaders(await fetch(`${ours}/feeds/all.rss`, { headers: identity }));
headers304 = ownHeaders(
  await fetch(`${ours}/feeds/all.rss`, { headers: { ...identity, 'if-none-match': document.etag } }),
);
// An archive page (?before=) starting after the newest article, for bench/feed-archive.ts.
const [newest] = await ctx.store.listFeedArticles({ now: ctx.now().toISOString(), limit: 1 });
if (!newest?.publishedAt) throw new Error('no published article to page from');
const archivePath = `/feeds/all.rss?before=${encodePageCursor({ publishedAt: newest.publishedAt, id: newest.id })}`;
const archiveEtag = (await fetch(`${ours}${archivePath}`)).headers.get('etag');
process.stdout.write(
  `${JSON.stringify({ ours, baseline, etag: document.etag, bytes: document.body.byteLength, archivePath, archiveEtag })}\n`,
);
