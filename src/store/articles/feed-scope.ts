import type { SqlValue } from '../sql-database.ts';
import type { FeedQuery } from '../store.ts';

/** The FROM, WHERE and ORDER BY of one feed's query; articles are always aliased `a`. */
export interface FeedScopeSql {
  from: string;
  where: string;
  order: string;
  params: SqlValue[];
}

/**
 * Feed order is published_at DESC, id DESC everywhere. A tag feed walks
 * article_tags (which copies status and published_at for this purpose, see
 * migration 0007) and joins each hit to its article; the other feeds walk an
 * index of articles. Paging uses a row-value comparison in the same order
 * (SQLite 3.15+, D1).
 */
export function feedScopeSql(query: FeedQuery): FeedScopeSql {
  const tagged = query.tagSlug !== undefined;
  const t = tagged ? 't' : 'a';
  const id = tagged ? 't.article_id' : 'a.id';
  const conditions = [`${t}.status = 'published'`, `${t}.published_at IS NOT NULL`, `${t}.published_at <= ?`];
  const params: SqlValue[] = [query.now];
  const scope = (condition: string, value: string) => {
    conditions.unshift(condition);
    params.unshift(value);
  };
  if (query.tagSlug !== undefined) scope('t.tag_slug = ?', query.tagSlug);
  if (query.categorySlug !== undefined) scope('a.category_slug = ?', query.categorySlug);
  if (query.authorSlug !== undefined) scope('a.author_slug = ?', query.authorSlug);
  if (query.before) {
    conditions.push(`(${t}.published_at, ${id}) < (?, ?)`);
    params.push(query.before.publishedAt, query.before.id);
  }
  return {
    // SQLite's planner walks the index of all articles for an author query unless told (EXPLAIN showed it).
    from: tagged
      ? 'article_tags t JOIN articles a ON a.id = t.article_id'
      : query.authorSlug !== undefined
        ? 'articles a INDEXED BY articles_by_author_published'
        : 'articles a',
    where: conditions.join(' AND '),
    order: `${t}.published_at DESC, ${id} DESC`,
    params,
  };
}
