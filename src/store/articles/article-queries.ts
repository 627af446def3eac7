import type { Article } from '../../domain/article.ts';
import { ConflictError, NotFoundError } from '../../domain/errors.ts';
import type { SqlDatabase } from '../sql-database.ts';
import { sql } from '../sql-database.ts';
import type { ArticleStore } from '../store.ts';
import { ARTICLE_COLUMNS, type ArticleRow, articleColumnsOf, articleFromRow, articleToParams } from './article-rows.ts';
import { articleMatchExpression, MATCHING_ARTICLE_IDS } from './article-search.ts';
import { feedScopeSql } from './feed-scope.ts';
import { recordRetraction, retractionStatements } from './retraction-queries.ts';
import { tagStatements } from './tag-rows.ts';

const PLACEHOLDERS = ARTICLE_COLUMNS.split(',')
  .map(() => '?')
  .join(', ');
const ASSIGNMENTS = ARTICLE_COLUMNS.split(', ')
  .slice(1)
  .map((column) => `${column} = ?`)
  .join(', ');
const VISIBLE = "status = 'published' AND published_at IS NOT NULL AND published_at <= ?";

export function createArticleQueries(db: SqlDatabase): ArticleStore {
  const createArticles = async (articles: Article[]) => {
    const insert = `INSERT INTO articles (${ARTICLE_COLUMNS}) VALUES (${PLACEHOLDERS})`;
    const slugs = articles.map((a) => a.slug).join('", "');
    await withConflictMessage(slugs, () =>
      db.batch(
        articles.flatMap((article) => [
          sql(insert, ...articleToParams(article)),
          ...tagStatements(article, { fresh: true }),
        ]),
      ),
    );
  };

  return {
    async createArticle(article) {
      await createArticles([article]);
    },
    createArticles,

    async updateArticle(article) {
      const [id, ...rest] = articleToParams(article);
      const { categorySlug, slug } = article;
      const update = sql(`UPDATE articles SET ${ASSIGNMENTS} WHERE id = ?`, ...rest, id ?? null);
      const statements = [
        // The path it leaves stays in its history (a 301 to the new one), in the same batch as the edit.
        sql(
          `INSERT INTO article_slug_history (category_slug, slug, article_id, retired_at)
             SELECT category_slug, slug, id, ? FROM articles WHERE id = ? AND (category_slug <> ? OR slug <> ?)
           ON CONFLICT (category_slug, slug) DO UPDATE SET article_id = excluded.article_id, retired_at = excluded.retired_at`,
          article.updatedAt,
          article.id,
          categorySlug,
          slug,
        ),
        ...retractionStatements(article), // before the update: it reads the row as it was
        update,
        // Back at a path it had before: that path is current again, not history.
        sql('DELETE FROM article_slug_history WHERE category_slug = ? AND slug = ?', categorySlug, slug),
        ...tagStatements(article),
      ];
      const results = await withConflictMessage(article.slug, () => db.batch(statements));
      const changes = results[statements.indexOf(update)];
      if (!changes) throw new NotFoundError(`article ${article.id} does not exist`);
    },

    async deleteArticle(id, now = new Date().toISOString()) {
      const [, changes] = await db.batch([recordRetraction(id, now), sql('DELETE FROM articles WHERE id = ?', id)]);
      return (changes ?? 0) > 0;
    },

    async getArticle(id) {
      const row = await db.first<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = ?`, [id]);
      return row && articleFromRow(row);
    },

    async getArticleBySlug(categorySlug, slug) {
      const row = await db.first<ArticleRow>(
        `SELECT ${ARTICLE_COLUMNS} FROM articles WHERE slug = ? AND category_slug = ?`,
        [slug, categorySlug],
      );
      return row && articleFromRow(row);
    },

    async getMovedArticle(categorySlug, slug) {
      const row = await db.first<ArticleRow>(
        `SELECT ${ARTICLE_COLUMNS.split(', ')
          .map((column) => `articles.${column}`)
          .join(', ')}
           FROM article_slug_history JOIN articles ON articles.id = article_slug_history.article_id
          WHERE article_slug_history.category_slug = ? AND article_slug_history.slug = ?`,
        [categorySlug, slug],
      );
      return row && articleFromRow(row);
    },

    async listArticles({ category, status, q, cursor, limit }) {
      const conditions: string[] = [];
      const params: (string | number)[] = [];
      if (q !== undefined) {
        const match = articleMatchExpression(q);
        if (!match) return { items: [] }; // only punctuation: no word can match
        conditions.push(MATCHING_ARTICLE_IDS);
        params.push(match);
      }
      if (category) {
        conditions.push('(category_slug = ? OR category = ?)');
        params.push(category, category);
      }
      if (status) {
        conditions.push('status = ?');
        params.push(status);
      }
      if (cursor) {
        conditions.push('id < ?'); // ids sort by creation time: newest first, stable under inserts
        params.push(cursor);
      }
      const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
      const rows = await db.all<ArticleRow>(
        `SELECT ${ARTICLE_COLUMNS} FROM articles ${where} ORDER BY id DESC LIMIT ?`,
        [...params, limit + 1],
      );
      const items = rows.slice(0, limit).map(articleFromRow);
      const last = items.at(-1);
      return rows.length > limit && last ? { items, nextCursor: last.id } : { items };
    },

    async listCategories(now) {
      return db.all(
        `SELECT MAX(category) AS name, category_slug AS slug, COUNT(*) AS total,
                SUM(CASE WHEN ${VISIBLE} THEN 1 ELSE 0 END) AS published
           FROM articles GROUP BY category_slug ORDER BY category_slug`,
        [now],
      );
    },

    async listFeedCategories() {
      // A skip-scan of the category index: one seek per category instead of a pass over every article.
      return db.all(
        `WITH RECURSIVE slugs (slug) AS (
           SELECT MIN(category_slug) FROM articles
           UNION ALL
           SELECT (SELECT MIN(category_slug) FROM articles WHERE category_slug > slugs.slug) FROM slugs WHERE slug IS NOT NULL
         )
         SELECT slug, (SELECT category FROM articles WHERE category_slug = slugs.slug LIMIT 1) AS name
           FROM slugs WHERE slug IS NOT NULL`,
      );
    },

    async listFeedHeads(query) {
      const { from, where, order, params } = feedScopeSql(query);
      return db.all(
        `SELECT a.id, a.revision, a.published_at AS publishedAt FROM ${from} WHERE ${where} ORDER BY ${order} LIMIT ?`,
        [...params, query.limit],
      );
    },

    async listFeedArticles(query) {
      const { from, where, order, params } = feedScopeSql(query);
      const rows = await db.all<ArticleRow>(
        `SELECT ${articleColumnsOf('a')} FROM ${from} WHERE ${where} ORDER BY ${order} LIMIT ?`,
        [...params, query.limit],
      );
      return rows.map(articleFromRow);
    },

    async listSitemapEntries({ now, since, limit }) {
      return db.all(
        `SELECT category_slug AS categorySlug, slug, title, published_at AS publishedAt, updated_at AS updatedAt
           FROM articles WHERE ${VISIBLE}${since ? ' AND published_at >= ?' : ''}
          ORDER BY published_at DESC, id DESC LIMIT ?`,
        since ? [now, since, limit] : [now, limit],
      );
    },
  };
}

async function withConflictMessage<T>(slug: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (message.includes('UNIQUE constraint failed: articles.slug')) {
      throw new ConflictError(`slug "${slug}" is already used by another article`, { field: 'slug' });
    }
    if (message.includes('UNIQUE constraint failed')) throw new ConflictError(`article already exists: ${message}`);
    throw error;
  }
}
