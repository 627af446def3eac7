import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFsFeedSink } from '../src/adapters/node/fs-feed-sink.ts';
import { createOffloadedJobs } from '../src/adapters/node/offload/offloaded-jobs.ts';
import { loadMigrations, openSqliteDatabase, type SqliteDatabase } from '../src/adapters/node/sqlite-database.ts';
import { loadConfig } from '../src/config.ts';
import {
  type IngestRefreshSteps,
  refreshInParts,
  refreshRelatedSince,
  stepsOn,
} from '../src/related/refresh-after-ingest.ts';
import { refreshRelatedForArticle } from '../src/related/refresh-related.ts';
import { migrate } from '../src/store/migrate.ts';
import { createSqlStore } from '../src/store/sql-store.ts';
import { NOW } from './make-article.ts';
import { makeItem } from './make-source.ts';
import { addFillerArticles } from './related-filler.ts';
import { addExternal, story } from './related-fixture.ts';

const options = { now: NOW, siteUrl: 'https://news.example' };
let dir: string;

/**
 * One archive after an ingest, built once and copied for each way of refreshing, so every
 * way starts from the same rows (same ids): articles with stored links (the items are merged
 * in), articles with none yet and one whose `RELATED:` headline waits for an item (both
 * recomputed in full).
 */
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tidings-refresh-parts-'));
  const db = openSqliteDatabase(join(dir, 'archive.db'));
  await migrate(db, loadMigrations());
  const store = createSqlStore(db);
  await addFillerArticles(store);
  const linked = [
    story('Storm floods the coastal towns', 'Heavy rain and a storm surge flooded coastal towns overnight.'),
    story('Central bank raises interest rates again', 'The central bank raised interest rates to fight inflation.'),
    story('Volcano erupts on the island', 'Lava flows from the volcano forced evacuations on the island.'),
    story('Inflation worries grow as rates climb', 'Shoppers feel inflation while the bank raises rates.'),
  ];
  const unlinked = [
    story('Coastal towns count the cost of the storm', 'Flooded towns clean up after the storm surge.'),
    story('Island evacuated after the volcano eruption', 'The volcano eruption forced the island to evacuate.'),
  ];
  const waiting = story('Eclipse darkens skies over the continent', 'Millions watched the total solar eclipse.', {
    relatedLinks: [{ title: 'Photos: the total solar eclipse across the continent' }],
  });
  for (const article of [...linked, ...unlinked, waiting]) await store.createArticle(article);
  for (const article of [...linked, waiting]) {
    await refreshRelatedForArticle(store, article.id, { ...options, cascade: false });
  }
  await addExternal(store, [
    makeItem('surge', {
      title: 'Storm surge floods coastal towns',
      summary: 'Coastal towns flooded after the storm surge.',
    }),
    makeItem('rates', {
      title: 'Bank raises rates as inflation climbs',
      summary: 'The central bank raised interest rates.',
    }),
    makeItem('lava', { title: 'Lava reaches the sea as the volcano erupts', summary: 'Island villages evacuated.' }),
    makeItem('eclipse', {
      title: 'Photos: the total solar eclipse across the continent',
      summary: 'Skies went dark as the eclipse passed.',
    }),
    makeItem('flood-2', { title: 'Coastal flood defences fail in the storm', summary: 'Storm water flooded towns.' }),
    makeItem('inflation', { title: 'Inflation hits shoppers as rates rise', summary: 'Shoppers feel the rates.' }),
  ]);
  db.raw.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A fresh copy of the archive. */
async function openCopy(name: string): Promise<SqliteDatabase> {
  await copyFile(join(dir, 'archive.db'), join(dir, name));
  return openSqliteDatabase(join(dir, name));
}

/** Every stored link and every article's revision: what feeds and the API read. */
async function dump(db: SqliteDatabase) {
  return {
    links: await db.all('SELECT * FROM related_links ORDER BY article_id, position'),
    revisions: await db.all('SELECT id, revision FROM articles ORDER BY id'),
  };
}

const sorted = (result: { refreshed: string[]; changed: string[] }) => ({
  refreshed: [...result.refreshed].sort(),
  changed: [...result.changed].sort(),
});

describe('the refresh after an ingest, in parts', () => {
  it('saves the same links and revisions in three parts as in one go, each part its own items and articles', async () => {
    const whole = await openCopy('whole.db');
    const parted = await openCopy('parted.db');
    try {
      const inOneGo = await refreshRelatedSince(createSqlStore(whole), NOW, options);
      expect(inOneGo.refreshed.length).toBeGreaterThan(3);
      expect(inOneGo.changed.length).toBeGreaterThan(0);

      const steps = stepsOn(createSqlStore(parted));
      const related: string[][] = [];
      const saved: string[][] = [];
      const recording: IngestRefreshSteps = {
        planIngestRefresh: (since, maxItems) => steps.planIngestRefresh(since, maxItems),
        relateItems: (ids, o) => (related.push(ids), steps.relateItems(ids, o)),
        saveItemLinks: (links, o) => {
          saved.push([...new Set([...links.additions.map((a) => a.articleId), ...links.recompute])]);
          return steps.saveItemLinks(links, o);
        },
      };
      const inParts = await refreshInParts(recording, NOW, options, 3);

      expect(await dump(parted)).toEqual(await dump(whole));
      // The waiting headline found its item: that article was recomputed, not merged.
      expect(await parted.all('SELECT target_kind FROM related_links WHERE editorial = 1')).toEqual([
        { target_kind: 'external' },
      ]);
      expect(sorted(inParts)).toEqual(sorted(inOneGo));
      // Six items in three runs of two; the articles dealt out so that no two parts save one.
      expect(related.map((ids) => ids.length)).toEqual([2, 2, 2]);
      expect(new Set(related.flat()).size).toBe(6);
      expect(saved).toHaveLength(3);
      expect(new Set(saved.flat()).size).toBe(saved.flat().length);
      expect(saved.flat().sort()).toEqual(sorted(inOneGo).refreshed);
    } finally {
      whole.close();
      parted.close();
    }
  });

  it('runs spread over two worker threads, each on its own connection, with the same result as inline', async () => {
    const inline = await openCopy('inline.db');
    const threaded = await openCopy('threaded.db');
    threaded.close(); // the threads open it themselves
    const config = loadConfig({
      DATABASE_PATH: join(dir, 'threaded.db'),
      FEEDS_DIR: join(dir, 'feeds'),
      LOG_LEVEL: 'silent',
    });
    const jobs = createOffloadedJobs(config, { threads: 2, feeds: createFsFeedSink(config.feedsDir) });
    try {
      const expected = await refreshRelatedSince(createSqlStore(inline), NOW, options);
      const result = await jobs.refreshRelatedSince(NOW, options);
      expect(sorted(result)).toEqual(sorted(expected));
      const reopened = openSqliteDatabase(join(dir, 'threaded.db'));
      try {
        expect(await dump(reopened)).toEqual(await dump(inline));
      } finally {
        reopened.close();
      }
    } finally {
      await jobs.close?.();
      inline.close();
    }
  });
});
