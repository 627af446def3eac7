import type { Article, RelatedStory } from '../../domain/article.ts';
import type { ArticleUrlFor } from '../../domain/article-url.ts';
import type { SqlDatabase } from '../sql-database.ts';
import { shownLinks } from './shown-links.ts';

/**
 * What feeds and article pages render: per article, its stored related links
 * (editorial first, then computed, as refresh saved them; a computed link to
 * one of our articles shows its current headline and URL), minus unresolved
 * editorial titles (no URL to link) and our articles that are no longer
 * published. An article never refreshed yet falls back to its editorial links
 * that name a target (article id or URL).
 */

interface LinkRow {
  article_id: string;
  editorial: number;
  target_kind: 'own' | 'external' | null;
  url: string | null;
  title: string;
  source: string | null;
  published_at: string | null;
  slug: string | null;
  category_slug: string | null;
  status: string | null;
  target_published_at: string | null;
}

const CHUNK = 90; // D1 binds at most 100 parameters per statement

export async function listRelatedStories(
  db: SqlDatabase,
  articles: Article[],
  articleUrl: ArticleUrlFor,
  limit?: number,
): Promise<Map<string, RelatedStory[]>> {
  const rows: LinkRow[] = [];
  const ids = articles.map((a) => a.id);
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    rows.push(
      ...(await db.all<LinkRow>(
        `SELECT l.article_id, l.editorial, l.target_kind, l.url, CASE WHEN l.target_kind = 'own' AND l.editorial = 0 AND a.title IS NOT NULL THEN a.title ELSE l.title END AS title, l.source, l.published_at,
                a.slug, a.category_slug, a.status, a.published_at AS target_published_at
           FROM related_links l LEFT JOIN articles a ON l.target_kind = 'own' AND a.id = l.target_id
          WHERE l.article_id IN (${chunk.map(() => '?').join(', ')})
          ORDER BY l.article_id, l.editorial DESC, l.position`,
        chunk,
      )),
    );
  }
  const stored = new Map<string, LinkRow[]>();
  for (const row of rows) stored.set(row.article_id, [...(stored.get(row.article_id) ?? []), row]);

  const result = new Map<string, RelatedStory[]>();
  const fallback = articles.filter((a) => !stored.has(a.id));
  for (const [id, stories] of await editorialFallback(db, fallback, articleUrl)) result.set(id, stories);
  for (const [id, links] of stored) {
    // Cut after dropping what cannot be shown, so the next stored candidate takes its place.
    const showable = links.flatMap((row) => storyFromRow(row, articleUrl).map((story) => ({ row, story })));
    result.set(
      id,
      shownLinks(showable, ({ row }) => row.editorial === 1, limit).map(({ story }) => story),
    );
  }
  return result;
}

function storyFromRow(row: LinkRow, articleUrl: ArticleUrlFor): RelatedStory[] {
  if (row.target_kind === 'own') {
    if (row.status !== 'published' || !row.slug || !row.category_slug) return [];
    const story: RelatedStory = {
      title: row.title,
      url: articleUrl(row.category_slug, row.slug),
      source: 'own',
    };
    if (row.target_published_at) story.publishedAt = row.target_published_at;
    return [story];
  }
  if (!row.url) return []; // an editorial headline no story matches yet
  const story: RelatedStory = { title: row.title, url: row.url, source: row.source ?? hostname(row.url) };
  if (row.published_at) story.publishedAt = row.published_at;
  return [story];
}

/** Editorial links with a known target, for articles related-refresh has not seen yet. */
async function editorialFallback(db: SqlDatabase, articles: Article[], articleUrl: ArticleUrlFor) {
  type Target = { slug: string; category_slug: string; published_at: string | null };
  const targetIds = [...new Set(articles.flatMap((a) => a.relatedLinks.flatMap((l) => l.articleId ?? [])))];
  const targets = new Map<string, Target>();
  for (const id of targetIds) {
    const row = await db.first<Target>(
      "SELECT slug, category_slug, published_at FROM articles WHERE id = ? AND status = 'published'",
      [id],
    );
    if (row) targets.set(id, row);
  }
  const result = new Map<string, RelatedStory[]>();
  for (const article of articles) {
    const stories: RelatedStory[] = [];
    for (const link of article.relatedLinks) {
      const target = link.articleId ? targets.get(link.articleId) : undefined;
      if (target) {
        const story: RelatedStory = {
          title: link.title,
          url: articleUrl(target.category_slug, target.slug),
          source: 'own',
        };
        if (target.published_at) story.publishedAt = target.published_at;
        stories.push(story);
      } else if (link.url) {
        stories.push({ title: link.title, url: link.url, source: hostname(link.url) });
      }
    }
    result.set(article.id, stories);
  }
  return result;
}

function hostname(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}
