import type { SqlDatabase } from '../sql-database.ts';
import type { ExternalStory, RelatedStore } from '../store.ts';
import { getRelatedLinkSets, getRelatedLinks } from './get-related-links.ts';
import { listRelatedStories } from './list-related-stories.ts';
import { mergeSmallIndexSegments } from './merge-index-segments.ts';
import { saveRelatedLinkSets } from './save-related-links.ts';
import { countStoriesWithTerms, searchStories } from './search-stories.ts';

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

const CHUNK = 90; // D1 binds at most 100 parameters per statement

export function createRelatedQueries(db: SqlDatabase): RelatedStore {
  return {
    searchStories: (search) => searchStories(db, search),
    countStoriesWithTerms: (terms, cap) => countStoriesWithTerms(db, terms, cap),
    mergeSmallIndexSegments: () => mergeSmallIndexSegments(db),
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

    getRelatedLinks: (articleId, articleUrl, limit) => getRelatedLinks(db, articleId, articleUrl, limit),
    getRelatedLinkSets: (articleIds, articleUrl) => getRelatedLinkSets(db, articleIds, articleUrl),

    async saveRelatedLinks(articleId, links, shown) {
      const changed = await saveRelatedLinkSets(db, [{ articleId, links }], shown);
      return { changed: changed.length > 0 };
    },

    saveRelatedLinkSets: (sets, shown) => saveRelatedLinkSets(db, sets, shown),

    listRelatedStories: (articles, articleUrl, limit) => listRelatedStories(db, articles, articleUrl, limit),
  };
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
