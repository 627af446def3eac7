import type { SqliteDatabase } from '../../src/adapters/node/sqlite-database.ts';
import { BM25, matchExpression, OWN_BM25 } from '../../src/store/related/search-stories.ts';
import type { RelatedSearch } from '../../src/store/store.ts';

/**
 * The ranking step of an ingested item's search for our articles, both ways, on the same
 * archive: in our articles' own index (migration 0012, what searchStories runs) and in the
 * shared index with `AND kind : own`, plus the item's own score that the search then also
 * asked for (what it ran before 0012). Milliseconds for all the searches given.
 */
export function timeItemSearches(db: SqliteDatabase, searches: RelatedSearch[]): { own: number; shared: number } {
  const own = db.raw.prepare(
    `SELECT rowid FROM own_story_fts WHERE own_story_fts MATCH ? ORDER BY ${OWN_BM25} LIMIT ?`,
  );
  const shared = db.raw.prepare(`SELECT rowid FROM related_fts WHERE related_fts MATCH ? ORDER BY ${BM25} LIMIT ?`);
  const selfScore = db.raw.prepare(`SELECT ${BM25} FROM related_fts
    WHERE related_fts MATCH ? AND rowid = (SELECT doc_id FROM related_docs WHERE kind = ? AND ref_id = ?)`);
  const time = (run: (search: RelatedSearch) => void) => {
    const start = performance.now();
    for (const search of searches) run(search);
    return performance.now() - start;
  };
  const result = { own: 0, shared: 0 };
  // Alternated, twice, so that neither way gets a warmer cache or a quieter moment.
  for (let round = 0; round < 2; round++) {
    result.own += time((s) => own.all(matchExpression({ ...s, kind: undefined }), s.limit * 2));
    result.shared += time((s) => {
      shared.all(matchExpression(s), s.limit * 2);
      if (s.self) selfScore.get(matchExpression({ ...s, kind: undefined }), s.self.kind, s.self.id);
    });
  }
  return { own: result.own / 2, shared: result.shared / 2 };
}
