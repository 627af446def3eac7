import type { RelatedReason, StoryCandidate, StoryKind } from '../domain/related.ts';
import { compareTitleFeatures, titleFeatures } from './match-title.ts';
import { type CopyFeatures, copyFeatures, isNearCopy, normalizeUrl } from './near-copy.ts';
import { contentWords, stem } from './story-terms.ts';
import { averageLengths, bm25f, hasStem, prepareText, type QueryTerm } from './text-match.ts';

/**
 * Ranks the stories the full-text index found for a subject. Pure: the same
 * subject and candidates always give the same ranking, so it is tested and
 * tuned (bench/related-eval) without a database.
 *
 *   score = text × (wText + tags·wTags + category·wCategory) × (1 − wRecency + wRecency·decay)
 *
 * Tags and category scale the text evidence rather than add to it, so they
 * never lift a story that shares no real words with the subject; category is
 * 1 for the same, 0 for another, ½ when the candidate has none of ours.
 *
 * text is the candidate's BM25F on headline and lead (text-match.ts) scaled
 * by the subject's own (a story matches itself best), so scores compare
 * across subjects and the minimum score, a share of the self-match, means the
 * same everywhere: weak links are refused rather than filling the list.
 * decay halves every `halfLifeDays` between the two publication dates,
 * because stories about one event cluster in time.
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
  /** The same terms weighted (story-terms) with their idf: candidates are then matched on headline and lead. */
  query?: QueryTerm[];
  /** The subject's own BM25 for that query, when the index returned it (used without `query`). */
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
export const DEFAULT_MIN_SCORE = 0.08;
export const DEFAULT_HALF_LIFE_DAYS = 7;
const DAY_MS = 86_400_000;
/** Query words a candidate's headline and lead must share with the subject, unless one is a name or number. */
const MIN_SHARED_TERMS = 2;
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
  const textOf = textRelevance(subject, candidates);
  const subjectTags = new Set(subject.tags.map(normalizeTag));
  const subjectTerms = new Set(subject.terms.map(stem));

  const scored = candidates
    .filter((c) => !(c.kind === subject.kind && c.id === subject.id))
    .map((candidate): Ranked => {
      const text = textOf(candidate);
      const sharedTags = candidate.tags.filter((tag) => subjectTags.has(normalizeTag(tag)));
      const tags = jaccard(subjectTags.size, new Set(candidate.tags.map(normalizeTag)).size, sharedTags.length);
      const sameCategory = isSameCategory(subject.category, candidate.category);
      const decay = recencyDecay(subject.publishedAt, candidate.publishedAt, halfLifeDays);
      // An external item has no category of ours: unknown counts half, as an unknown date does.
      const category = sameCategory ? 1 : !candidate.category || !subject.category ? 0.5 : 0;
      const relevance = text * (weights.text + tags * weights.tags + category * weights.category);
      const score = relevance * (1 - weights.recency + weights.recency * decay);
      return { candidate, score: round(score), sharedTags, sameCategory };
    })
    .filter((s) => s.score > 0 && s.score >= minScore)
    .sort((a, b) => b.score - a.score || a.candidate.id.localeCompare(b.candidate.id));

  // Reasons only for the stories kept: they never change which are kept, and words cost.
  return dedupe(subject, scored, k, options.exclude).map(({ candidate, score, sharedTags, sameCategory }) => ({
    ...candidate,
    score,
    reasons: reasonsFor(candidate, subjectTerms, sharedTags, sameCategory),
  }));
}

/** A candidate scored, before its reasons are written. */
interface Ranked {
  candidate: StoryCandidate;
  score: number;
  sharedTags: string[];
  sameCategory: boolean;
}

/**
 * Text relevance 0..1 of each candidate: with a weighted query, BM25F on
 * headline and lead (text-match.ts) scaled by the subject's own score, so a
 * short external item and a long article are judged on the same fields;
 * without one, the index's BM25 scaled by the subject's.
 */
function textRelevance(subject: RelatedSubject, candidates: readonly StoryCandidate[]) {
  const { query } = subject;
  if (!query) {
    const norm = subject.selfTextScore || Math.max(0, ...candidates.map((c) => c.textScore)) || 1;
    return (candidate: StoryCandidate) => Math.min(1, candidate.textScore / norm);
  }
  const texts = new Map(candidates.map((c) => [c, prepareText(c)]));
  const own = prepareText(subject);
  const averages = averageLengths([own, ...texts.values()]);
  const self = bm25f(query, own, averages) || 1;
  return (candidate: StoryCandidate) => {
    const text = texts.get(candidate);
    // One shared common word is a coincidence ("across", "city"); one shared name is not.
    const shared = text ? query.filter((term) => hasStem(text, term.stem)) : [];
    if (!text || (shared.length < MIN_SHARED_TERMS && !shared.some((term) => term.isIdentifying))) return 0;
    return Math.min(1, bm25f(query, text, averages) / self);
  };
}

/**
 * The best k, keeping the best of each story: no near-copies of each other or of the subject,
 * none already linked. Stops at k: telling copies apart costs a word-pair set per story.
 */
function dedupe(subject: RelatedSubject, ranked: Ranked[], k: number, exclude: ScoreOptions['exclude'] = {}): Ranked[] {
  const ids = new Set(exclude.ids ?? []);
  const excludedUrls = new Set((exclude.urls ?? []).map(normalizeUrl));
  const excludedTitles = (exclude.titles ?? []).map(titleFeatures);
  const kept: CopyFeatures[] = [copyFeatures(subject)];
  const stories: Ranked[] = [];
  for (const ranking of ranked) {
    const story = ranking.candidate;
    if (stories.length >= k) break;
    if (ids.has(story.id)) continue;
    const features = copyFeatures(story);
    if (features.url && excludedUrls.has(features.url)) continue;
    if (excludedTitles.some((title) => compareTitleFeatures(title, features.title) >= SAME_TITLE)) continue;
    if (kept.some((other) => isNearCopy(other, features))) continue;
    kept.push(features);
    stories.push(ranking);
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
