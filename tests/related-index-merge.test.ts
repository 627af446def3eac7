import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadMigrations, openSqliteDatabase, type SqliteDatabase } from '../src/adapters/node/sqlite-database.ts';
import { refreshRelatedSince } from '../src/related/refresh-after-ingest.ts';
import { migrate } from '../src/store/migrate.ts';
import { createSqlStore } from '../src/store/sql-store.ts';
import type { Store } from '../src/store/store.ts';
import { makeArticle, NOW } from './make-article.ts';
import { makeFetch, makeItem, makeSource } from './make-source.ts';

/**
 * The segments of an FTS5 index, from its structure record (the row with id 10 of %_data,
 * https://sqlite.org/src/file/ext/fts5/fts5_index.c, "Structure record"): a 4-byte cookie, then
 * varints: the number of levels, of segments, the write counter, then the levels.
 */
function segmentCount(db: SqliteDatabase, index: string): number {
  const row = db.raw.prepare(`SELECT block FROM ${index}_data WHERE id = 10`).get() as { block: Buffer };
  let at = 4;
  const varint = () => {
    let value = 0;
    for (let byte = 0x80; byte & 0x80; at++) {
      byte = row.block[at] ?? 0;
      value = value * 128 + (byte & 0x7f);
    }
    return value;
  };
  varint(); // levels
  return varint();
}

let dir: string;
let db: SqliteDatabase;
let store: Store;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tidings-index-merge-'));
  db = openSqliteDatabase(join(dir, 'tidings.db'));
  await migrate(db, loadMigrations());
  store = createSqlStore(db);
});
afterEach(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

/** Articles saved one by one and an ingest of a transaction per source: many small segments. */
async function writeInSmallTransactions(): Promise<string> {
  for (let i = 0; i < 8; i++) {
    await store.createArticle(makeArticle({ title: `Storm damage report ${i}`, slug: `storm-damage-${i}` }));
  }
  const since = new Date(Date.parse(NOW) - 60_000).toISOString();
  for (let s = 0; s < 6; s++) {
    const source = makeSource({ name: `Wire ${s}`, url: `https://wire${s}.example/rss` });
    await store.createSource(source);
    await store.recordFetch(makeFetch(source.id, [makeItem(`storm-${s}`, { title: `Storm damage grows ${s}` })]));
  }
  return since;
}

describe('merging the related indexes before a refresh', () => {
  it("merges each index's small segments into fewer", async () => {
    await writeInSmallTransactions();
    const before = [segmentCount(db, 'related_fts'), segmentCount(db, 'own_story_fts')];
    expect(Math.min(...before)).toBeGreaterThanOrEqual(4);
    await store.mergeSmallIndexSegments();
    const after = [segmentCount(db, 'related_fts'), segmentCount(db, 'own_story_fts')];
    expect(after[0]).toBeLessThan(before[0] ?? 0);
    expect(after[1]).toBeLessThan(before[1] ?? 0);
  });

  it('is done by the refresh after an ingest, before its lookups', async () => {
    const since = await writeInSmallTransactions();
    const before = segmentCount(db, 'own_story_fts');
    const result = await refreshRelatedSince(store, since, { now: NOW, siteUrl: 'https://news.example' });
    expect(result.refreshed.length).toBeGreaterThan(0);
    expect(segmentCount(db, 'own_story_fts')).toBeLessThan(before);
  });
});
