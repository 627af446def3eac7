import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFsFeedSink } from '../src/adapters/node/fs-feed-sink.ts';
import { loadMigrations, openSqliteDatabase, type SqliteDatabase } from '../src/adapters/node/sqlite-database.ts';
import { loadConfig } from '../src/config.ts';
import type { Article } from '../src/domain/article.ts';
import { silentLogger } from '../src/log.ts';
import { FULL_CHECK_EVERY_MS, MAX_LOGGED_CHANGES } from '../src/publish/feeds-to-check.ts';
import { type PublishDeps, publishFeeds } from '../src/publish/publish-feeds.ts';
import { createPublishMemory } from '../src/publish/publish-memory.ts';
import type { FeedRenderer } from '../src/render/feed-spec.ts';
import { renderers } from '../src/render/index.ts';
import { migrate } from '../src/store/migrate.ts';
import { sql } from '../src/store/sql-database.ts';
import { createSqlStore } from '../src/store/sql-store.ts';
import { makeArticle, NOW } from './make-article.ts';

/**
 * Publish at scale (issue 11): a run after the first checks only the feeds that
 * what changed since the last run can have changed, and must leave exactly the
 * documents a check of every feed would.
 */
const settings = loadConfig({ PUBLIC_URL: 'https://news.example', FEED_ITEMS: '3', RETRACTION_DAYS: '1' });
const FEEDS = 1 + 2 + 4 + 2; // all, world and tech, four tags, two authors

