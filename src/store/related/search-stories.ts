import type { ArticleUrlFor } from '../../domain/article-url.ts';
import { htmlToPlainText } from '../../domain/plain-text.ts';
import type { StoryCandidate } from '../../domain/related.ts';
import type { SqlDatabase } from '../sql-database.ts';
import type { RelatedSearch, RelatedSearchResult } from '../store.ts';

/**
 * Related-story candidates from the FTS5 indexes, ranked by BM25: the shared one over both kinds
 * (migration 0003; columns kind (weight 0: a filter, not evidence), title, summary, body) and our
 * articles' own (0012; title, summary, body), which a search kept to our articles uses.
 */
export const BM25 = 'bm25(related_fts, 0.0, 4.0, 2.0, 1.0)';
export const OWN_BM25 = 'bm25(own_story_fts, 4.0, 2.0, 1.0)';
const MAX_TERMS = 32;
/** Enough of a body for its lead (src/related/story-terms.ts: LEAD_WORDS), markup included or not. */
const LEAD_HTML_CHARS = 1_500;
const LEAD_TEXT_CHARS = 800;

interface CandidateRow {
  kind: 'own' | 'external';
  id: string;
  text_score: number;
  title: string;
  summary: string;
  slug: string | null;
  category_slug: string | null;
  category: string | null;
  tags: string | null;
  link: string | null;
  categories: string | null;
  source_name: string | null;
  category_hint: string | null;
  published_at: string | null;
  lead: string | null;
}

/**
 * The best matches of one index: kind, id and score. The FTS query is ranked alone and only its
 * best rows are joined to related_docs: joining before the sort costs a lookup for every match,
 * and BM25 is computed once per row because ORDER BY names the result column.
 */
const ranked = (index: string, bm25: string) => `SELECT d.kind, d.ref_id, r.text_score
    FROM (SELECT rowid, -${bm25} AS text_score FROM ${index}
           WHERE ${index} MATCH ? ORDER BY text_score DESC LIMIT ?) r
    JOIN related_docs d ON d.doc_id = r.rowid`;
const RANKED_ANY = ranked('related_fts', BM25);
const RANKED_OWN = ranked('own_story_fts', OWN_BM25);

// The ranking runs first, in its own subquery; the joins then touch the few hundred best. Drafts
// and future articles are dropped after ranking, so the inner limit over-fetches. The query's own
// story is kept (even a draft): its score is the scale.
const searchSql = (rankedSql: string) => `
  SELECT m.kind, m.ref_id AS id, m.text_score,
         COALESCE(a.title, e.title) AS title, COALESCE(a.summary, e.summary) AS summary,
         a.slug, a.category_slug, a.category, a.tags, e.link, e.categories,
         s.name AS source_name, s.category_hint, COALESCE(a.published_at, e.published_at) AS published_at,
         COALESCE(substr(a.body_html, 1, ${LEAD_HTML_CHARS}), substr(e.content_text, 1, ${LEAD_TEXT_CHARS})) AS lead
    FROM (${rankedSql}) m
    LEFT JOIN articles a ON m.kind = 'own' AND a.id = m.ref_id
    LEFT JOIN external_items e ON m.kind = 'external' AND e.id = m.ref_id
    LEFT JOIN sources s ON s.id = e.source_id
   WHERE (e.id IS NOT NULL OR (a.status = 'published' AND a.published_at <= ?))
      OR (m.kind = ? AND m.ref_id = ?)
   ORDER BY m.text_score DESC, m.ref_id
   LIMIT ?`;
const SEARCH_ANY = searchSql(RANKED_ANY);
const SEARCH_OWN = searchSql(RANKED_OWN);

/** One story's score for the query, alone, by rowid, in the index the others were ranked in. */
const selfScore = (index: string, bm25: string) => `
  SELECT -${bm25} AS text_score FROM ${index}
   WHERE ${index} MATCH ? AND rowid = (SELECT doc_id FROM related_docs WHERE kind = ? AND ref_id = ?)`;
const SELF_SCORE_ANY = selfScore('related_fts', BM25);
const SELF_SCORE_OWN = selfScore('own_story_fts', OWN_BM25);

/**
 * Document frequency per term, capped: counting stops at `cap` rows, so a word in half the
 * archive costs no more than a rare one. One statement for up to 40 terms (80 parameters),
 * one column per term: D1 refuses a compound SELECT (UNION ALL) of more than 5 terms.
 */
