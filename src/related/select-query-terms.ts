import type { RelatedStore } from '../store/store.ts';

/**
 * The words a related-story query is made of. BM25 already gives a word in
 * half the archive almost no weight, but the index still has to walk every
 * story that contains it; at 100,000 stories a few such words make a query
 * 20 times slower for no better answer. So words found in `cap` stories or
 * more are left out (a few are kept when nothing else is left), and the rest
 * are taken in the order storyTerms ranked them.
 */

export interface QueryTermOptions {
  /** A word in this many stories or more is too common to search for. */
  commonCap?: number;
  maxQueryTerms?: number;
  /** Counts already looked up, shared across one batch of refreshes. */
  termCounts?: Map<string, number>;
}

export const DEFAULT_COMMON_CAP = 2_000;
export const DEFAULT_MAX_QUERY_TERMS = 12;
const MIN_QUERY_TERMS = 4;

export async function selectQueryTerms(
  store: Pick<RelatedStore, 'countStoriesWithTerms'>,
  terms: string[],
  { commonCap = DEFAULT_COMMON_CAP, maxQueryTerms = DEFAULT_MAX_QUERY_TERMS, termCounts = new Map() }: QueryTermOptions,
): Promise<string[]> {
  const isCommon = (term: string) => (termCounts.get(term) ?? 0) >= commonCap;
  const selected: string[] = [];
  // Best terms first, only as many as are still wanted: counting costs an index lookup per word
  // (about 6,500 words after an ingest of 1,000 items), and a word past the last one needed is never used.
  for (let from = 0; from < terms.length && selected.length < maxQueryTerms; ) {
    const chunk = terms.slice(from, from + maxQueryTerms - selected.length);
    from += chunk.length;
    const unknown = chunk.filter((term) => !termCounts.has(term));
    if (unknown.length > 0) {
      const counts = await store.countStoriesWithTerms(unknown, commonCap);
      unknown.forEach((term, i) => termCounts.set(term, counts[i] ?? 0));
    }
    selected.push(...chunk.filter((term) => !isCommon(term)));
  }
  if (selected.length >= MIN_QUERY_TERMS) return selected.slice(0, maxQueryTerms);
  const fallback = terms.filter((term) => termCounts.has(term) && isCommon(term));
  return [...selected, ...fallback.slice(0, MIN_QUERY_TERMS - selected.length)];
}
