import { type Article, isVisibleAt } from '../../domain/article.ts';
import type { SqlDatabase, SqlStatement } from '../sql-database.ts';
import { sql } from '../sql-database.ts';
import type { Retraction } from '../store.ts';

/**
 * Records that article `id` stops being visible at `at`, if it is visible now:
 * copies where it was listed into article_retractions (migration 0007). Runs in
 * the batch before the delete or update that hides it, so it reads the old row.
 */
export function recordRetraction(id: string, at: string): SqlStatement {
  return sql(
    `INSERT OR REPLACE INTO article_retractions
       (article_id, guid, slug, category_slug, author_slug, tag_slugs, title, retracted_at)
     SELECT a.id, a.guid, a.slug, a.category_slug, COALESCE(a.author_slug, ''),
            (SELECT json_group_array(tag_slug) FROM article_tags WHERE article_id = a.id), a.title, ?
       FROM articles a
      WHERE a.id = ? AND a.status = 'published' AND a.published_at IS NOT NULL AND a.published_at <= ?`,
    at,
    id,
    at,
  );
}

/** An edit hides the article (unpublished, rescheduled) or shows it again (its tombstone goes). */
export function retractionStatements(article: Article): SqlStatement[] {
  return isVisibleAt(article, article.updatedAt)
    ? [sql('DELETE FROM article_retractions WHERE article_id = ?', article.id)]
    : [recordRetraction(article.id, article.updatedAt)];
}

interface RetractionRow {
  article_id: string;
  guid: string;
  slug: string;
  category_slug: string;
  author_slug: string;
  tag_slugs: string;
  title: string;
  retracted_at: string;
}

function retractionFromRow(row: RetractionRow): Retraction {
  return {
    articleId: row.article_id,
    guid: row.guid,
    slug: row.slug,
    categorySlug: row.category_slug,
    authorSlug: row.author_slug,
    tagSlugs: JSON.parse(row.tag_slugs),
    title: row.title,
    retractedAt: row.retracted_at,
  };
}

export function createRetractionQueries(db: SqlDatabase) {
  return {
    async listRetractions(since: string): Promise<Retraction[]> {
      const rows = await db.all<RetractionRow>(
        'SELECT * FROM article_retractions WHERE retracted_at >= ? ORDER BY retracted_at DESC, article_id DESC',
        [since],
      );
      return rows.map(retractionFromRow);
    },
    async getRetraction(categorySlug: string, slug: string): Promise<Retraction | undefined> {
      const row = await db.first<RetractionRow>(
        'SELECT * FROM article_retractions WHERE category_slug = ? AND slug = ? ORDER BY retracted_at DESC LIMIT 1',
        [categorySlug, slug],
      );
      return row && retractionFromRow(row);
    },
  };
}
