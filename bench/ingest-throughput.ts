/**
 * Ingest pipeline throughput (decode + parse + normalize + store into a SQLite file) in items/s,
 * against raw rss-parser parseString on the same documents in the same run.
 * "before": the stages called one after the other, as ingest-source.ts ran them before issue 13.
 * "after": recordFetched, the stage after the network as ingest runs it now (a digest of the
 * document first: the same bytes again are not parsed), inline on one core and in 1 and 2
 * worker threads (the pool of adapters/node/offload, all 40 documents handed in at once).
 * Goals: first ingest >= 0.4x raw parsing on one core, more with more threads; re-ingest of an
 * unchanged document >= 0.9x. Run: npx tsx bench/ingest-throughput.ts [rounds]
 *
 * Fairness: both sides read the same 40 documents; both are warmed up first; every round runs
 * raw, first ingest and re-ingest back to back, so a noisy neighbour slows all three alike, and
 * the ratio is taken within each round before the median is reported. Stage times are summed
 * over the measured rounds only (never the warm-up).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Parser from 'rss-parser';
import { createFsFeedSink } from '../src/adapters/node/fs-feed-sink.ts';
import { nodeOutbound } from '../src/adapters/node/node-adapters.ts';
import { createOffloadedJobs } from '../src/adapters/node/offload/offloaded-jobs.ts';
import { loadMigrations, openSqliteDatabase } from '../src/adapters/node/sqlite-database.ts';
import { createInlineJobs, type Jobs } from '../src/app/jobs.ts';
import { loadConfig } from '../src/config.ts';
import { decodeCharset } from '../src/ingest/fetch/decode-charset.ts';
import { normalizeFeed } from '../src/ingest/normalize/normalize.ts';
import { parseFeed } from '../src/ingest/parse/parse-feed.ts';
import { silentLogger } from '../src/log.ts';
import { migrate } from '../src/store/migrate.ts';
import { createSqlStore } from '../src/store/sql-store.ts';
import { createFeedCorpus } from './support/feed-corpus.ts';

const FEEDS = 40;
const ITEMS = 50;
const ROUNDS = Number(process.argv[2] ?? 9);
const NOW = '2026-03-30T00:00:00.000Z';

const docs = createFeedCorpus(FEEDS, ITEMS);
const bodies = docs.map((doc) => new TextEncoder().encode(doc));
const totalItems = FEEDS * ITEMS;
const megabytes = bodies.reduce((sum, b) => sum + b.byteLength, 0) / 1024 / 1024;

const dir = mkdtempSync(join(tmpdir(), 'tidings-bench-'));
const db = openSqliteDatabase(join(dir, 'bench.db'));
await migrate(db, loadMigrations());
const store = createSqlStore(db);

async function rawParse(): Promise<number> {
  const parser = new Parser();
  let items = 0;
  for (const doc of docs) items += (await parser.parseString(doc)).items.length;
  return items;
}

type Stages = { parse: number; normalize: number; store: number };
const newStages = (): Stages => ({ parse: 0, normalize: 0, store: 0 });
/** Wall time, and this process's CPU time (less swayed by other processes on a shared machine). */
const stages = { first: newStages(), again: newStages() };
const cpuStages = { first: newStages(), again: newStages() };
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
let isMeasuring = false;
let round = 0;

/** Each round ingests into fresh sources (all inserts) unless `again` re-ingests the previous round's (all unchanged). */
async function pipeline(again: boolean): Promise<number> {
  if (!again) round++;
  const stage = isMeasuring ? stages[again ? 'again' : 'first'] : newStages();
  const cpuStage = isMeasuring ? cpuStages[again ? 'again' : 'first'] : newStages();
  let items = 0;
  for (let f = 0; f < FEEDS; f++) {
    const sourceId = `src_bench_${round}_${f}`;
    if (!again) await createSource(sourceId, `https://f${f}.example/r${round}`);
    let mark = performance.now();
    let cpuMark = cpuMs();
    const lap = (name: keyof Stages) => {
      const at = performance.now();
      const cpuAt = cpuMs();
      stage[name] += at - mark;
      cpuStage[name] += cpuAt - cpuMark;
      mark = at;
      cpuMark = cpuAt;
    };
    const { text } = decodeCharset(bodies[f] as Uint8Array, 'application/rss+xml; charset=utf-8');
    const feed = await parseFeed(text);
    lap('parse');
    const known = await store.listItemHashes(sourceId);
    const normalized = normalizeFeed(feed, {
      responseUrl: `https://f${f}.example/feed`,
      now: NOW,
      isKnown: (key, hash) => known.get(key) === hash,
    });
    lap('normalize');
    await store.recordFetch({
      sourceId,
      fetchedAt: NOW,
      status: 200,
      etag: null,
      lastModified: null,
      consecutiveFailures: 0,
      nextPollAt: NOW,
      items: normalized,
      retention: { maxItems: 1000, maxAgeDays: 3650 },
    });
    lap('store');
    items += feed.items.length;
  }
  return items;
}

/** Registering the bench's sources is set-up, not ingest: it is kept out of every timing. */
let setupMs = 0;
async function createSource(id: string, url: string): Promise<void> {
  const start = performance.now();
  await store.createSource({
    id,
    url,
    name: id,
    pollIntervalMinutes: 30,
    enabled: true,
    createdAt: NOW,
    updatedAt: NOW,
    health: { itemsStored: 0, consecutiveFailures: 0, nextPollAt: NOW },
  });
  setupMs += performance.now() - start;
}

