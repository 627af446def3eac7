import type { RelatedLink } from '../../domain/related.ts';
import { type SqlDatabase, type SqlStatement, sql } from '../sql-database.ts';
import { shownLinks } from './shown-links.ts';

/** One related_links row as both engines return it. */
export interface LinkRow {
  position: number;
  editorial: number;
  target_kind: 'own' | 'external' | null;
  target_id: string | null;
  url: string | null;
  title: string;
  source: string | null;
  published_at: string | null;
  score: number;
  reasons: string;
}

export const LINK_COLUMNS =
  'position, editorial, target_kind, target_id, url, title, source, published_at, score, reasons';
const INSERT = `INSERT INTO related_links (article_id, ${LINK_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
/** Articles per batch: an ingest may touch thousands; a D1 batch should stay modest. */
const ARTICLES_PER_BATCH = 50;

/**
 * Replaces the related links of many articles, 50 at a time: reads what they
 * have (one statement), then writes them in one batch (a transaction). An
 * article whose links are the same is not written; one whose feed-visible
 * links (the first `shown`, editorial ones always) changed also gets a new
 * revision, so the publish job re-renders its feeds. Returns those ids.
 */
export async function saveRelatedLinkSets(
  db: SqlDatabase,
  sets: { articleId: string; links: RelatedLink[] }[],
  shown?: number,
): Promise<string[]> {
  const changedIds: string[] = [];
  for (let i = 0; i < sets.length; i += ARTICLES_PER_BATCH) {
    const chunk = sets.slice(i, i + ARTICLES_PER_BATCH);
    const articleIds = chunk.map((set) => set.articleId);
    const stored = await readLinkRows(db, articleIds);
    const statements: SqlStatement[] = [];
    for (const { articleId, links } of chunk) {
      const before = stored.get(articleId) ?? [];
      const after = links.map((link, position) => rowFromLink({ ...link, position }));
      if (signature(before, true) === signature(after, true)) continue;
      // Candidates stored beyond what feeds show change no feed.
      const isEditorial = (row: LinkRow) => row.editorial === 1;
      const changed =
        signature(shownLinks(before, isEditorial, shown), false) !==
        signature(shownLinks(after, isEditorial, shown), false);
      statements.push(
        sql('DELETE FROM related_links WHERE article_id = ?', articleId),
        ...after.map((r) =>
          sql(
            INSERT,
            articleId,
            r.position,
            r.editorial,
            r.target_kind,
            r.target_id,
            r.url,
            r.title,
            r.source,
            r.published_at,
            r.score,
            r.reasons,
          ),
        ),
      );
      if (changed) {
        // Feeds fingerprint their items by (id, revision): a new revision re-renders them.
        statements.push(sql('UPDATE articles SET revision = revision + 1 WHERE id = ?', articleId));
        changedIds.push(articleId);
      }
    }
    if (statements.length > 0) await db.batch(statements);
  }
  return changedIds;
}

/** The stored rows of each article, in order: one statement for a batch's articles. */
async function readLinkRows(db: SqlDatabase, articleIds: string[]): Promise<Map<string, LinkRow[]>> {
  const rows = await db.all<LinkRow & { article_id: string }>(
    `SELECT article_id, ${LINK_COLUMNS} FROM related_links
      WHERE article_id IN (${articleIds.map(() => '?').join(', ')}) ORDER BY article_id, position`,
    articleIds,
  );
  const byArticle = new Map<string, LinkRow[]>(articleIds.map((id) => [id, []]));
  for (const { article_id, ...row } of rows) byArticle.get(article_id)?.push(row);
  return byArticle;
}

/**
 * What a rendered feed shows of the links (target, title, source, date, order), and with
 * `withScores` everything stored: scores move a little whenever the archive grows, which is
 * worth saving for the API but not worth a new feed revision.
 */
function signature(rows: LinkRow[], withScores: boolean): string {
  return JSON.stringify(
    rows.map((r) => [
      r.editorial,
      r.target_kind,
      r.target_id,
      r.url,
      r.title,
      r.source,
      r.published_at,
      ...(withScores ? [r.score, r.reasons] : []),
    ]),
  );
}

function rowFromLink(link: RelatedLink): LinkRow {
  return {
    position: link.position,
    editorial: link.editorial ? 1 : 0,
    target_kind: link.kind ?? null,
    target_id: link.targetId ?? null,
    // An own target's URL follows its slug, so it is built when read, never stored.
    url: link.kind === 'own' ? null : (link.url ?? null),
    title: link.title,
    source: link.source ?? null,
    published_at: link.publishedAt ?? null,
    score: link.score,
    reasons: JSON.stringify(link.reasons),
  };
}
