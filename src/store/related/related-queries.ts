import type { RelatedLink } from '../../domain/related.ts';
import type { SqlDatabase } from '../sql-database.ts';
import type { ExternalStory, RelatedStore } from '../store.ts';
import { listRelatedStories } from './list-related-stories.ts';
import { type LinkRow, saveRelatedLinkSets } from './save-related-links.ts';
import { countStoriesWithTerms, searchStories } from './search-stories.ts';
import { shownLinks } from './shown-links.ts';

interface ExternalRow {
  id: string;
  title: string;
  summary: string;
  content_text: string;
  link: string | null;
  categories: string;
  published_at: string;
  source_name: string;
  category_hint: string | null;
}

interface TargetRow extends LinkRow {
  slug: string | null;
  category_slug: string | null;
  status: string | null;
  summary: string | null;
}

const CHUNK = 90; // D1 binds at most 100 parameters per statement

export function createRelatedQueries(db: SqlDatabase): RelatedStore {
  return {
    searchStories: (search) => searchStories(db, search),
    countStoriesWithTerms: (terms, cap) => countStoriesWithTerms(db, terms, cap),
    async countStories() {
      return (await db.first<{ n: number }>('SELECT count(*) AS n FROM related_docs'))?.n ?? 0;
    },

    async getExternalStories(ids) {
      const stories: ExternalStory[] = [];
      for (let i = 0; i < ids.length; i += CHUNK) {
        const chunk = ids.slice(i, i + CHUNK);
        const rows = await db.all<ExternalRow>(
          `SELECT e.id, e.title, e.summary, e.content_text, e.link, e.categories, e.published_at,
                  s.name AS source_name, s.category_hint
             FROM external_items e JOIN sources s ON s.id = e.source_id
            WHERE e.id IN (${chunk.map(() => '?').join(', ')})`,
          chunk,
        );
        stories.push(...rows.map(externalStoryFromRow));
      }
      return stories;
    },

    async listExternalItemIdsSince(since, limit) {
      const rows = await db.all<{ id: string }>(
        'SELECT id FROM external_items WHERE updated_at >= ? ORDER BY updated_at, id LIMIT ?',
        [since, limit],
      );
      return rows.map((row) => row.id);
    },

    async listUnresolvedEditorialLinks() {
      return db.all<{ articleId: string; title: string }>(
        `SELECT article_id AS articleId, title FROM related_links
          WHERE editorial = 1 AND target_kind IS NULL AND url IS NULL ORDER BY article_id, position`,
      );
    },

    async getRelatedLinks(articleId, articleUrl, limit) {
      const rows = await db.all<TargetRow>(
        `SELECT l.position, l.editorial, l.target_kind, l.target_id, l.url,
                CASE WHEN l.target_kind = 'own' AND l.editorial = 0 AND a.title IS NOT NULL THEN a.title ELSE l.title END AS title, l.source, l.published_at,
                l.score, l.reasons, a.slug, a.category_slug, a.status, COALESCE(a.summary, e.summary) AS summary
           FROM related_links l
           LEFT JOIN articles a ON l.target_kind = 'own' AND a.id = l.target_id
           LEFT JOIN external_items e ON l.target_kind = 'external' AND e.id = l.target_id
          WHERE l.article_id = ? ORDER BY l.editorial DESC, l.position`,
        [articleId],
      );
      const links = rows.flatMap((row) => {
        if (row.target_kind !== 'own') return [linkFromRow(row)];
        if (row.status !== 'published' || !row.slug || !row.category_slug) return [];
        return [{ ...linkFromRow(row), url: articleUrl(row.category_slug, row.slug) }];
      });
      return shownLinks(links, (link) => link.editorial, limit);
    },

    async saveRelatedLinks(articleId, links, shown) {
      const changed = await saveRelatedLinkSets(db, [{ articleId, links }], shown);
      return { changed: changed.length > 0 };
    },

    saveRelatedLinkSets: (sets, shown) => saveRelatedLinkSets(db, sets, shown),

    listRelatedStories: (articles, articleUrl, limit) => listRelatedStories(db, articles, articleUrl, limit),
  };
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

function externalStoryFromRow(row: ExternalRow): ExternalStory {
  const story: ExternalStory = {
    id: row.id,
    title: row.title,
    summary: row.summary,
    text: row.content_text,
    source: row.source_name,
    tags: JSON.parse(row.categories),
    publishedAt: row.published_at,
  };
  if (row.link) story.url = row.link;
  if (row.category_hint) story.category = row.category_hint;
  return story;
}
