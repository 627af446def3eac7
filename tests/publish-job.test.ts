import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Parser from 'rss-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFsFeedSink } from '../src/adapters/node/fs-feed-sink.ts';
import { loadMigrations, openSqliteDatabase, type SqliteDatabase } from '../src/adapters/node/sqlite-database.ts';
import { loadConfig } from '../src/config.ts';
import type { Article } from '../src/domain/article.ts';
import { silentLogger } from '../src/log.ts';
import { type PublishDeps, publishFeeds } from '../src/publish/publish-feeds.ts';
import { createPublisher } from '../src/publish/publisher.ts';
import type { FeedRenderer } from '../src/render/feed-spec.ts';
import { renderers } from '../src/render/index.ts';
import { migrate } from '../src/store/migrate.ts';
import { createSqlStore } from '../src/store/sql-store.ts';
import { makeArticle, NOW } from './make-article.ts';
import { validateXml } from './xml-checks.ts';

/** Every document of these feeds, sorted as feedsWritten is compared. */
const documentsOf = (...keys: string[]) => keys.flatMap((key) => [`${key}.atom`, `${key}.json`, `${key}.rss`]).sort();

const settings = { ...loadConfig({ PUBLIC_URL: 'https://news.example', FEED_ITEMS: '3' }) };

describe('the publish job', () => {
  let dir: string;
  let db: SqliteDatabase;
  let deps: PublishDeps;
  let clock: Date;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tidings-publish-'));
    db = openSqliteDatabase(join(dir, 'tidings.db'));
    await migrate(db, loadMigrations());
    clock = new Date(NOW);
    deps = {
      store: createSqlStore(db),
      sink: createFsFeedSink(join(dir, 'feeds')),
      renderers,
      settings,
      now: () => clock,
      log: silentLogger,
    };
  });
  afterEach(async () => {
    db.close();
    await rm(dir, { recursive: true, force: true });
  });

  const titlesIn = async (name: string) => {
    const feed = await new Parser().parseString(await readFile(join(dir, 'feeds', name), 'utf8'));
    return feed.items.map((item) => item.title);
  };
  // Untagged, by one author: the tag and author feeds have tests of their own (tests/follow-feeds.test.ts).
  const AUTHOR = 'author/isaac-serna-diez';
  const add = async (overrides: Partial<Article>) => {
    const article = makeArticle({ tags: [], ...overrides });
    await deps.store.createArticle(article);
    return article;
  };

  it('writes every feed in every format, newest first, at most FEED_ITEMS items', async () => {
    for (let i = 1; i <= 4; i++)
      await add({ title: `World ${i}`, category: 'World', publishedAt: `2026-02-0${i}T00:00:00.000Z` });
    await add({ title: 'Tech 1', category: 'Tech' });
    const run = await publishFeeds(deps, 'test');
    expect(run.feedsWritten.sort()).toEqual(documentsOf('all', 'tech', 'world', AUTHOR));
    expect(await titlesIn('world.rss')).toEqual(['World 4', 'World 3', 'World 2']);
    expect(await titlesIn('all.rss')).toEqual(['Tech 1', 'World 4', 'World 3']);
    expect((await readdir(join(dir, 'feeds'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('never shows drafts, future-dated or deleted articles, and shows a scheduled one once its time comes', async () => {
    await add({ title: 'Visible', category: 'World' });
    await add({ title: 'Draft', category: 'World', status: 'draft' });
    await add({ title: 'Scheduled', category: 'World', publishedAt: '2026-03-01T13:00:00.000Z' });
    const doomed = await add({ title: 'Deleted', category: 'World' });
    await publishFeeds(deps, 'test');
    expect(await titlesIn('world.rss')).toEqual(['Visible', 'Deleted']);

    await deps.store.deleteArticle(doomed.id);
    clock = new Date('2026-03-01T13:00:00.000Z');
    await publishFeeds(deps, 'test');
    expect(await titlesIn('world.rss')).toEqual(['Scheduled', 'Visible']);
  });

  it('re-renders only feeds whose inputs changed, and keeps the others byte-identical', async () => {
    const world = await add({ title: 'World story', category: 'World' });
    await add({ title: 'Tech story', category: 'Tech' });
    await publishFeeds(deps, 'test');
    const techBefore = await deps.sink.get('tech.rss');

    clock = new Date('2026-03-01T12:30:00.000Z');
    await deps.store.updateArticle({
      ...world,
      title: 'World story, edited',
      updatedAt: clock.toISOString(),
      revision: 2,
    });
    const run = await publishFeeds(deps, 'test');
    expect(run.feedsWritten.sort()).toEqual(documentsOf('all', 'world', AUTHOR));
    expect((await deps.sink.get('tech.rss'))?.etag).toBe(techBefore?.etag);
    expect((await deps.sink.get('world.rss'))?.lastModified).toBe('2026-03-01T12:30:00.000Z');
    expect((await deps.sink.get('tech.rss'))?.lastModified).toBe(techBefore?.lastModified);

    const idle = await publishFeeds(deps, 'test');
    expect(idle.feedsWritten).toEqual([]);
  });

  it('keeps the previous document when a render fails, and records the error', async () => {
    await add({ title: 'First', category: 'World' });
    await publishFeeds(deps, 'test');
    const before = await readFile(join(dir, 'feeds', 'world.atom'), 'utf8');

    await add({ title: 'Second', category: 'World' });
    const failing: FeedRenderer = () => {
      throw new Error('renderer exploded');
    };
    const run = await publishFeeds({ ...deps, renderers: { ...renderers, atom: failing } }, 'test');
    expect(run.errors).toEqual([
      { feed: 'all', message: 'renderer exploded' },
      { feed: 'world', message: 'renderer exploded' },
      { feed: AUTHOR, message: 'renderer exploded' },
    ]);
    expect(await readFile(join(dir, 'feeds', 'world.atom'), 'utf8')).toBe(before);
    const [recorded] = await deps.store.listPublishRuns(1);
    expect(recorded?.errors).toHaveLength(3);

    const healed = await publishFeeds(deps, 'test');
    expect(healed.errors).toEqual([]);
    expect(healed.feedsWritten).toContain('world.atom');
  });

  it('writes again the documents that vanished from the feeds folder, though nothing else changed', async () => {
    await add({ title: 'Survivor', category: 'World' });
    await publishFeeds(deps, 'test');
    await rm(join(dir, 'feeds'), { recursive: true });
    const restarted = { ...deps, sink: createFsFeedSink(join(dir, 'feeds')) };
    const run = await publishFeeds(restarted, 'test');
    expect(run.feedsWritten.sort()).toEqual(documentsOf('all', 'world', AUTHOR));
    expect(await titlesIn('world.rss')).toEqual(['Survivor']);
    expect((await publishFeeds(restarted, 'test')).feedsWritten).toEqual([]);
  });

  it('still publishes a valid, empty feed for a category with nothing visible', async () => {
    const only = await add({ title: 'Lonely', category: 'Science' });
    await publishFeeds(deps, 'test');
    await deps.store.deleteArticle(only.id);
    await publishFeeds(deps, 'test');
    const xml = await readFile(join(dir, 'feeds', 'science.rss'), 'utf8');
    expect(validateXml(xml)).toBe(true);
    expect(await titlesIn('science.rss')).toEqual([]);
    const json = JSON.parse(await readFile(join(dir, 'feeds', 'science.json'), 'utf8'));
    expect(json.items).toEqual([]);
  });

  it('never overlaps runs: calls during a run share one follow-up run', async () => {
    await add({ title: 'A', category: 'World' });
    const order: string[] = [];
    let active = 0;
    const slowSink = {
      get: deps.sink.get,
      listEtags: deps.sink.listEtags,
      async put(document: Parameters<typeof deps.sink.put>[0]) {
        active++;
        expect(active).toBe(1);
        order.push(document.name);
        await new Promise((resolve) => setTimeout(resolve, 2));
        await deps.sink.put(document);
        active--;
      },
    };
    const publisher = createPublisher({ ...deps, sink: slowSink });
    const runs = await Promise.all([publisher.publish('a'), publisher.publish('b'), publisher.publish('c')]);
    expect(runs.map((r) => r.trigger)).toEqual(['a', 'b', 'b']);
    expect(runs[1]).toBe(runs[2]);
    expect((await deps.store.listPublishRuns(10)).map((r) => r.trigger)).toEqual(['b', 'a']);
  });
});
