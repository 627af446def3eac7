import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMigrations, openSqliteDatabase } from '../src/adapters/node/sqlite-database.ts';
import type { Article } from '../src/domain/article.ts';
import { migrate } from '../src/store/migrate.ts';
import { createSqlStore } from '../src/store/sql-store.ts';
import type { Store } from '../src/store/store.ts';
import { makeArticle } from './make-article.ts';
import { makeFetch, makeItem, makeSource } from './make-source.ts';
import { addFillerArticles } from './related-filler.ts';

/** A real SQLite file in a temp dir, migrated, with filler stories so BM25 has an archive to weigh. */
export async function openRelatedStore(): Promise<{ store: Store; close(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'tidings-related-'));
  const db = openSqliteDatabase(join(dir, 'tidings.db'));
  await migrate(db, loadMigrations());
  const store = createSqlStore(db);
  await addFillerArticles(store);
  return {
    store,
    async close() {
      db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A published article whose summary is the body's first sentence. */
export function story(title: string, body: string, overrides: Partial<Article> = {}): Article {
  return makeArticle({ title, summary: body.split('. ')[0] ?? body, bodyHtml: `<p>${body}</p>`, ...overrides });
}

/** Items stored as one fetch of a new source named `name`; returns them as stored. */
export async function addExternal(store: Store, items: ReturnType<typeof makeItem>[], name = 'Wire Service') {
  const source = makeSource({ name });
  await store.createSource(source);
  await store.recordFetch(makeFetch(source.id, items));
  return (await store.listExternalItems({ sourceId: source.id, limit: 100 })).items;
}
