/**
 * Archive search over our own articles (GET /api/articles?q=, the console's
 * search box). It reads our articles' own FTS5 index, which migration 0012
 * keeps in step with every write for related stories (own_story_fts: title,
 * summary and body of each article), so search needs no index of its own; the
 * same SQL runs on better-sqlite3 and D1, both of which compile FTS5 in.
 */

const MAX_WORDS = 12;

/**
 * `{title summary body} : ("w1" AND "w2"*)`: every word must occur; the last is
 * also a prefix, so a half-typed word finds its matches. Words are quoted FTS5 strings (quotes
 * doubled), so no input is read as an operator. Undefined when the query has no word at all.
 */
export function articleMatchExpression(q: string): string | undefined {
  const words = (q.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_WORDS);
  if (words.length === 0) return undefined;
  const quoted = words.map((w, i) => `"${w.replace(/"/g, '""')}"${i === words.length - 1 ? '*' : ''}`);
  return `{title summary body} : (${quoted.join(' AND ')})`;
}

/** The condition on `articles.id` that keeps matching articles; one parameter, the match expression. */
export const MATCHING_ARTICLE_IDS = `id IN (SELECT d.ref_id FROM own_story_fts JOIN related_docs d ON d.doc_id = own_story_fts.rowid
  WHERE own_story_fts MATCH ?)`;