// Each case runs twice: a publisher that reads every state back, and one that keeps what it saved.
describe.each([
  ['reading its states back', false],
  ['keeping its states in memory', true],
])('incremental publishing, %s', (_, withMemory) => {
  let dir: string;
  let db: SqliteDatabase;
  let deps: PublishDeps;
  let clock: Date;
  let world: Article;
  let tech: Article;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tidings-incremental-'));
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
      ...(withMemory && { memory: createPublishMemory() }),
    };
    world = makeArticle({ category: 'World', tags: ['Rivers', 'Storms'], author: { name: 'Ada Quill' } });
    tech = makeArticle({ category: 'Tech', tags: ['Chips', 'Robots'], author: { name: 'Bo Ferris' } });
    await deps.store.createArticles([world, tech]);
    const first = await publishFeeds(deps, 'test');
    expect(first.feedsChecked).toBe(FEEDS);
  });
  afterEach(async () => {
    db.close();
    await rm(dir, { recursive: true, force: true });
  });

  const later = (minutes: number) => {
    clock = new Date(Date.parse(NOW) + minutes * 60_000);
    return clock.toISOString();
  };
  /** A check of every feed after the run under test: it must find nothing left to write. */
  const expectNothingLeft = async (feeds = FEEDS) => {
    const documents = await deps.store.listFeedDocuments();
    const full = await publishFeeds(deps, 'test', { checkAll: true });
    expect(full.feedsChecked).toBe(feeds);
    expect(full.feedsWritten).toEqual([]);
    expect(await deps.store.listFeedDocuments()).toEqual(documents);
  };

  it('checks nothing when nothing changed', async () => {
    later(1);
    const idle = await publishFeeds(deps, 'test');
    expect(idle.feedsChecked).toBe(0);
    expect(idle.feedsWritten).toEqual([]);
  });

  it('checks only the feeds of an edited article, old tags included, and leaves what a full check would', async () => {
    const at = later(2);
    await deps.store.updateArticle({ ...world, tags: ['Rivers', 'Floods'], updatedAt: at, revision: 2 });
    const run = await publishFeeds(deps, 'test');
    expect(run.feedsChecked).toBe(6); // all, world, tag/rivers, tag/storms (now empty), tag/floods, author/ada-quill
    expect(new Set(run.feedsWritten.map((name) => name.replace(/\.\w+$/, '')))).toEqual(
      new Set(['all', 'world', 'tag/rivers', 'tag/storms', 'tag/floods', 'author/ada-quill']),
    );
    await expectNothingLeft(FEEDS + 1);
  });

  it('publishes an article whose scheduled time came, though nothing was written since', async () => {
    const scheduled = makeArticle({
      category: 'Tech',
      tags: ['Robots'],
      author: { name: 'Cy Vance' },
      publishedAt: new Date(Date.parse(NOW) + 10 * 60_000).toISOString(),
    });
    await deps.store.createArticle(scheduled);
    later(5);
    // Checked, not yet visible: nothing is written, and the new author has no feed yet (nor would a
    // full check give them one: a name not yet published is not announced).
    expect((await publishFeeds(deps, 'test')).feedsWritten).toEqual([]);
    expect(await deps.sink.get('author/cy-vance.rss')).toBeUndefined();
    later(11);
    const run = await publishFeeds(deps, 'test');
    expect(new Set(run.feedsWritten.map((name) => name.replace(/\.\w+$/, '')))).toEqual(
      new Set(['all', 'tech', 'tag/robots', 'author/cy-vance']),
    );
    const robots = JSON.parse(new TextDecoder().decode((await deps.sink.get('tag/robots.json'))?.body));
    expect(robots.items.map((item: { id: string }) => item.id)).toContain(scheduled.guid);
    await expectNothingLeft(FEEDS + 1);
  });

  it('announces no tag or author of a draft until it is published, in a full check or not', async () => {
    const draft = makeArticle({
      status: 'draft',
      category: 'World',
      tags: ['Secret Merger'],
      author: { name: 'Dee Draft' },
    });
    await deps.store.createArticle(draft);
    later(1);
    for (const run of [await publishFeeds(deps, 'test'), await publishFeeds(deps, 'test', { checkAll: true })]) {
      expect(run.feedsWritten).toEqual([]);
    }
    expect(await deps.sink.get('tag/secret-merger.rss')).toBeUndefined();
    expect(await deps.sink.get('author/dee-draft.atom')).toBeUndefined();
    const at = later(2);
    await deps.store.updateArticle({ ...draft, status: 'published', publishedAt: at, updatedAt: at, revision: 2 });
    const run = await publishFeeds(deps, 'test');
    expect(run.feedsWritten).toEqual(expect.arrayContaining(['tag/secret-merger.rss', 'author/dee-draft.atom']));
    await expectNothingLeft(FEEDS + 2);
  });

  it('drops a tombstone that left the retraction window since the last run', async () => {
    await deps.store.deleteArticle(world.id, later(10));
    later(10 + 24 * 60 - 5); // RETRACTION_DAYS=1: five minutes before it expires, every feed checked
    await publishFeeds(deps, 'test', { checkAll: true });
    expect(new TextDecoder().decode((await deps.sink.get('world.atom'))?.body)).toContain('at:deleted-entry');
    later(10 + 24 * 60 + 1);
    const run = await publishFeeds(deps, 'test');
    expect(run.feedsChecked).toBeLessThan(FEEDS); // not a full check: the expiry named the feeds
    expect(run.feedsWritten).toContain('world.atom');
    expect(new TextDecoder().decode((await deps.sink.get('world.atom'))?.body)).not.toContain('at:deleted-entry');
    await expectNothingLeft();
  });

  it('checks every feed again when the settings change, and at least every FULL_CHECK_EVERY_MS', async () => {
    later(1);
    const renamed = await publishFeeds({ ...deps, settings: { ...settings, siteTitle: 'Renamed' } }, 'test');
    expect(renamed.feedsChecked).toBe(FEEDS);
    expect(renamed.feedsWritten).toHaveLength(FEEDS * 3);
    clock = new Date(Date.parse(NOW) + 60_000 + FULL_CHECK_EVERY_MS);
    expect((await publishFeeds(deps, 'test')).feedsChecked).toBe(FEEDS); // back to the old title: all again
    later(1 + FULL_CHECK_EVERY_MS / 60_000 + 1);
    expect((await publishFeeds(deps, 'test')).feedsChecked).toBe(0);
  });

  it('checks every feed when the change log is longer than folding it is worth (a bulk import)', async () => {
    await db.batch([
      sql(
        `WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i <= ?)
         INSERT INTO feed_changes (kind, slug) SELECT 'tag', 'rivers' FROM n`,
        MAX_LOGGED_CHANGES,
      ),
    ]);
    later(1);
    expect((await publishFeeds(deps, 'test')).feedsChecked).toBe(FEEDS);
    expect((await deps.store.readPublishState()).loggedChanges).toBe(0);
  });

  it('checks a feed again after it failed, until it is written', async () => {
    await deps.store.updateArticle({ ...tech, title: 'Edited', updatedAt: later(1), revision: 2 });
    const failing: FeedRenderer = () => {
      throw new Error('renderer exploded');
    };
    const failed = await publishFeeds({ ...deps, renderers: { ...renderers, rss: failing } }, 'test');
    expect(failed.errors.map((e) => e.feed)).toContain('tech');
    later(2);
    const healed = await publishFeeds(deps, 'test');
    expect(healed.feedsWritten).toContain('tech.rss');
    await expectNothingLeft();
  });

  it('keeps what another publisher wrote, though its run failed half way and saved no mark', async () => {
    // The CLI publishes an edit beside the server, and the feed of Tech fails: it saves the states
    // of the other feeds it wrote, and leaves the edit in the change log.
    await deps.store.updateArticle({ ...tech, title: 'Edited by the CLI', updatedAt: later(1), revision: 2 });
    const failsOnTech: FeedRenderer = (spec, items) => {
      if (spec.key === 'tech') throw new Error('renderer exploded');
      return renderers.rss(spec, items);
    };
    const cli = { ...deps, renderers: { ...renderers, rss: failsOnTech }, memory: createPublishMemory() };
    expect((await publishFeeds(cli, 'cli')).feedsWritten).toContain('author/bo-ferris.atom');
    later(2);
    // The server's next run (its sink reads the folder anew) writes only what the CLI could not.
    const run = await publishFeeds({ ...deps, sink: createFsFeedSink(join(dir, 'feeds')) }, 'test');
    expect(run.feedsWritten.sort()).toEqual(['tech.atom', 'tech.json', 'tech.rss']);
  });

  it('writes again a document the sink lost, checking only its feed', async () => {
    await rm(join(dir, 'feeds', 'tag', 'chips.json'));
    later(1);
    const restarted = { ...deps, sink: createFsFeedSink(join(dir, 'feeds')) };
    const run = await publishFeeds(restarted, 'test');
    expect(run.feedsChecked).toBe(1);
    expect(run.feedsWritten).toEqual(['tag/chips.json']);
  });
});
