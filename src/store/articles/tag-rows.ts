import type { Article } from '../../domain/article.ts';
import { articleTags } from '../../domain/follow-slugs.ts';
import { type SqlStatement, sql } from '../sql-database.ts';

/**
 * The article_tags rows of one article (migration 0007), written in the same
 * batch as the article. `fresh` skips the delete for rows that cannot exist
 * yet (a new article).
 */
export function tagStatements(article: Article, { fresh = false } = {}): SqlStatement[] {
  const rows = articleTags(article).map((tag) =>
    sql(
      'INSERT INTO article_tags (tag_slug, article_id, tag_name, status, published_at, revision) VALUES (?, ?, ?, ?, ?, ?)',
      tag.slug,
      article.id,
      tag.name,
      article.status,
      article.publishedAt ?? null,
      article.revision,
    ),
  );
  return fresh ? rows : [sql('DELETE FROM article_tags WHERE article_id = ?', article.id), ...rows];
}
