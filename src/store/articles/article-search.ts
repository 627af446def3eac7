/**
 * Archive search over our own articles (GET /api/articles?q=, the console's
 * search box). It reads the FTS5 index that migration 0003 keeps in step with
 * every write (related_fts: title, summary and body of each article, kind
 * "own"), so search needs no second index and no extra work per write; the
 * same SQL runs on better-sqlite3 and D1, both of which compile FTS5 in.
 */

const MAX_WORDS = 12;

/**
 * `kind : own AND {title summary body} : ("w1" AND "w2"*)`: every word must occur; the last is
 * also a prefix, so a half-typed word finds its matches. Words are quoted FTS5 strings (quotes
 * doubled), so no input is read as an operator. Undefined when the query has no word at all.
 */
export function articleMatchExpression(q: string): string | undefined {
  const words = (q.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_WORDS);
  if (words.length === 0) return undefined;
  const quoted = words.map((w, i) => `"${w.replace(/"/g, '""')}"${i === words.length - 1 ? '*' : ''}`);
  return `kind : own AND {title summary body} : (${quoted.join(' AND ')})`;
}

/** The condition on `articles.id` that keeps matching articles; one parameter, the match expression. */
export const MATCHING_ARTICLE_IDS = `id IN (SELECT d.ref_id FROM related_fts JOIN related_docs d ON d.doc_id = related_fts.rowid
  WHERE related_fts MATCH ? AND d.kind = 'own')`;
