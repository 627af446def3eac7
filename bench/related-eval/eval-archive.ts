/**
 * A labelled set stored the way the product holds stories: each one either
 * as one of our articles or as an item ingested from an external feed, in a
 * temp SQLite file through the real migrations and store.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMigrations, openSqliteDatabase } from '../../src/adapters/node/sqlite-database.ts';
import type { Article } from '../../src/domain/article.ts';
import { slugify } from '../../src/domain/slug.ts';
import { migrate } from '../../src/store/migrate.ts';
import { createSqlStore } from '../../src/store/sql-store.ts';
import type { Store } from '../../src/store/store.ts';
import type { EvalStory } from './baselines.ts';

export interface EvalArchive {
  store: Store;
  /** The labelled id of a stored story (external items get ids of their own when stored). */
  labelOf(kind: 'own' | 'external', storedId: string): string;
  close(): Promise<void>;
}

const WIRE = 'https://wire.example/';

export function toArticle(s: EvalStory): Article {
  return {
    id: s.id,
    guid: `tag:tidings.example,2024-01-01:article/${s.id}`,
    slug: slugify(`${s.title} ${s.id}`),
    title: s.title,
    summary: s.summary,
    bodyHtml: `<p>${s.body}</p>`,
    category: s.category,
    categorySlug: slugify(s.category),
    tags: s.tags,
    author: { name: 'Eval' },
    status: 'published',
    publishedAt: s.publishedAt,
    createdAt: s.publishedAt,
    updatedAt: s.publishedAt,
    relatedLinks: [],
    revision: 1,
  };
}

/**
 * `external` stories are stored as one feed's items with their title and
 * summary only, as most feeds deliver them: no body, none of our categories
 * (a feed's own categories become their tags).
 */
export async function openEvalArchive(own: EvalStory[], external: EvalStory[] = []): Promise<EvalArchive> {
  const dir = await mkdtemp(join(tmpdir(), 'tidings-related-eval-'));
  const db = openSqliteDatabase(join(dir, 'eval.db'));
  await migrate(db, loadMigrations());
  const store = createSqlStore(db);
  for (const story of own) await store.createArticle(toArticle(story));
  const labels = new Map<string, string>();
  if (external.length > 0) {
    const at = '2025-01-01T00:00:00.000Z';
    await store.createSource({
      id: 'src_wire',
      url: `${WIRE}rss`,
      name: 'Wire',
      pollIntervalMinutes: 30,
      enabled: true,
      createdAt: at,
      updatedAt: at,
      health: { itemsStored: 0, consecutiveFailures: 0, nextPollAt: at },
    });
    await store.recordFetch({
      sourceId: 'src_wire',
      fetchedAt: at,
      status: 200,
      consecutiveFailures: 0,
      nextPollAt: at,
      items: external.map((s) => ({
        guid: s.id,
        link: `${WIRE}${s.id}`,
        contentHash: s.id,
        title: s.title,
        summary: s.summary,
        contentHtml: '',
        contentText: '',
        categories: s.tags,
        publishedAt: s.publishedAt,
        isDateGuessed: false,
      })),
      retention: { maxItems: 100_000, maxAgeDays: 100_000 },
    });
    let cursor: string | undefined;
    do {
      const page = await store.listExternalItems({ sourceId: 'src_wire', limit: 100, ...(cursor ? { cursor } : {}) });
      for (const item of page.items) labels.set(item.id, item.link?.slice(WIRE.length) ?? item.id);
      cursor = page.nextCursor;
    } while (cursor);
  }
  return {
    store,
    labelOf: (kind, storedId) => (kind === 'external' ? (labels.get(storedId) ?? storedId) : storedId),
    async close() {
      db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
