import { type SqlDatabase, sql } from '../sql-database.ts';

/**
 * FTS5 writes each transaction's terms to a segment of its own and merges segments only a
 * little with each later write (automerge), so after an ingest (a transaction per source) and
 * the day's article saves, the lowest levels hold many small segments. Every term lookup probes
 * every segment: on the bench's 100,000-story archive after its ingest, 17 segments in the
 * shared index and 16 in our articles' own, 8 of each in the lowest level, and finding a term's
 * first row cost about 50 µs, almost half of counting it. A refresh after an ingest of 1,000
 * items looks up some 11,000 terms (5,400 counts, 6,000 terms searched).
 *
 * 'merge' with a positive page count merges the segments of levels that hold at least
 * `usermerge` (4), and stops after about that many pages written
 * (https://sqlite.org/fts5.html#the_merge_command): the small recent segments, in a few ms.
 * Merging moves no row and changes no score (BM25 counts rows and tokens, not segments).
 */
const MERGE_PAGES = 64;

export async function mergeSmallIndexSegments(db: SqlDatabase): Promise<void> {
  await db.batch([
    sql(`INSERT INTO related_fts (related_fts, rank) VALUES ('merge', ${MERGE_PAGES})`),
    sql(`INSERT INTO own_story_fts (own_story_fts, rank) VALUES ('merge', ${MERGE_PAGES})`),
  ]);
}
