/**
 * Related stories at archive scale (issue 5):
 * - lookup: the store read behind GET /api/articles/:id/related, p50/p95,
 *   with 100,000 stored stories (articles + external items);
 * - refresh after an ingest of 1,000 new external items against that
 *   archive: wall and CPU time, inline (Workers, the CLI, WORKER_THREADS=0)
 *   and spread over worker threads (the Node service, WORKER_THREADS,
 *   default 2) on a copy of the same archive, whose stored links must come
 *   out identical; and peak RSS.
 *
 *   npx tsx bench/related-perf.ts [--articles 25000] [--external 75000] [--threads 2]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadMigrations, openSqliteDatabase } from '../src/adapters/node/sqlite-database.ts';
import { articleUrlFor } from '../src/domain/article-url.ts';
import { refreshRelatedSince } from '../src/related/refresh-after-ingest.ts';
import { refreshRelatedForArticle } from '../src/related/refresh-related.ts';
import { migrate } from '../src/store/migrate.ts';
import { createSqlStore } from '../src/store/sql-store.ts';
import type { RelatedSearch } from '../src/store/store.ts';
import { timeItemSearches } from './support/item-search-baseline.ts';
import { peakRssMiB, ratio } from './support/measure.ts';
import { fillArchive, seedRelatedLinks, toItem, withTimings } from './support/related-archive.ts';
import { createCorpus, createRandom } from './support/related-corpus.ts';
import { copyArchive, refreshInThreads, sameLinks, timeRefresh } from './support/related-threaded.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '25000' },
    external: { type: 'string', default: '75000' },
    threads: { type: 'string', default: '2' },
  },
});
const ARTICLES = Number(values.articles);
const EXTERNAL = Number(values.external);
const THREADS = Number(values.threads);
const SOURCES = 20;
const SITE = 'https://news.example';
const START = Date.parse('2025-01-01T00:00:00.000Z');
const NOW = '2026-01-01T00:00:00.000Z';
const options = { now: NOW, siteUrl: SITE };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'tidings-related-perf-'));
  const db = openSqliteDatabase(join(dir, 'perf.db'));
  try {
    await migrate(db, loadMigrations());
    const store = createSqlStore(db);
    const story = createCorpus(42, 12_000, START, 365);
    console.log(
      `related-perf: ${ARTICLES.toLocaleString('en')} articles + ${EXTERNAL.toLocaleString('en')} external items`,
    );
    let t = performance.now();
    fillArchive(db, story, { ARTICLES, EXTERNAL, SOURCES });
    console.log(`  archive stored and indexed (FTS5 triggers) in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    // Every article starts with stored links, as its last save left them: three to random
    // external items with low scores (the steady state an ingest refresh merges into).
    t = performance.now();
    seedRelatedLinks(db, { ARTICLES, EXTERNAL, SOURCES });
    console.log(`  placeholder related links for every article in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    // Real related links for a sample of articles, timed one by one.
    const random = createRandom(7);
    const sample = Array.from(
      { length: 1_000 },
      () => `art_${String(Math.floor(random() * ARTICLES)).padStart(8, '0')}`,
    );
    const refreshMs: number[] = [];
    for (const id of sample) {
      t = performance.now();
      await refreshRelatedForArticle(store, id, { ...options, cascade: false });
      refreshMs.push(performance.now() - t);
    }
    refreshMs.sort((a, b) => a - b);

    const lookupMs: number[] = [];
    for (let i = 0; i < 10_000; i++) {
      const id = sample[Math.floor(random() * sample.length)] as string;
      t = performance.now();
      await store.getRelatedLinks(id, articleUrlFor(SITE));
      lookupMs.push(performance.now() - t);
    }
    lookupMs.sort((a, b) => a - b);
    const linked = await db.first<{ n: number }>('SELECT COUNT(*) AS n FROM related_links');

    // One ingest: 1,000 new items over 10 sources, through the ingest store write.
    const since = new Date().toISOString();
    for (let s = 0; s < 10; s++) {
      const items = Array.from({ length: 100 }, (_, i) => toItem(story(), `new-${s}-${i}`));
      await store.recordFetch({
        sourceId: `src_${s}`,
        fetchedAt: since,
        status: 200,
        consecutiveFailures: 0,
        nextPollAt: NOW,
        items,
        retention: { maxItems: 100_000, maxAgeDays: 3_650 },
      });
    }
    const { timedStore, timings } = withTimings(store);
    const itemSearches: RelatedSearch[] = [];
    const searchStories = timedStore.searchStories;
    timedStore.searchStories = (search) => {
      if (search.kind === 'own') itemSearches.push(search);
      return searchStories(search);
    };
    const threadedPath = copyArchive(db, dir);
    const [loadBefore = 0] = loadavg();
    const inline = await timeRefresh(() => refreshRelatedSince(timedStore, since, options));
    const threaded = await refreshInThreads(threadedPath, THREADS, since, options);
    const { result } = inline;

    const row = (name: string, sorted: number[]) => ({
      measure: name,
      runs: sorted.length,
      'p50 ms': percentile(sorted, 50).toFixed(3),
      'p95 ms': percentile(sorted, 95).toFixed(3),
      'max ms': (sorted.at(-1) ?? 0).toFixed(3),
    });
    console.table([
      row('related lookup (GET /api/articles/:id/related)', lookupMs),
      row('refresh one article (FTS5 query + score + save)', refreshMs),
    ]);
    console.log(`  stored related links: ${linked?.n}`);
    const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    console.log(
      `  refresh after ingesting 1,000 external items (${result.refreshed.length} articles refreshed, ` +
        `${result.changed.length} changed; goal < 5 s; load average before ${loadBefore.toFixed(2)}, ` +
        `after ${(loadavg()[0] ?? 0).toFixed(2)}):`,
    );
    console.log(`    inline:             ${seconds(inline.ms)} (CPU ${seconds(inline.cpuMs)})`);
    console.log(
      `    ${THREADS} worker threads:   ${seconds(threaded.ms)} (CPU ${seconds(threaded.cpuMs)}, all threads): ` +
        `${ratio(threaded.ms, inline.ms)} of inline`,
    );
    const check = await sameLinks(db, threadedPath);
    console.log(
      `    stored links and revisions after both: ${check.same ? 'identical' : 'DIFFERENT'} (${check.rows} links)`,
    );
    if (!check.same) process.exitCode = 1;
    console.log('  where the inline refresh spent its time, by store method:');
    console.table([...timings].map(([method, { calls, ms }]) => ({ method, calls, 'total ms': ms.toFixed(0) })));
    const searches = timeItemSearches(db, itemSearches);
    console.log(
      `  ranking step of the ${itemSearches.length} item searches: our articles' own index ` +
        `${searches.own.toFixed(0)} ms, shared index with kind filter and self score (before 0012) ` +
        `${searches.shared.toFixed(0)} ms: ${ratio(searches.own, searches.shared)} of the baseline`,
    );
    console.log(`  peak RSS: ${peakRssMiB().toFixed(0)} MiB`);
  } finally {
    db.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
