import { leadingWords } from './leading-words.ts';
import { LEAD_WORDS, stem, storyWords } from './story-terms.ts';

/**
 * How well a story's headline and lead answer a weighted query: BM25F
 * (Robertson, Zaragoza & Taylor 2004, "Simple BM25 extension to multiple
 * weighted fields"). Each term's frequency is summed over the fields, each
 * field weighted and normalised by its length against the average, and only
 * then saturated, so a long text gains little from repeating a word.
 *
 * Every story is matched on the same two fields, its headline and its lead
 * (summary and the first LEAD_WORDS words of the body), not on its whole
 * body: an external item carries little more than a title and a summary, and
 * an article of ours 2,000 words; matched on whole texts, long articles win
 * by length alone. News puts what identifies a story first, so little is lost.
 */

export interface QueryTerm {
  stem: string;
  /** Where the word stands in the subject (story-terms' weight). */
  weight: number;
  /** Inverse document frequency in the archive; 1 when unknown. */
  idf: number;
  /** A name or a number (story-terms). */
  isIdentifying?: boolean;
}

export interface MatchText {
  title: string;
  summary?: string;
  /** Body text after the summary; only its first LEAD_WORDS words count. */
  lead?: string;
}

export interface PreparedText {
  title: Map<string, number>;
  lead: Map<string, number>;
  titleLength: number;
  leadLength: number;
}

const K1 = 1.2;
const FIELDS = { title: { weight: 2, b: 0.75 }, lead: { weight: 1, b: 0.75 } };

/** BM25's idf, never negative: a word in most stories says little. */
export function idf(storiesWithTerm: number, stories: number): number {
  return Math.log(1 + (stories - storiesWithTerm + 0.5) / (storiesWithTerm + 0.5));
}

export function prepareText({ title, summary = '', lead = '' }: MatchText): PreparedText {
  const titleWords = storyWords(title);
  const summaryWords = storyWords(summary);
  // Only the words the lead can use: the summary's length (to see a repeat) or LEAD_WORDS, whichever is more.
  let bodyWords = leadingWords(lead, Math.max(LEAD_WORDS, summaryWords.length), storyWords);
  // Feeds often repeat the summary as the start of the content: count it once.
  if (summaryWords.length > 0 && bodyWords.slice(0, summaryWords.length).join(' ') === summaryWords.join(' ')) {
    bodyWords = bodyWords.slice(summaryWords.length);
  }
  const leadWords = [...summaryWords, ...bodyWords].slice(0, Math.max(LEAD_WORDS, summaryWords.length));
  return {
    title: counts(titleWords),
    lead: counts(leadWords),
    titleLength: titleWords.length,
    leadLength: leadWords.length,
  };
}

export interface FieldAverages {
  title: number;
  lead: number;
}

export function averageLengths(texts: PreparedText[]): FieldAverages {
  const mean = (f: (t: PreparedText) => number) => texts.reduce((sum, t) => sum + f(t), 0) / (texts.length || 1) || 1;
  return { title: mean((t) => t.titleLength), lead: mean((t) => t.leadLength) };
}

export function bm25f(query: QueryTerm[], text: PreparedText, averages: FieldAverages): number {
  const titleNorm = 1 - FIELDS.title.b + (FIELDS.title.b * text.titleLength) / averages.title;
  const leadNorm = 1 - FIELDS.lead.b + (FIELDS.lead.b * text.leadLength) / averages.lead;
  let score = 0;
  for (const term of query) {
    const tf =
      (FIELDS.title.weight * (text.title.get(term.stem) ?? 0)) / titleNorm +
      (FIELDS.lead.weight * (text.lead.get(term.stem) ?? 0)) / leadNorm;
    if (tf > 0) score += term.weight * term.idf * (tf / (K1 + tf));
  }
  return score;
}

export function hasStem(text: PreparedText, stem: string): boolean {
  return text.title.has(stem) || text.lead.has(stem);
}

function counts(words: string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const word of words) {
    const key = stem(word);
    map.set(key, (map.get(key) ?? 0) + 1);
  }
  return map;
}
