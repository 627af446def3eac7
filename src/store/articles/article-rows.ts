import type { Article } from '../../domain/article.ts';
import { authorSlug } from '../../domain/follow-slugs.ts';
import type { SqlValue } from '../sql-database.ts';

/** One articles row as both engines return it. */
export interface ArticleRow {
  id: string;
  guid: string;
  slug: string;
  title: string;
  summary: string;
  body_html: string;
  category: string;
  category_slug: string;
  tags: string;
  image: string | null;
  author: string;
  related_links: string;
  status: Article['status'];
  published_at: string | null;
  created_at: string;
  updated_at: string;
  revision: number;
  author_slug: string | null;
}

export const ARTICLE_COLUMNS =
  'id, guid, slug, title, summary, body_html, category, category_slug, tags, image, author, related_links, status, published_at, created_at, updated_at, revision, author_slug';

/** The same columns qualified by a table alias, for joins (tag feeds read articles through article_tags). */
export function articleColumnsOf(alias: string): string {
  return ARTICLE_COLUMNS.split(', ')
    .map((column) => `${alias}.${column}`)
    .join(', ');
}

export function articleFromRow(row: ArticleRow): Article {
  const article: Article = {
    id: row.id,
    guid: row.guid,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    bodyHtml: row.body_html,
    category: row.category,
    categorySlug: row.category_slug,
    tags: JSON.parse(row.tags),
    author: JSON.parse(row.author),
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    relatedLinks: JSON.parse(row.related_links),
    revision: row.revision,
  };
  if (row.image) article.image = JSON.parse(row.image);
  if (row.published_at) article.publishedAt = row.published_at;
  return article;
}

/** Values in ARTICLE_COLUMNS order. */
export function articleToParams(a: Article): SqlValue[] {
  return [
    a.id,
    a.guid,
    a.slug,
    a.title,
    a.summary,
    a.bodyHtml,
    a.category,
    a.categorySlug,
    JSON.stringify(a.tags),
    a.image ? JSON.stringify(a.image) : null,
    JSON.stringify(a.author),
    JSON.stringify(a.relatedLinks),
    a.status,
    a.publishedAt ?? null,
    a.createdAt,
    a.updatedAt,
    a.revision,
    authorSlug(a.author),
  ];
}
