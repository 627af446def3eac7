import type { Article, Author } from '../../domain/article.ts';
import { authorSlug } from '../../domain/follow-slugs.ts';
import type { SqlDatabase } from '../sql-database.ts';
import { sql } from '../sql-database.ts';
import type { FollowFeedHeads, FollowTarget } from '../store.ts';
import { tagStatements } from './tag-rows.ts';

const VISIBLE_TAG = "t.status = 'published' AND t.published_at IS NOT NULL AND t.published_at <= ?";
const VISIBLE_ARTICLE = "a.status = 'published' AND a.published_at IS NOT NULL AND a.published_at <= ?";

/**
 * Every tag (or author) that has articles, with a digest of its feed's newest
 * heads ("id:revision:published_at", feed order), in ONE statement: a skip-scan
 * of the index seeks each slug once and a correlated subquery walks its feed,
 * so 2,000 tags cost one round trip (one D1 query on Workers), not 2,000.
 */
/** The slugs to read, as a CTE named `slugs`: every tag (author) by a skip-scan, or the ones given. */
const ALL_TAG_SLUGS = `WITH RECURSIVE slugs (slug) AS (
    SELECT MIN(tag_slug) FROM article_tags
    UNION ALL
    SELECT (SELECT MIN(tag_slug) FROM article_tags WHERE tag_slug > slugs.slug) FROM slugs WHERE slug IS NOT NULL
  )`;
const ALL_AUTHOR_SLUGS = `WITH RECURSIVE slugs (slug) AS (
    SELECT MIN(author_slug) FROM articles WHERE author_slug > ''
    UNION ALL
    SELECT (SELECT MIN(author_slug) FROM articles WHERE author_slug > slugs.slug) FROM slugs WHERE slug IS NOT NULL
  )`;
/** Only the given slugs that have rows, as the skip-scan would find them. */
const givenSlugs = (kind: 'tag' | 'author', count: number) =>
  `WITH slugs (slug) AS (SELECT column1 FROM (VALUES ${Array.from({ length: count }, () => '(?)').join(', ')})
    WHERE EXISTS (${kind === 'tag' ? 'SELECT 1 FROM article_tags WHERE tag_slug = column1' : "SELECT 1 FROM articles WHERE author_slug = column1 AND author_slug > ''"}))`;

/**
 * Every tag (or author) that has articles, with a digest of its feed's newest
 * heads ("id:revision:published_at", feed order), in ONE statement: a skip-scan
 * of the index seeks each slug once and a correlated subquery walks its feed,
 * so 2,000 tags cost one round trip (one D1 query on Workers), not 2,000. An
 * incremental publish names its slugs instead; the subqueries are the same, so
 * both give the same names and digests.
 */
const TAG_HEADS = `
  SELECT slug, (SELECT tag_name FROM article_tags WHERE tag_slug = slugs.slug LIMIT 1) AS name,
    (SELECT group_concat(h, ' ') FROM (
       SELECT t.article_id || ':' || t.revision || ':' || t.published_at AS h
         FROM article_tags t
        WHERE t.tag_slug = slugs.slug AND ${VISIBLE_TAG}
        ORDER BY t.published_at DESC, t.article_id DESC LIMIT ?)) AS heads
    FROM slugs WHERE slug IS NOT NULL`;

const AUTHOR_HEADS = `
  SELECT slug, (SELECT json_extract(author, '$.name') FROM articles WHERE author_slug = slugs.slug LIMIT 1) AS name,
    (SELECT group_concat(h, ' ') FROM (
       SELECT a.id || ':' || a.revision || ':' || a.published_at AS h
         FROM articles a INDEXED BY articles_by_author_published
        WHERE a.author_slug = slugs.slug AND ${VISIBLE_ARTICLE}
        ORDER BY a.published_at DESC, a.id DESC LIMIT ?)) AS heads
    FROM slugs WHERE slug IS NOT NULL`;

/** D1 binds at most 100 parameters per query. */
const SLUGS_PER_QUERY = 90;

