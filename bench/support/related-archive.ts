/** Building the 100,000-story archive for bench/related-perf.ts, and small helpers it uses. */

import type { SqliteDatabase } from '../../src/adapters/node/sqlite-database.ts';
import type { NormalizedItem } from '../../src/domain/source.ts';
import type { Store } from '../../src/store/store.ts';
import { createRandom, type SyntheticStory } from './related-corpus.ts';

export interface ArchiveSize {
  ARTICLES: number;
  EXTERNAL: number;
  SOURCES: number;
}

const NOW = '2026-01-01T00:00:00.000Z';

export function fillArchive(db: SqliteDatabase, story: () => SyntheticStory, size: ArchiveSize): void {
  const { ARTICLES, EXTERNAL, SOURCES } = size;
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
export function withTimings(store: Store) {
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

export function seedRelatedLinks(db: SqliteDatabase, size: ArchiveSize): void {
  const { ARTICLES, EXTERNAL, SOURCES } = size;
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

export function toItem(s: SyntheticStory, key: string): NormalizedItem {
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
