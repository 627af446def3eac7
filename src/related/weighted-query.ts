import type { RelatedStore } from '../store/store.ts';
import { type QueryTermOptions, selectQueryTerms } from './select-query-terms.ts';
import type { StoryTerm } from './story-terms.ts';
import { idf, type QueryTerm } from './text-match.ts';

export interface WeightedQueryOptions extends QueryTermOptions {
  /** Stories in the index, counted once per batch of refreshes. */
  storyCount?: number;
}

export type WeightedQueryDeps = Pick<RelatedStore, 'countStoriesWithTerms' | 'countStories'>;

/**
 * A story's query: the words the index is searched with (selectQueryTerms
 * leaves out the too common), and the same words weighted by where they
 * stand in the story and how rare they are in the archive, for scoring.
 * The document frequencies are those selectQueryTerms already counted.
 */
export async function weightedQuery(
  store: WeightedQueryDeps,
  profile: StoryTerm[],
  options: WeightedQueryOptions,
): Promise<{ terms: string[]; query: QueryTerm[] }> {
  const termCounts = options.termCounts ?? new Map<string, number>();
  const terms = await selectQueryTerms(
    store,
    profile.map((t) => t.word),
    { ...options, termCounts },
  );
  const stories = options.storyCount ?? (await store.countStories());
  const byWord = new Map(profile.map((t) => [t.word, t]));
  const query = terms.flatMap((word) => {
    const term = byWord.get(word);
    if (!term) return [];
    const weight = { stem: term.stem, weight: term.weight, idf: idf(termCounts.get(word) ?? 1, stories) };
    return [{ ...weight, isIdentifying: term.isIdentifying }];
  });
  return { terms, query };
}
