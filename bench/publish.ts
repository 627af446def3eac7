/**
 * Publishing at scale: 100,000 articles in 50 categories, 2,000 tags and 500
 * authors (issue 11), so 2,551 feeds and 7,653 documents. Times a full
 * publish of every feed in every format, then an incremental publish after
 * one article is edited. Goal: full < 5 s, incremental < 100 ms, peak RSS <
 * 400 MiB. The full publish runs twice on copies of one seeded database: as the
 * service runs it (a job thread shares the feeds with a render thread of its own,
 * publish/split-render.ts) and, as the baseline, all on one thread (WORKER_THREADS=0,
 * the CLI, Workers). A run after the first checks only the feeds the edit can have changed
 * (src/publish/feeds-to-check.ts); the baseline, measured in the same run, is the
 * same edit and the same idle run checking every feed, as every run did before.
 * BENCH_TAGS=0 runs the category-only baseline of issue 9 (the articles keep
 * their old tags and 97 authors).
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFsFeedSink } from '../src/adapters/node/fs-feed-sink.ts';
import { renderInThread } from '../src/adapters/node/offload/render-in-thread.ts';
import { loadMigrations, openSqliteDatabase } from '../src/adapters/node/sqlite-database.ts';
import { loadConfig } from '../src/config.ts';
import type { Article } from '../src/domain/article.ts';
import { silentLogger } from '../src/log.ts';
import { type PublishDeps, publishFeeds } from '../src/publish/publish-feeds.ts';
import { createPublishMemory } from '../src/publish/publish-memory.ts';
import { documentRenderers } from '../src/render/index.ts';
import { migrate } from '../src/store/migrate.ts';
import { createSqlStore } from '../src/store/sql-store.ts';
import { peakRssMiB, printTable, resetPeakRss, timed } from './support/measure.ts';
import { syntheticArticle } from './support/synthetic-articles.ts';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 100_000);
const CATEGORIES = 50;
const TAGS = Number(process.env.BENCH_TAGS ?? 2_000);
const AUTHORS = Number(process.env.BENCH_AUTHORS ?? 500);
const spread = TAGS > 0 ? { tags: TAGS, authors: AUTHORS } : undefined;

const dir = await mkdtemp(join(tmpdir(), 'tidings-bench-publish-'));
try {
  const config = loadConfig({
    PUBLIC_URL: 'https://news.example',
    DATABASE_PATH: join(dir, 'tidings.db'),
    FEEDS_DIR: join(dir, 'feeds'),
    LOG_LEVEL: 'silent',
  });
  let clock = new Date('2026-11-25T12:00:00Z');
  const seeding = openSqliteDatabase(config.databasePath);
  await migrate(seeding, loadMigrations());
  const seeded = await timed(async () => {
    const store = createSqlStore(seeding);
    for (let start = 0; start < ARTICLES; start += 5_000) {
      const chunk = Array.from({ length: Math.min(5_000, ARTICLES - start) }, (_, i) =>
        syntheticArticle(start + i, CATEGORIES, clock, spread),
      );
      await store.createArticles(chunk);
    }
  });
  seeding.raw.pragma('wal_checkpoint(TRUNCATE)');
  seeding.close();
  const baselineDb = join(dir, 'one-thread.db');
  await copyFile(config.databasePath, baselineDb);

  /** A full publish of a database: wall and CPU time (every thread of this process), peak RSS. */
  const fullPublish = async (databasePath: string, feedsDir: string, split: boolean) => {
    const db = openSqliteDatabase(databasePath);
    // A job thread's sink: it keeps no bodies (adapters/node/offload/job-thread.ts).
    const sink = createFsFeedSink(feedsDir, { maxCachedBytes: 0 });
    const deps: PublishDeps = {
      store: createSqlStore(db),
      sink,
      renderers: documentRenderers,
      settings: config,
      now: () => clock,
      log: silentLogger,
      memory: createPublishMemory(), // as each job thread keeps one
      ...(split && { renderElsewhere: renderInThread({ ...config, databasePath, feedsDir }, sink) }),
    };
    execFileSync('sync'); // the writes before (seeding, the other run) are on disk, not in the way
    resetPeakRss();
    const [load = 0] = loadavg();
    const cpuBefore = process.cpuUsage();
    const full = await timed(() => publishFeeds(deps, 'bench'));
    const cpu = process.cpuUsage(cpuBefore);
    const figures = {
      ms: Math.round(full.ms),
      cpu_ms: Math.round((cpu.user + cpu.system) / 1000),
      peak_rss_mib: Math.round(peakRssMiB()),
      load_1min: load.toFixed(2),
      feeds_checked: full.result.feedsChecked,
      documents_written: full.result.feedsWritten.length,
    };
    return { db, deps, figures };
  };

  // The baseline first, and closed before the service's way runs, so neither holds the other's memory.
  const oneThread = await fullPublish(baselineDb, join(dir, 'one-thread-feeds'), false);
  oneThread.db.close();
  const { db, deps, figures: splitFigures } = await fullPublish(config.databasePath, config.feedsDir, true);
  const { store } = deps;
  resetPeakRss();

  // The newest article: it is in its category's feed, the feed of everything, two tag feeds and its author's.
  const edit = async (minute: number) => {
    clock = new Date(`2026-11-25T12:0${minute}:00Z`);
    const edited = (await store.getArticle(syntheticArticle(0, CATEGORIES, clock, spread).id)) as Article;
    await store.updateArticle({
      ...edited,
      title: `${edited.title} (edited at ${minute})`,
      updatedAt: clock.toISOString(),
      revision: edited.revision + 1,
    });
  };
  await edit(1);
  const incremental = await timed(() => publishFeeds(deps, 'bench'));
  const idle = await timed(() => publishFeeds(deps, 'bench'));
  await edit(2);
  const everyFeed = await timed(() => publishFeeds(deps, 'bench', { checkAll: true }));
  const idleEveryFeed = await timed(() => publishFeeds(deps, 'bench', { checkAll: true }));

  const where = spread ? `, ${TAGS.toLocaleString()} tags, ${AUTHORS} authors` : ' (no tag or author feeds)';
  printTable(`Publishing ${ARTICLES.toLocaleString()} articles in ${CATEGORIES} categories${where}`, [
    { step: 'seed the store (not a goal)', ms: Math.round(seeded.ms) },
    { step: 'full publish, shared with a render thread (goal < 5000 ms)', ...splitFigures },
    {
      step: 'baseline: full publish on one thread',
      ...oneThread.figures,
      ratio: `${(splitFigures.ms / oneThread.figures.ms).toFixed(2)}x`,
    },
    {
      step: 'incremental after one edit (goal < 100 ms)',
      ms: Math.round(incremental.ms),
      feeds_checked: incremental.result.feedsChecked,
      documents_written: incremental.result.feedsWritten.length,
      ratio: `${(incremental.ms / everyFeed.ms).toFixed(2)}x`,
    },
    {
      step: 'baseline: the same edit, every feed checked',
      ms: Math.round(everyFeed.ms),
      feeds_checked: everyFeed.result.feedsChecked,
      documents_written: everyFeed.result.feedsWritten.length,
    },
    {
      step: 'publish with nothing changed',
      ms: Math.round(idle.ms),
      feeds_checked: idle.result.feedsChecked,
      documents_written: idle.result.feedsWritten.length,
      ratio: `${(idle.ms / idleEveryFeed.ms).toFixed(2)}x`,
    },
    {
      step: 'baseline: nothing changed, every feed checked',
      ms: Math.round(idleEveryFeed.ms),
      feeds_checked: idleEveryFeed.result.feedsChecked,
      documents_written: idleEveryFeed.result.feedsWritten.length,
    },
  ]);
  console.log(
    `peak RSS goal < 400 MiB; after the full publish, the other runs peaked at ${peakRssMiB().toFixed(0)} MiB`,
  );
  console.log(`load average (1 min) at the end: ${(loadavg()[0] ?? 0).toFixed(2)}`);
  db.close();
} finally {
  await rm(dir, { recursive: true, force: true });
}
