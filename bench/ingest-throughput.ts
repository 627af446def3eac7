/**
 * Ingest pipeline throughput (decode + parse + normalize + store into a SQLite file) in items/s,
 * against raw rss-parser parseString on the same documents in the same run.
 * Goal: the pipeline at >= 0.8x of raw parsing. Run: npx tsx bench/ingest-throughput.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Parser from 'rss-parser';
import { decodeCharset } from '../src/ingest/decode-charset.ts';
import { normalizeFeed } from '../src/ingest/normalize.ts';
import { parseFeed } from '../src/ingest/parse-feed.ts';
import { migrate } from '../src/store/migrate.ts';
import { createSqlStore } from '../src/store/sql-store.ts';
import { loadMigrations, openSqliteDatabase } from '../src/store/sqlite-database.ts';
import { createFeedCorpus } from './support/feed-corpus.ts';

const FEEDS = 40;
const ITEMS = 50;
const ROUNDS = 7;
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

let round = 0;
const newStages = () => ({ parse: 0, normalize: 0, store: 0 });
const stages = { first: newStages(), again: newStages() };
/** Each round ingests into fresh sources (all inserts) unless `again` re-ingests the previous round's (all unchanged). */
async function pipeline(again: boolean): Promise<number> {
  if (!again) round++;
  let items = 0;
  for (let f = 0; f < FEEDS; f++) {
    const sourceId = `src_bench_${round}_${f}`;
    if (!again) {
      await store.createSource({
        id: sourceId,
        url: `https://f${f}.example/r${round}`,
        name: `Feed ${f}`,
        pollIntervalMinutes: 30,
        enabled: true,
        createdAt: NOW,
        updatedAt: NOW,
        health: { itemsStored: 0, consecutiveFailures: 0, nextPollAt: NOW },
      });
    }
    const stage = stages[again ? 'again' : 'first'];
    let mark = performance.now();
    const lap = (name: keyof typeof stage) => {
      const at = performance.now();
      stage[name] += at - mark;
      mark = at;
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

/** Rounds interleave the three runs, so a noisy neighbour slows all of them alike; medians are reported. */
async function measure(runs: (() => Promise<number>)[]): Promise<number[]> {
  const rates: number[][] = runs.map(() => []);
  for (let r = 0; r < ROUNDS; r++) {
    for (const [i, run] of runs.entries()) {
      const start = performance.now();
      const items = await run();
      rates[i]?.push(items / ((performance.now() - start) / 1000));
    }
  }
  return rates.map((list) => list.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)] as number);
}

await rawParse(); // warm up both paths
await pipeline(false);
await pipeline(true);
const [raw = 0, first = 0, again = 0] = await measure([rawParse, () => pipeline(false), () => pipeline(true)]);

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
console.log(
  `corpus: ${FEEDS} feeds x ${ITEMS} items = ${totalItems} items, ${megabytes.toFixed(1)} MB (60% RSS 2.0, 30% Atom, 10% RDF)`,
);
console.log(`raw rss-parser parseString:             ${fmt(raw)} items/s`);
console.log(`pipeline, first ingest (all inserts):   ${fmt(first)} items/s  ratio ${(first / raw).toFixed(2)}x`);
console.log(`pipeline, re-ingest (all unchanged):    ${fmt(again)} items/s  ratio ${(again / raw).toFixed(2)}x`);
const share = (s: ReturnType<typeof newStages>) => {
  const total = s.parse + s.normalize + s.store;
  const pct = (n: number) => `${Math.round((100 * n) / total)}%`;
  return `decode+parse ${pct(s.parse)}, normalize ${pct(s.normalize)}, store ${pct(s.store)}`;
};
console.log(`time by stage, first ingest: ${share(stages.first)}`);
console.log(`time by stage, re-ingest:    ${share(stages.again)}`);
console.log(`goal: >= 0.80x of raw parsing`);
db.close();
rmSync(dir, { recursive: true, force: true });
