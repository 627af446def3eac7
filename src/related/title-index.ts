import {
  compareTitleFeatures,
  DEFAULT_TITLE_THRESHOLD,
  type MatchTitleOptions,
  type TitleFeatures,
  titleFeatures,
} from './match-title.ts';

/**
 * Many headlines prepared once, for asking which of them a new story's
 * headline answers (waiting `RELATED:` lines against an ingest cycle's
 * items). The same rules as matchTitle: exact after normalization, fuzzy
 * above the threshold for headlines of minFuzzyWords words or more.
 */
export interface TitleIndex<T> {
  readonly size: number;
  find(title: string): T[];
}

export function createTitleIndex<T>(
  items: readonly T[],
  titleOf: (item: T) => string,
  { threshold = DEFAULT_TITLE_THRESHOLD, minFuzzyWords = 3 }: MatchTitleOptions = {},
): TitleIndex<T> {
  const entries = items.map((item) => ({ item, features: titleFeatures(titleOf(item)) }));
  const byWord = new Map<string, typeof entries>();
  for (const entry of entries) {
    for (const word of entry.features.words) byWord.set(word, [...(byWord.get(word) ?? []), entry]);
  }
  const isFuzzyEligible = (f: TitleFeatures) => f.words.size >= minFuzzyWords;

  return {
    size: entries.length,
    find(title) {
      const wanted = titleFeatures(title);
      if (!wanted.normalized) return [];
      // Only headlines sharing a word can reach the threshold: the word-set Dice is half the score.
      const seen = new Set<(typeof entries)[number]>();
      for (const word of wanted.words) for (const entry of byWord.get(word) ?? []) seen.add(entry);
      return [...seen]
        .filter((entry) =>
          entry.features.normalized === wanted.normalized
            ? true
            : isFuzzyEligible(wanted) &&
              isFuzzyEligible(entry.features) &&
              compareTitleFeatures(wanted, entry.features) >= threshold,
        )
        .map((entry) => entry.item);
    },
  };
}
