/**
 * One ingest cycle over 1,000 sources served by a local server (mixed 200 / 304 / slow /
 * failing / hanging), through the real pipeline into a SQLite file. Prints wall time, peak
 * RSS and the most requests the server saw at once, which must not exceed the pool size.
 * Run: npx tsx bench/ingest-cycle.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMigrations, openSqliteDatabase } from '../src/adapters/node/sqlite-database.ts';
import { createSourceFromInput } from '../src/domain/source-factory.ts';
import { createIngester } from '../src/ingest/create-ingester.ts';
import { runIngestCycle } from '../src/ingest/run-ingest-cycle.ts';
import { silentLogger } from '../src/log.ts';
import { migrate } from '../src/store/migrate.ts';
import { createSqlStore } from '../src/store/sql-store.ts';
import { createFeedCorpus } from './support/feed-corpus.ts';

const SOURCES = 1000;
const POOL = 8;
/** Per 100 sources: 40 answer 304 after a first 200, 30 change every time, 15 are slow, 10 fail (500), 3 reset, 2 hang. */
const KINDS = [
  ...Array(40).fill('etag'),
  ...Array(30).fill('changing'),
  ...Array(15).fill('slow'),
  ...Array(10).fill('fail'),
  ...Array(3).fill('reset'),
  ...Array(2).fill('hang'),
] as string[];

const bodies = createFeedCorpus(20, 20);
let inFlight = 0;
let maxInFlight = 0;
let served = 0;
const server = createServer((req, res) => {
  inFlight++;
  served++;
  maxInFlight = Math.max(maxInFlight, inFlight);
  res.on('close', () => inFlight--);
  const [, , n = '0', kind] = (req.url ?? '').split(/[/?]/);
  const body = bodies[Number(n) % bodies.length] as string;
  const ok = (text: string, headers: Record<string, string> = {}) =>
    res.writeHead(200, { 'content-type': 'application/rss+xml', ...headers }).end(text);
  if (kind === 'etag') {
    if (req.headers['if-none-match'] === `"${n}"`) res.writeHead(304, { etag: `"${n}"` }).end();
    else ok(body, { etag: `"${n}"` });
  } else if (kind === 'changing')
    ok(body.replace(/<guid isPermaLink="false">/g, `<guid isPermaLink="false">${served}-`));
  else if (kind === 'slow') setTimeout(() => ok(body), 300);
  else if (kind === 'fail') res.writeHead(500).end('boom');
  else if (kind === 'reset') req.socket.destroy();
  // 'hang': never answer; the idle timeout ends it.
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const dir = mkdtempSync(join(tmpdir(), 'tidings-cycle-'));
const db = openSqliteDatabase(join(dir, 'bench.db'));
await migrate(db, loadMigrations());
const store = createSqlStore(db);
let offsetMs = 0;
const now = () => Date.now() + offsetMs;
for (let n = 0; n < SOURCES; n++) {
  const kind = KINDS[n % KINDS.length];
  const input = { url: `${origin}/feed/${n}?${kind}`, name: `Source ${n}`, pollIntervalMinutes: 5, enabled: true };
  await store.createSource(createSourceFromInput(input, new Date(now()).toISOString()));
}
// Counted on our side: a request the client aborted (hang) may still look open to the server for a moment.
let fetching = 0;
let maxFetching = 0;
const countingFetch: typeof fetch = async (input, init) => {
  maxFetching = Math.max(maxFetching, ++fetching);
  try {
    return await fetch(input, init);
  } finally {
    fetching--;
  }
};
let ingesting = 0;
let maxIngesting = 0;
const ingestOne = createIngester({
  store,
  fetch: countingFetch,
  resolveHost: async () => ['127.0.0.1'],
  settings: {
    maxBytes: 5 << 20,
    timeoutMs: 5000,
    idleTimeoutMs: 1000,
    minIntervalMinutes: 5,
    maxIntervalMinutes: 1440,
    retentionItems: 1000,
    retentionDays: 3650,
  },
  publicUrl: 'https://tidings.example',
  log: silentLogger,
  now,
  allowNetworks: ['127.0.0.1/32'],
});
const ingest: typeof ingestOne = async (source, signal) => {
  maxIngesting = Math.max(maxIngesting, ++ingesting);
  try {
    return await ingestOne(source, signal);
  } finally {
    ingesting--;
  }
};

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
for (const label of ['cycle 1 (cold: every feed is new)', 'cycle 2 (warm: 304s, changed feeds, same faults)']) {
  maxInFlight = 0;
  maxFetching = 0;
  maxIngesting = 0;
  peakRss = process.memoryUsage().rss;
  const started = performance.now();
  const summary = await runIngestCycle({ store, ingest, concurrency: POOL, claimMs: 60_000, log: silentLogger, now });
  const wall = performance.now() - started;
  console.log(label);
  const rate = Math.round(summary.sources / (wall / 1000));
  console.log(`  ${summary.sources} sources in ${(wall / 1000).toFixed(2)} s wall (${rate} sources/s), pool ${POOL}`);
  console.log(
    `  at most ${maxIngesting} sources and ${maxFetching} fetches in flight (server saw ${maxInFlight} open requests, counting aborted ones until their socket closed)`,
  );
  console.log(
    `  ${summary.succeeded} with new content, ${summary.notModified} not modified, ${summary.failed} failed; ${summary.inserted} items stored, ${summary.updated} edited`,
  );
  console.log(`  peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB (this process also runs the feed server)`);
  if (maxIngesting > POOL || maxFetching > POOL) console.log('  !! more work in flight than the pool allows');
  offsetMs += 24 * 3600_000; // a day later: every source is due again, backoff included
}
clearInterval(sampler);
server.closeAllConnections();
server.close();
db.close();
rmSync(dir, { recursive: true, force: true });
