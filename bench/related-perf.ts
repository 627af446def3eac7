/**
 * Related stories at archive scale (issue 5):
 * - lookup: the store read behind GET /api/articles/:id/related, p50/p95,
 *   with 100,000 stored stories (articles + external items);
 * - refresh after an ingest of 1,000 new external items against that
 *   archive: wall time and peak RSS.
 *
 *   npx tsx bench/related-perf.ts [--articles 25000] [--external 75000]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { NormalizedItem } from '../src/domain/source.ts';
import { refreshRelatedForArticle, refreshRelatedSince } from '../src/related/refresh-related.ts';
import { migrate } from '../src/store/migrate.ts';
import { createSqlStore } from '../src/store/sql-store.ts';
import { loadMigrations, openSqliteDatabase, type SqliteDatabase } from '../src/store/sqlite-database.ts';
import type { Store } from '../src/store/store.ts';
import { peakRssMiB } from './support/measure.ts';
import { createCorpus, createRandom, type SyntheticStory } from './support/related-corpus.ts';

const { values } = parseArgs({
  options: { articles: { type: 'string', default: '25000' }, external: { type: 'string', default: '75000' } },
});
const ARTICLES = Number(values.articles);
const EXTERNAL = Number(values.external);
const SOURCES = 20;
const SITE = 'https://news.example';
const START = Date.parse('2025-01-01T00:00:00.000Z');
const NOW = '2026-01-01T00:00:00.000Z';
const options = { now: NOW, siteUrl: SITE };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function fillArchive(db: SqliteDatabase, story: () => SyntheticStory): void {
  const raw = db.raw;
  const insertArticle = raw.prepare(`INSERT INTO articles (id, guid, slug, title, summary, body_html, category,
    category_slug, tags, author, status, published_at, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '{"name":"Bench"}', 'published', ?, ?, ?)`);
  const insertSource = raw.prepare(`INSERT INTO sources (id, url, name, category_hint, poll_interval_minutes,
    created_at, updated_at, next_poll_at) VALUES (?, ?, ?, NULL, 30, ?, ?, ?)`);
  const insertItem = raw.prepare(`INSERT INTO external_items (id, source_id, dedupe_key, link, content_hash, title,
    summary, content_html, content_text, categories, published_at, first_seen_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?)`);
  raw.transaction(() => {
    for (let s = 0; s < SOURCES; s++)
      insertSource.run(`src_${s}`, `https://feed${s}.example/rss`, `Wire ${s}`, NOW, NOW, NOW);
  })();
  const batch = 5_000;
  for (let from = 0; from < ARTICLES + EXTERNAL; from += batch) {
    raw.transaction(() => {
      for (let i = from; i < Math.min(from + batch, ARTICLES + EXTERNAL); i++) {
        const s = story();
        if (i < ARTICLES) {
          const id = `art_${String(i).padStart(8, '0')}`;
          const slug = `story-${i}`;
          const cat = s.category.toLowerCase().replace(/ /g, '-');
          insertArticle.run(
            id,
            `tag:${id}`,
            slug,
            s.title,
            s.summary,
            `<p>${s.body}</p>`,
            s.category,
            cat,
            JSON.stringify(s.tags),
            s.publishedAt,
            s.publishedAt,
            s.publishedAt,
          );
        } else {
          const id = `ext_${String(i).padStart(8, '0')}`;
          insertItem.run(
            id,
            `src_${i % SOURCES}`,
            `g:${id}`,
            `https://feed${i % SOURCES}.example/${id}`,
            id,
            s.title,
            s.summary,
            s.body,
            JSON.stringify(s.tags),
            s.publishedAt,
            s.publishedAt,
            s.publishedAt,
          );
        }
      }
    })();
    process.stdout.write(`\r  stored ${Math.min(from + batch, ARTICLES + EXTERNAL).toLocaleString('en')} stories`);
  }
  process.stdout.write('\n');
}

/** The store with each method's calls and time counted, to show where a refresh goes. */
function withTimings(store: Store) {
  const timings = new Map<string, { calls: number; ms: number }>();
  const timedStore = Object.fromEntries(
    Object.entries(store).map(([name, method]) => [
      name,
      async (...args: unknown[]) => {
        const start = performance.now();
        try {
          return await (method as (...a: unknown[]) => Promise<unknown>)(...args);
        } finally {
          const entry = timings.get(name) ?? { calls: 0, ms: 0 };
          timings.set(name, { calls: entry.calls + 1, ms: entry.ms + performance.now() - start });
        }
      },
    ]),
  ) as unknown as Store;
  return { timedStore, timings };
}

function seedRelatedLinks(db: SqliteDatabase): void {
  const random = createRandom(11);
  const insert = db.raw.prepare(`INSERT INTO related_links (article_id, position, target_kind, target_id, url, title,
    source, published_at, score, reasons) VALUES (?, ?, 'external', ?, ?, ?, ?, ?, ?, '[]')`);
  db.raw.transaction(() => {
    for (let a = 0; a < ARTICLES; a++) {
      for (let position = 0; position < 3; position++) {
        const e = ARTICLES + Math.floor(random() * EXTERNAL);
        const id = `ext_${String(e).padStart(8, '0')}`;
        insert.run(
          `art_${String(a).padStart(8, '0')}`,
          position,
          id,
          `https://feed${e % SOURCES}.example/${id}`,
          `Story ${id}`,
          `Wire ${e % SOURCES}`,
          NOW,
          0.2 - position * 0.05,
        );
      }
    }
  })();
}

function toItem(s: SyntheticStory, key: string): NormalizedItem {
  return {
    guid: key,
    link: `https://new.example/${key}`,
    contentHash: key,
    title: s.title,
    summary: s.summary,
    contentHtml: `<p>${s.body}</p>`,
    contentText: s.body,
    categories: s.tags,
    publishedAt: s.publishedAt,
    isDateGuessed: false,
  };
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
    fillArchive(db, story);
    console.log(`  archive stored and indexed (FTS5 triggers) in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    // Every article starts with stored links, as its last save left them: three to random
    // external items with low scores (the steady state an ingest refresh merges into).
    t = performance.now();
    seedRelatedLinks(db);
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
      await store.getRelatedLinks(id, SITE);
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
    t = performance.now();
    const result = await refreshRelatedSince(timedStore, since, options);
    const ingestRefreshMs = performance.now() - t;

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
    console.log(
      `  refresh after ingesting 1,000 external items: ${(ingestRefreshMs / 1000).toFixed(2)} s ` +
        `(${result.refreshed.length} articles refreshed, ${result.changed.length} changed; goal < 5 s)`,
    );
    console.log('  where that refresh spent its time, by store method:');
    console.table([...timings].map(([method, { calls, ms }]) => ({ method, calls, 'total ms': ms.toFixed(0) })));
    console.log(`  peak RSS: ${peakRssMiB().toFixed(0)} MiB`);
  } finally {
    db.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