const config = loadConfig({
  DATABASE_PATH: join(dir, 'bench.db'),
  FEEDS_DIR: join(dir, 'feeds'),
  INGEST_RETENTION_ITEMS: '1000',
  INGEST_RETENTION_DAYS: '3650',
  LOG_LEVEL: 'silent',
});
const feedSink = createFsFeedSink(config.feedsDir);
const inline = createInlineJobs({
  store,
  sink: feedSink,
  config,
  log: silentLogger,
  ...nodeOutbound(config),
  now: () => new Date(),
});
const pools = [1, 2].map((threads) => createOffloadedJobs(config, { threads, feeds: feedSink }));
let jobRound = 0;

/** Every document through recordFetched: fresh sources (first), or the same sources again (unchanged bytes). */
async function viaJobs(jobs: Jobs, again: boolean): Promise<number> {
  if (!again) jobRound++;
  // Set-up one source after the other: timed spans that overlapped would be subtracted twice.
  const jobsFor = [];
  for (const [f, body] of bodies.entries()) {
    const id = `src_jobs_${jobRound}_${f}_${jobs === inline ? 'i' : pools.indexOf(jobs)}`;
    if (!again) await createSource(id, `https://j${f}.example/r${jobRound}/${id}`);
    const setup = performance.now();
    const source = await store.getSource(id);
    setupMs += performance.now() - setup;
    if (!source) throw new Error(`no source ${id}`);
    const fetched = {
      isModified: true,
      status: 200,
      finalUrl: `https://f${f}.example/feed`,
      body: body.slice(), // a thread takes the buffer: each run hands over its own copy
      contentType: 'application/rss+xml; charset=utf-8',
    };
    jobsFor.push({ source, startedMs: Date.parse(NOW), fetched });
  }
  const outcomes = await Promise.all(jobsFor.map((job) => jobs.recordFetched(job)));
  const failed = outcomes.find((o) => o.error);
  if (failed) throw new Error(`recordFetched failed: ${failed.error}`);
  return totalItems;
}

/** Items/s of each run in each round. */
async function measure(runs: (() => Promise<number>)[]): Promise<number[][]> {
  const rates: number[][] = runs.map(() => []);
  for (let r = 0; r < ROUNDS; r++) {
    for (const [i, run] of runs.entries()) {
      setupMs = 0;
      const start = performance.now();
      const items = await run();
      rates[i]?.push(items / ((performance.now() - start - setupMs) / 1000));
    }
  }
  return rates;
}

const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? 0;

await rawParse(); // warm up every path (JIT, prepared statements) before anything is timed
await pipeline(false);
await pipeline(true);
for (const jobs of [inline, ...pools]) {
  await viaJobs(jobs, false);
  await viaJobs(jobs, true);
}
isMeasuring = true;
const [raw = [], first = [], again = [], jobsFirst = [], jobsAgain = [], oneThread = [], twoThreads = []] =
  await measure([
    rawParse,
    () => pipeline(false),
    () => pipeline(true),
    () => viaJobs(inline, false),
    () => viaJobs(inline, true),
    () => viaJobs(pools[0] as Jobs, false),
    () => viaJobs(pools[1] as Jobs, false),
  ]);

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const ratios = (list: number[]) => median(list.map((rate, r) => rate / (raw[r] ?? rate))).toFixed(2);
const spread = (list: number[]) => `${fmt(Math.min(...list))}-${fmt(Math.max(...list))}`;
console.log(
  `corpus: ${FEEDS} feeds x ${ITEMS} items = ${totalItems} items, ${megabytes.toFixed(1)} MB (60% RSS 2.0, 30% Atom, 10% RDF); ${ROUNDS} rounds, medians`,
);
console.log(`raw rss-parser parseString:             ${fmt(median(raw))} items/s  (rounds ${spread(raw)})`);
const line = (label: string, list: number[]) =>
  console.log(
    `${label.padEnd(58)} ${fmt(median(list)).padStart(8)} items/s  ratio ${ratios(list)}x  (rounds ${spread(list)})`,
  );
line('before: stages in turn, first ingest (all inserts)', first);
line('before: stages in turn, re-ingest (all items unchanged)', again);
line('after: recordFetched inline (one core), first ingest', jobsFirst);
line('after: recordFetched inline, re-ingest of the unchanged documents', jobsAgain);
line('after: recordFetched in 1 worker thread, first ingest', oneThread);
line('after: recordFetched in 2 worker threads, first ingest', twoThreads);
const rawMs = (1000 * 1000) / median(raw);
const perThousand = (s: Stages) => {
  const ms = (n: number) => ((n * 1000) / (ROUNDS * totalItems)).toFixed(1);
  return `decode+parse ${ms(s.parse)}, normalize ${ms(s.normalize)}, store ${ms(s.store)}`;
};
console.log(`ms per 1,000 items: raw parse ${rawMs.toFixed(1)}`);
console.log(`  first ingest: ${perThousand(stages.first)}  (CPU: ${perThousand(cpuStages.first)})`);
console.log(`  re-ingest:    ${perThousand(stages.again)}  (CPU: ${perThousand(cpuStages.again)})`);
console.log(
  'goals: first ingest >= 0.40x on one core, more with more threads; re-ingest of an unchanged document >= 0.90x',
);
console.log('(a shared machine: other processes take cores too, which caps what the threads can add)');
await Promise.all(pools.map((pool) => pool.close?.()));
db.close();
rmSync(dir, { recursive: true, force: true });
