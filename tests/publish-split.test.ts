import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFsFeedSink, type FsFeedSink } from '../src/adapters/node/fs-feed-sink.ts';
import { renderInThread } from '../src/adapters/node/offload/render-in-thread.ts';
import { loadMigrations, openSqliteDatabase, type SqliteDatabase } from '../src/adapters/node/sqlite-database.ts';
import { type Config, loadConfig } from '../src/config.ts';
import { silentLogger } from '../src/log.ts';
import { type PublishDeps, publishFeeds } from '../src/publish/publish-feeds.ts';
import type { RenderInput } from '../src/publish/render-feeds.ts';
import { type RenderElsewhere, SPLIT_AT } from '../src/publish/split-render.ts';
import { documentRenderers } from '../src/render/index.ts';
import { migrate } from '../src/store/migrate.ts';
import { createSqlStore } from '../src/store/sql-store.ts';
import { makeArticle, NOW } from './make-article.ts';

/**
 * A large publish run hands half its feeds to a render thread of its own (publish/split-render.ts,
 * adapters/node/offload/render-in-thread.ts): the documents must be the ones one thread writes.
 */
const TAGGED_ARTICLES = Math.ceil(SPLIT_AT / 2); // two tags each: more feeds than SPLIT_AT

describe('a large publish split across two threads', () => {
  let dir: string;
  let db: SqliteDatabase;
  let config: Config;
  let sink: FsFeedSink;
  let handed: number[];

  const depsWith = (renderElsewhere?: RenderElsewhere): PublishDeps => ({
    store: createSqlStore(db),
    sink,
    renderers: documentRenderers,
    settings: config,
    now: () => new Date(NOW),
    log: silentLogger,
    ...(renderElsewhere && { renderElsewhere }),
  });
  let answered: number[];
  let opened: number;
  /** The render thread, counting the runs that open it, the feeds it is handed and those it answers for. */
  const counted = (): RenderElsewhere => {
    const open = renderInThread(config, sink);
    return () => {
      opened += 1;
      const thread = open();
      return {
        async render(input: RenderInput) {
          handed.push(input.feeds.length);
          const outcomes = await thread.render(input);
          answered.push(outcomes.length);
          return outcomes;
        },
        close: () => thread.close(),
      };
    };
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tidings-split-'));
    config = loadConfig({
      PUBLIC_URL: 'https://news.example',
      DATABASE_PATH: join(dir, 'tidings.db'),
      FEEDS_DIR: join(dir, 'feeds'),
      LOG_LEVEL: 'silent',
    });
    db = openSqliteDatabase(config.databasePath);
    await migrate(db, loadMigrations());
    sink = createFsFeedSink(config.feedsDir);
    handed = [];
    answered = [];
    opened = 0;
    const articles = Array.from({ length: TAGGED_ARTICLES }, (_, i) =>
      makeArticle({ tags: [`Topic ${i} A`, `Topic ${i} B`], author: { name: `Writer ${i % 7}` } }),
    );
    await createSqlStore(db).createArticles(articles);
  });
  afterEach(async () => {
    db.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** Every file under the feeds folder: name -> SHA-256 of its bytes. */
  const publishedFiles = async (feedsDir: string) => {
    const names = (await readdir(feedsDir, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(feedsDir.length + 1))
      .sort();
    const digest = async (name: string) =>
      createHash('sha256')
        .update(await readFile(join(feedsDir, name)))
        .digest('hex');
    return new Map(await Promise.all(names.map(async (name) => [name, await digest(name)] as const)));
  };

  it('writes the documents one thread writes, half of them from the render thread', async () => {
    const run = await publishFeeds(depsWith(counted()), 'test');
    expect(run.errors).toEqual([]);
    expect(run.feedsChecked).toBeGreaterThan(SPLIT_AT);
    // Both sides took batches from the same list; the thread answered for every one it took.
    const sum = (counts: number[]) => counts.reduce((total, count) => total + count, 0);
    expect(sum(handed)).toBeGreaterThan(0);
    expect(sum(handed)).toBeLessThan(run.feedsChecked);
    expect(answered).toEqual(handed);
    const split = await publishedFiles(config.feedsDir);
    expect(split.size).toBe(run.feedsChecked * 3);

    // The same store published again by one thread, into a folder of its own, from scratch.
    const alone = join(dir, 'alone');
    await db.batch([{ sql: 'DELETE FROM feed_documents', params: [] }]);
    sink = createFsFeedSink(alone);
    expect((await publishFeeds(depsWith(), 'test', { checkAll: true })).feedsWritten).toHaveLength(split.size);
    expect(await publishedFiles(alone)).toEqual(split);
  });

  it('knows afterwards what the render thread wrote: a check of every feed writes nothing', async () => {
    const first = await publishFeeds(depsWith(counted()), 'test');
    // Taken on from the render thread, not read back: every written file's tag is known here.
    expect(answered.length).toBeGreaterThan(0);
    expect(sink.describeFiles(first.feedsWritten)).toHaveLength(first.feedsWritten.length);
    const again = await publishFeeds(depsWith(counted()), 'test', { checkAll: true });
    expect(again.feedsChecked).toBe(first.feedsChecked);
    expect(again.feedsWritten).toEqual([]);
  });

  it('renders a run of a few feeds itself', async () => {
    await publishFeeds(depsWith(counted()), 'test');
    const edited = makeArticle({ tags: ['Topic 0 A'] });
    await createSqlStore(db).createArticle(edited);
    const run = await publishFeeds(depsWith(counted()), 'test');
    expect(run.feedsWritten.length).toBeGreaterThan(0);
    expect(opened).toBe(1); // the first run's only
  });

  it('renders the render thread’s share itself when the thread fails', async () => {
    const failing: RenderElsewhere = () => ({
      render: async () => {
        throw new Error('thread could not start');
      },
      close: async () => {},
    });
    const run = await publishFeeds(depsWith(failing), 'test');
    expect(run.errors).toEqual([]);
    expect((await publishedFiles(config.feedsDir)).size).toBe(run.feedsChecked * 3);
  });
});