export async function countStoriesWithTerms(db: SqlDatabase, terms: string[], cap: number): Promise<number[]> {
  const counts: number[] = [];
  for (let i = 0; i < terms.length; i += 40) {
    const chunk = terms.slice(i, i + 40);
    const columns = chunk
      .map((_, j) => `(SELECT count(*) FROM (SELECT 1 FROM related_fts WHERE related_fts MATCH ? LIMIT ?)) AS n${j}`)
      .join(', ');
    const row = await db.first<Record<string, number>>(
      `SELECT ${columns}`,
      chunk.flatMap((term) => [matchExpression({ terms: [term], field: 'text' }) ?? '""', cap]),
    );
    counts.push(...chunk.map((_, j) => row?.[`n${j}`] ?? 0));
  }
  return counts;
}

export async function searchStories(db: SqlDatabase, search: RelatedSearch): Promise<RelatedSearchResult> {
  const ownOnly = search.kind === 'own';
  const match = matchExpression(ownOnly ? { ...search, kind: undefined } : search);
  if (!match) return { candidates: [] };
  const rows = await db.all<CandidateRow>(ownOnly ? SEARCH_OWN : SEARCH_ANY, [
    match,
    search.limit * 2,
    search.now,
    search.self?.kind ?? '',
    search.self?.id ?? '',
    search.limit + 1,
  ]);
  const { self: wanted } = search;
  const isSelf = (row: CandidateRow) => !!wanted && row.kind === wanted.kind && row.id === wanted.id;
  const candidates = rows
    .filter((row) => !isSelf(row))
    .slice(0, search.limit)
    .map((row) => candidateFromRow(row, search.articleUrl));
  const selfRow = rows.find(isSelf);
  if (selfRow) return { candidates, selfTextScore: selfRow.text_score };
  if (!wanted) return { candidates };
  // Not among the best: score it alone, by rowid, in the index the others were ranked in (an
  // external story is not in our articles' own, so it has no score on that scale).
  if (ownOnly && wanted.kind !== 'own') return { candidates };
  const self = await db.first<{ text_score: number }>(ownOnly ? SELF_SCORE_OWN : SELF_SCORE_ANY, [
    matchExpression({ ...search, kind: undefined }) ?? match,
    wanted.kind,
    wanted.id,
  ]);
  return self ? { candidates, selfTextScore: self.text_score } : { candidates };
}

/**
 * `{title summary body} : ("w1" OR "w2" …)`, plus `AND kind : external` to keep to one kind in
 * the shared index (a search kept to our articles uses their own index instead).
 * Each term is a quoted string with its quotes doubled (FTS5 string syntax), so any input
 * is a phrase, never an operator.
 */
export function matchExpression(search: Pick<RelatedSearch, 'terms' | 'field' | 'kind'>): string | undefined {
  const terms = [...new Set(search.terms.map((t) => t.trim()).filter(Boolean))].slice(0, MAX_TERMS);
  if (terms.length === 0) return undefined;
  const columns = search.field === 'title' ? 'title' : '{title summary body}';
  const words = terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' OR ');
  const expression = `${columns} : (${words})`;
  return search.kind ? `${expression} AND kind : ${search.kind}` : expression;
}

function candidateFromRow(row: CandidateRow, articleUrl: ArticleUrlFor): StoryCandidate {
  const isOwn = row.kind === 'own';
  const url = isOwn
    ? row.slug && row.category_slug
      ? articleUrl(row.category_slug, row.slug)
      : undefined
    : (row.link ?? undefined);
  const category = isOwn ? row.category : row.category_hint;
  const candidate: StoryCandidate = {
    kind: row.kind,
    id: row.id,
    title: row.title,
    summary: row.summary,
    source: isOwn ? 'own' : (row.source_name ?? 'external'),
    tags: parseList(isOwn ? row.tags : row.categories),
    textScore: row.text_score,
  };
  if (url) candidate.url = url;
  if (category) candidate.category = category;
  if (row.published_at) candidate.publishedAt = row.published_at;
  // A cut may leave half a tag at the end: the text before it is what counts.
  const lead = row.lead && (isOwn ? htmlToPlainText(row.lead.replace(/<[^>]*$/, '')) : row.lead);
  if (lead) candidate.lead = lead;
  return candidate;
}

function parseList(json: string | null): string[] {
  if (!json) return [];
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
