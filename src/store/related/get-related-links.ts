import type { ArticleUrlFor } from '../../domain/article-url.ts';
import type { RelatedLink } from '../../domain/related.ts';
import type { SqlDatabase } from '../sql-database.ts';
import type { LinkRow } from './save-related-links.ts';
import { shownLinks } from './shown-links.ts';

/**
 * Stored related links as readers see them: an own target's current headline (for a computed
 * link) and URL from its current slug, and no own target that is not published.
 */

interface TargetRow extends LinkRow {
  article_id: string;
  slug: string | null;
  category_slug: string | null;
  status: string | null;
  summary: string | null;
}

const linksSql = (articles: number) => `
  SELECT l.article_id, l.position, l.editorial, l.target_kind, l.target_id, l.url,
         CASE WHEN l.target_kind = 'own' AND l.editorial = 0 AND a.title IS NOT NULL THEN a.title ELSE l.title END AS title,
         l.source, l.published_at, l.score, l.reasons,
         a.slug, a.category_slug, a.status, COALESCE(a.summary, e.summary) AS summary
    FROM related_links l
    LEFT JOIN articles a ON l.target_kind = 'own' AND a.id = l.target_id
    LEFT JOIN external_items e ON l.target_kind = 'external' AND e.id = l.target_id
   WHERE l.article_id IN (${Array(articles).fill('?').join(', ')})
   ORDER BY l.article_id, l.editorial DESC, l.position`;
/** D1 binds at most 100 parameters per statement. */
const ARTICLES_PER_READ = 90;

export async function getRelatedLinks(
  db: SqlDatabase,
  articleId: string,
  articleUrl: ArticleUrlFor,
  limit?: number,
): Promise<RelatedLink[]> {
  const links = (await getRelatedLinkSets(db, [articleId], articleUrl)).get(articleId) ?? [];
  return shownLinks(links, (link) => link.editorial, limit);
}

/** Every stored link of each article, a few statements for many articles (an ingest's merge reads thousands). */
export async function getRelatedLinkSets(
  db: SqlDatabase,
  articleIds: string[],
  articleUrl: ArticleUrlFor,
): Promise<Map<string, RelatedLink[]>> {
  const sets = new Map<string, RelatedLink[]>(articleIds.map((id) => [id, []]));
  for (let i = 0; i < articleIds.length; i += ARTICLES_PER_READ) {
    const chunk = articleIds.slice(i, i + ARTICLES_PER_READ);
    for (const row of await db.all<TargetRow>(linksSql(chunk.length), chunk)) {
      const link = readableLink(row, articleUrl);
      if (link) sets.get(row.article_id)?.push(link);
    }
  }
  return sets;
}

function readableLink(row: TargetRow, articleUrl: ArticleUrlFor): RelatedLink | undefined {
  if (row.target_kind !== 'own') return linkFromRow(row);
  if (row.status !== 'published' || !row.slug || !row.category_slug) return undefined;
  return { ...linkFromRow(row), url: articleUrl(row.category_slug, row.slug) };
}

function linkFromRow(row: TargetRow): RelatedLink {
  const link: RelatedLink = {
    position: row.position,
    editorial: row.editorial === 1,
    title: row.title,
    score: row.score,
    reasons: JSON.parse(row.reasons),
  };
  if (row.target_kind) link.kind = row.target_kind;
  if (row.target_id) link.targetId = row.target_id;
  if (row.url) link.url = row.url;
  if (row.source) link.source = row.source;
  if (row.published_at) link.publishedAt = row.published_at;
  if (row.summary) link.summary = row.summary;
  return link;
}
