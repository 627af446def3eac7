import { normalizeTitle } from './normalize-title.ts';

/**
 * Resolving an editorial `RELATED:` headline to a story. An exact match
 * after normalization wins; otherwise the closest headline counts only above
 * a threshold, so a retyped or lightly edited headline still resolves while
 * two different stories about the same subject never do.
 */

export interface TitleMatch<T> {
  item: T;
  similarity: number;
  isExact: boolean;
}

export interface MatchTitleOptions {
  /** Minimum similarity (0..1) for a fuzzy match. */
  threshold?: number;
  /** Fewer words than this and only an exact match counts: short headlines collide too easily. */
  minFuzzyWords?: number;
}

export const DEFAULT_TITLE_THRESHOLD = 0.8;

/**
 * Similarity of two headlines, 0..1: the mean of the Dice coefficient over
 * their word sets (word order and extra words) and over their character
 * bigrams (typos and inflections, like "assasins" for "assassins").
 */
export function titleSimilarity(a: string, b: string): number {
  return compareTitleFeatures(titleFeatures(a), titleFeatures(b));
}

/** A headline prepared for comparison, so that one headline compared with many is prepared once. */
export interface TitleFeatures {
  normalized: string;
  words: Set<string>;
  bigrams: Set<string>;
}

export function titleFeatures(title: string): TitleFeatures {
  const normalized = normalizeTitle(title);
  return { normalized, words: new Set(normalized ? normalized.split(' ') : []), bigrams: bigrams(normalized) };
}

export function compareTitleFeatures(a: TitleFeatures, b: TitleFeatures): number {
  if (!a.normalized || !b.normalized) return 0;
  if (a.normalized === b.normalized) return 1;
  return (dice(a.words, b.words) + dice(a.bigrams, b.bigrams)) / 2;
}

/** True when two headlines name the same story (used to drop near-duplicates). */
export function isSameTitle(a: string, b: string, threshold = 0.9): boolean {
  return titleSimilarity(a, b) >= threshold;
}

/** The candidate whose headline matches `title` best, or undefined when none is close enough. */
export function matchTitle<T>(
  title: string,
  candidates: readonly T[],
  titleOf: (item: T) => string,
  { threshold = DEFAULT_TITLE_THRESHOLD, minFuzzyWords = 3 }: MatchTitleOptions = {},
): TitleMatch<T> | undefined {
  const wanted = normalizeTitle(title);
  if (!wanted) return undefined;
  const exact = candidates.find((item) => normalizeTitle(titleOf(item)) === wanted);
  if (exact !== undefined) return { item: exact, similarity: 1, isExact: true };
  if (wanted.split(' ').length < minFuzzyWords) return undefined;

  let best: TitleMatch<T> | undefined;
  for (const item of candidates) {
    const similarity = titleSimilarity(title, titleOf(item));
    // Strictly greater: on a tie the earlier candidate (the caller's preference order) wins.
    if (similarity >= threshold && (!best || similarity > best.similarity)) {
      best = { item, similarity, isExact: false };
    }
  }
  return best;
}

function dice<T>(a: Set<T>, b: Set<T>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
}

function bigrams(text: string): Set<string> {
  const grams = new Set<string>();
  const compact = text.replace(/ /g, '');
  for (let i = 0; i < compact.length - 1; i++) grams.add(compact.slice(i, i + 2));
  return grams;
}
