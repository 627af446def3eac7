import type { RelatedReason, StoryCandidate, StoryKind } from '../domain/related.ts';
import { compareTitleFeatures, titleFeatures } from './match-title.ts';
import { type CopyFeatures, copyFeatures, isNearCopy, normalizeUrl } from './near-copy.ts';
import { contentWords, stem } from './story-terms.ts';

/**
 * Ranks the stories the full-text index found for a subject. Pure: the same
 * subject and candidates always give the same ranking, so it is tested and
 * tuned (bench/related-eval) without a database.
 *
 *   score = text × (wText + tags·wTags + sameCategory·wCategory) × (1 − wRecency + wRecency·decay)
 *
 * Tags and category scale the text evidence rather than add to it, so they
 * never lift a story that shares no real words with the subject.
 *
 * text is BM25 scaled by the subject's BM25 against its own query (a story
 * matches itself best), so scores compare across subjects and a minimum
 * score means the same everywhere; decay halves every `halfLifeDays` between
 * the two publication dates, because stories about one event cluster in time.
 */

export interface RelatedSubject {
  kind: StoryKind;
  id: string;
  title: string;
  summary?: string;
  lead?: string;
  url?: string;
  category?: string;
  tags: string[];
  publishedAt?: string;
  /** The terms the index was queried with. */
  terms: string[];
  /** The subject's own BM25 for that query, when the index returned it. */
  selfTextScore?: number;
}

export interface ScoreWeights {
  text: number;
  tags: number;
  category: number;
  recency: number;
}

export interface ScoreOptions {
  k?: number;
  minScore?: number;
  halfLifeDays?: number;
  weights?: Partial<ScoreWeights>;
  /** Stories already linked (editorial ones): never suggested again. */
  exclude?: { ids?: string[]; urls?: string[]; titles?: string[] };
}

export interface ScoredStory extends StoryCandidate {
  score: number;
  reasons: RelatedReason[];
}

export const DEFAULT_WEIGHTS: ScoreWeights = { text: 1, tags: 0.35, category: 0.15, recency: 0.6 };
export const DEFAULT_K = 5;
export const DEFAULT_MIN_SCORE = 0.12;
export const DEFAULT_HALF_LIFE_DAYS = 7;
const DAY_MS = 86_400_000;
const MAX_REASON_TERMS = 5;
/** An editor's link this similar in headline is the story already linked (see isSameTitle). */
const SAME_TITLE = 0.9;

export function scoreRelated(
  subject: RelatedSubject,
  candidates: readonly StoryCandidate[],
  options: ScoreOptions = {},
): ScoredStory[] {
  const { k = DEFAULT_K, minScore = DEFAULT_MIN_SCORE, halfLifeDays = DEFAULT_HALF_LIFE_DAYS } = options;
  const weights = { ...DEFAULT_WEIGHTS, ...options.weights };
  const norm = subject.selfTextScore || Math.max(0, ...candidates.map((c) => c.textScore)) || 1;
  const subjectTags = new Set(subject.tags.map(normalizeTag));
  const subjectTerms = new Set(subject.terms.map(stem));

  const scored = candidates
    .filter((c) => !(c.kind === subject.kind && c.id === subject.id))
    .map((candidate): ScoredStory => {
      const text = Math.min(1, candidate.textScore / norm);
      const sharedTags = candidate.tags.filter((tag) => subjectTags.has(normalizeTag(tag)));
      const tags = jaccard(subjectTags.size, new Set(candidate.tags.map(normalizeTag)).size, sharedTags.length);
      const sameCategory = isSameCategory(subject.category, candidate.category);
      const decay = recencyDecay(subject.publishedAt, candidate.publishedAt, halfLifeDays);
      const relevance = text * (weights.text + tags * weights.tags + (sameCategory ? weights.category : 0));
      const score = relevance * (1 - weights.recency + weights.recency * decay);
      return {
        ...candidate,
        score: round(score),
        reasons: reasonsFor(candidate, subjectTerms, sharedTags, sameCategory),
      };
    })
    .filter((s) => s.score >= minScore)
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));

  return dedupe(subject, scored, options.exclude).slice(0, k);
}

/** Keeps the best of each story: no near-copies of each other or of the subject, none already linked. */
function dedupe(subject: RelatedSubject, ranked: ScoredStory[], exclude: ScoreOptions['exclude'] = {}): ScoredStory[] {
  const ids = new Set(exclude.ids ?? []);
  const excludedUrls = new Set((exclude.urls ?? []).map(normalizeUrl));
  const excludedTitles = (exclude.titles ?? []).map(titleFeatures);
  const kept: CopyFeatures[] = [copyFeatures(subject)];
  const stories: ScoredStory[] = [];
  for (const story of ranked) {
    if (ids.has(story.id)) continue;
    const features = copyFeatures(story);
    if (features.url && excludedUrls.has(features.url)) continue;
    if (excludedTitles.some((title) => compareTitleFeatures(title, features.title) >= SAME_TITLE)) continue;
    if (kept.some((other) => isNearCopy(other, features))) continue;
    kept.push(features);
    stories.push(story);
  }
  return stories;
}

function reasonsFor(
  candidate: StoryCandidate,
  subjectTerms: Set<string>,
  sharedTags: string[],
  sameCategory: boolean,
): RelatedReason[] {
  const reasons: RelatedReason[] = [];
  const byStem = new Map<string, string>(); // one word per stem: "protest", not also "protesting"
  for (const word of contentWords(`${candidate.title} ${candidate.summary}`)) {
    const key = stem(word);
    if (subjectTerms.has(key) && !byStem.has(key)) byStem.set(key, word);
  }
  const terms = [...byStem.values()];
  if (terms.length > 0) reasons.push({ type: 'shared-terms', values: terms.slice(0, MAX_REASON_TERMS) });
  if (sameCategory && candidate.category) reasons.push({ type: 'same-category', values: [candidate.category] });
  if (sharedTags.length > 0) reasons.push({ type: 'shared-tags', values: [...new Set(sharedTags)] });
  return reasons;
}

/** 1 for stories published together, halving every halfLifeDays apart; 0.5 when a date is unknown. */
export function recencyDecay(a: string | undefined, b: string | undefined, halfLifeDays: number): number {
  const ta = a ? Date.parse(a) : Number.NaN;
  const tb = b ? Date.parse(b) : Number.NaN;
  if (Number.isNaN(ta) || Number.isNaN(tb)) return 0.5;
  return 0.5 ** (Math.abs(ta - tb) / DAY_MS / halfLifeDays);
}

function jaccard(sizeA: number, sizeB: number, shared: number): number {
  const union = sizeA + sizeB - shared;
  return union === 0 ? 0 : shared / union;
}

function isSameCategory(a: string | undefined, b: string | undefined): boolean {
  return !!a && !!b && normalizeTag(a) === normalizeTag(b);
}

function normalizeTag(tag: string): string {
  return tag
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
}

function round(score: number): number {
  return Math.round(score * 10_000) / 10_000;
}