interface HeadsRow {
  slug: string;
  name: string | null;
  heads: string | null;
}

interface IndexRow {
  id: string;
  tags: string;
  author: string;
  status: Article['status'];
  published_at: string | null;
  revision: number;
}

export function createFollowQueries(db: SqlDatabase) {
  return {
    async listFollowFeedHeads(kind: 'tag' | 'author', now: string, limit: number): Promise<FollowFeedHeads[]> {
      const rows = await db.all<HeadsRow>(
        kind === 'tag' ? ALL_TAG_SLUGS + TAG_HEADS : ALL_AUTHOR_SLUGS + AUTHOR_HEADS,
        [now, limit],
      );
      return rows.map((row) => ({ slug: row.slug, name: row.name ?? row.slug, heads: row.heads ?? '' }));
    },

    async listFollowFeedHeadsOf(
      kind: 'tag' | 'author',
      slugs: string[],
      now: string,
      limit: number,
    ): Promise<FollowFeedHeads[]> {
      const found: FollowFeedHeads[] = [];
      for (let start = 0; start < slugs.length; start += SLUGS_PER_QUERY) {
        const chunk = slugs.slice(start, start + SLUGS_PER_QUERY);
        const rows = await db.all<HeadsRow>(
          givenSlugs(kind, chunk.length) + (kind === 'tag' ? TAG_HEADS : AUTHOR_HEADS),
          [...chunk, now, limit],
        );
        found.push(...rows.map((row) => ({ slug: row.slug, name: row.name ?? row.slug, heads: row.heads ?? '' })));
      }
      return found;
    },

    async listFollowTargets(kind: 'tag' | 'author', now: string): Promise<FollowTarget[]> {
      return db.all<FollowTarget>(
        kind === 'tag'
          ? `SELECT t.tag_slug AS slug, MIN(t.tag_name) AS name, COUNT(*) AS published
               FROM article_tags t WHERE ${VISIBLE_TAG} GROUP BY t.tag_slug ORDER BY t.tag_slug`
          : `SELECT a.author_slug AS slug, MIN(json_extract(a.author, '$.name')) AS name, COUNT(*) AS published
               FROM articles a WHERE a.author_slug > '' AND ${VISIBLE_ARTICLE} GROUP BY a.author_slug ORDER BY a.author_slug`,
        [now],
      );
    },

    async getTagName(slug: string, now: string): Promise<string | undefined> {
      const row = await db.first<{ name: string }>(
        `SELECT tag_name AS name FROM article_tags t WHERE t.tag_slug = ? AND ${VISIBLE_TAG} LIMIT 1`,
        [slug, now],
      );
      return row?.name;
    },

    /** The author as their newest visible article presents them (name, role, bio). */
    async getAuthorProfile(slug: string, now: string): Promise<Author | undefined> {
      const row = await db.first<{ author: string }>(
        `SELECT a.author FROM articles a WHERE a.author_slug = ? AND ${VISIBLE_ARTICLE}
          ORDER BY a.published_at DESC, a.id DESC LIMIT 1`,
        [slug, now],
      );
      return row && JSON.parse(row.author);
    },

    /** Fills in author slugs and tag rows of articles written before migration 0007; returns how many. */
    async indexFollowTargets(limit: number): Promise<number> {
      const rows = await db.all<IndexRow>(
        'SELECT id, tags, author, status, published_at, revision FROM articles WHERE author_slug IS NULL LIMIT ?',
        [limit],
      );
      if (rows.length === 0) return 0;
      await db.batch(
        rows.flatMap((row) => {
          const article = {
            id: row.id,
            revision: row.revision,
            tags: JSON.parse(row.tags) as string[],
            status: row.status,
            publishedAt: row.published_at ?? undefined,
          } as Article;
          return [
            sql('UPDATE articles SET author_slug = ? WHERE id = ?', authorSlug(JSON.parse(row.author)), row.id),
            ...tagStatements(article),
          ];
        }),
      );
      return rows.length;
    },
  };
}
