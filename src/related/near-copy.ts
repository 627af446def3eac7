import { leadingWords } from './leading-words.ts';
import { compareTitleFeatures, type TitleFeatures, titleFeatures } from './match-title.ts';
import { contentWords } from './story-terms.ts';

/**
 * One story told twice: the same link, a near-identical headline, or the
 * same text under another headline (an import run twice with the headline
 * edited, a wire story two feeds carry). An article's related stories never
 * hold two copies of one story, nor a copy of the article itself.
 */

export interface CopyFeatures {
  url?: string;
  title: TitleFeatures;
  /** Pairs of consecutive content words: a rewrite in other words shares few, a copy nearly all. */
  shingles: Set<string>;
}

/** Headlines this similar are one story (see isSameTitle). */
const SAME_TITLE = 0.9;
/** Texts sharing this share of their word pairs are one text, whatever the headlines say. */
const SAME_TEXT = 0.7;
/** Shorter texts say too little to call them copies: "Police said on Monday." */
const MIN_SHINGLES = 6;
const COMPARED_WORDS = 60;

export function copyFeatures(story: { url?: string; title: string; summary?: string; lead?: string }): CopyFeatures {
  // The start of the text only: a stored candidate carries its lead, not its whole body.
  const words = leadingWords(`${story.summary ?? ''} ${story.lead ?? ''}`, COMPARED_WORDS, contentWords);
  const shingles = new Set(words.slice(1).map((word, i) => `${words[i]} ${word}`));
  const features: CopyFeatures = { title: titleFeatures(story.title), shingles };
  if (story.url) features.url = normalizeUrl(story.url);
  return features;
}

export function isNearCopy(a: CopyFeatures, b: CopyFeatures): boolean {
  if (a.url && a.url === b.url) return true;
  if (compareTitleFeatures(a.title, b.title) >= SAME_TITLE) return true;
  if (a.shingles.size < MIN_SHINGLES || b.shingles.size < MIN_SHINGLES) return false;
  let shared = 0;
  for (const pair of a.shingles) if (b.shingles.has(pair)) shared++;
  return (2 * shared) / (a.shingles.size + b.shingles.size) >= SAME_TEXT;
}

/** Scheme, "www.", a trailing slash and the fragment do not make another story. */
export function normalizeUrl(url: string): string {
  return url
    .trim()
    .replace(/^https?:\/\/(www\.)?/i, '')
    .replace(/#.*$/, '')
    .replace(/\/+$/, '')
    .toLowerCase();
}
