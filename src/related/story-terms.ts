import { stemmer } from 'stemmer';
import { normalizeTitle } from './normalize-title.ts';
import { plainWords } from './plain-words.ts';

/**
 * The words that say what a story is about, for the full-text query, its
 * weights and the "shared terms" reason. News is written top down (the
 * inverted pyramid): the headline and the lead name the event, so a word
 * there counts more than one deep in the body, and repeating a word in a
 * long body adds less and less. What identifies one story among many on the
 * same subject are its names, places and numbers (a flight, a bill, a
 * death toll): those weigh more than common words. Function words never count.
 */

const STOPWORDS = new Set(
  `a about above after again against all almost also although am among an and another any are around as at be
  because been before being below between both but by can could did do does doing down during each either else
  even ever every few for from further get gets got had has have having he her here hers herself him himself his
  how however i if in into is it its itself just last least less like made make many may me might more most much
  must my myself near new news next no nor not now of off often on once one only or other our ours ourselves out
  over own per put rather said same say says see seen she should since so some still such than that the their
  theirs them themselves then there these they this those though through thus to too under until up upon us very
  was we were what when where whether which while who whom whose why will with within without would yet you your
  yours yourself yourselves s t don didn doesn isn wasn aren weren won wouldn couldn shouldn ve ll re d m
  week weeks year years day days today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday
  told tell according including include includes two three four five first second third time times way well back`.split(
    /\s+/,
  ),
);

export interface StoryText {
  title: string;
  summary?: string;
  body?: string;
}

/** One word of a story's profile: how it is queried, matched, and weighed. */
export interface StoryTerm {
  /** The word as the index is queried (FTS5 stems it with the same Porter algorithm). */
  word: string;
  stem: string;
  /** Headline 3, summary or lead 2, the rest of the body 1 + ln(occurrences); ×1.5 when identifying. */
  weight: number;
  /** A name (capitalised inside sentences, never lower-case) or a number of three digits or more. */
  isIdentifying: boolean;
}

/** The lead: the first words of the body, where a news story says what happened. */
export const LEAD_WORDS = 50;
const TITLE_WEIGHT = 3;
const LEAD_WEIGHT = 2;
export const IDENTIFYING_BOOST = 1.5;

/** At most `max` terms, one per stem, heaviest first (ties keep headline order). */
export function storyProfile({ title, summary = '', body = '' }: StoryText, max = 24): StoryTerm[] {
  const names = properNames(title, `${summary}\n${body}`);
  const bodyWords = storyWords(body);
  const fields: [string[], 'title' | 'lead' | 'rest'][] = [
    [storyWords(title), 'title'],
    [[...storyWords(summary), ...bodyWords.slice(0, LEAD_WORDS)], 'lead'],
    [bodyWords.slice(LEAD_WORDS), 'rest'],
  ];
  const byStem = new Map<string, { word: string; title: boolean; lead: boolean; rest: number }>();
  for (const [words, field] of fields) {
    for (const word of words) {
      const key = stem(word);
      const entry = byStem.get(key) ?? { word, title: false, lead: false, rest: 0 };
      if (field === 'rest') entry.rest++;
      else entry[field] = true;
      byStem.set(key, entry);
    }
  }
  const terms = [...byStem].map(([key, e]): StoryTerm => {
    const isIdentifying = /\d/.test(e.word) || names.has(key);
    const placed = (e.title ? TITLE_WEIGHT : 0) + (e.lead ? LEAD_WEIGHT : 0) + (e.rest ? 1 + Math.log(e.rest) : 0);
    return { word: e.word, stem: key, weight: placed * (isIdentifying ? IDENTIFYING_BOOST : 1), isIdentifying };
  });
  // Map order is first occurrence, and sort is stable: ties keep headline words first.
  return terms.sort((a, b) => b.weight - a.weight).slice(0, max);
}

/** The query words of a story, most characteristic first. */
export function storyTerms(text: StoryText, max = 24): string[] {
  return storyProfile(text, max).map((term) => term.word);
}

/** Lower-case words without stopwords, numbers and one-letter tokens. */
export function contentWords(text: string): string[] {
  return words(text).filter((word) => !/^\d+$/.test(word));
}

/**
 * contentWords, plus numbers of three digits or more that are not all
 * zeros: "flight 2490", "bill 1234", "300 000" keeps 300.
 */
export function storyWords(text: string): string[] {
  return words(text).filter((word) => !/^\d+$/.test(word) || (word.length >= 3 && !/^0+$/.test(word)));
}

const isWord = (word: string) => word.length > 1 && !STOPWORDS.has(word);

function words(text: string): string[] {
  const plain = plainWords(text, isWord);
  if (plain) return plain;
  const normalized = normalizeTitle(text);
  if (!normalized) return [];
  return normalized.split(' ').filter(isWord);
}

/**
 * Stems already computed: a refresh after a large ingest stems the same few thousand words
 * hundreds of thousands of times, and Porter's suffix rules are a dozen regular expressions a
 * word. Bounded, and emptied when full, so a long-running process never grows it for ever.
 */
const STEM_CACHE_SIZE = 50_000;
const stems = new Map<string, string>();

/** The Porter stem, as FTS5's porter tokenizer computes it: "floods" and "flooded" meet at "flood". */
export function stem(word: string): string {
  let stemmed = stems.get(word);
  if (stemmed === undefined) {
    if (stems.size >= STEM_CACHE_SIZE) stems.clear();
    stemmed = stemmer(word);
    stems.set(word, stemmed);
  }
  return stemmed;
}

/**
 * Stems of the words a story writes as names: capitalised where a sentence
 * does not start, and never in lower case. A headline in title case says
 * nothing about names, so it counts only when written as a sentence.
 */
function properNames(title: string, text: string): Set<string> {
  const capitalised = new Set<string>();
  const lower = new Set<string>();
  const headlineWords = title.split(/\s+/).filter((w) => /^\p{L}{4,}/u.test(w));
  const isTitleCase = headlineWords.filter((w) => /^\p{Lu}/u.test(w)).length > headlineWords.length / 2;
  for (const source of isTitleCase ? [text] : [title, text]) {
    let sentenceStart = true;
    for (const token of source.split(/\s+/)) {
      const letters = token.replace(/^[^\p{L}\p{N}]+/u, '');
      if (letters) {
        const isCapital = /^\p{Lu}/u.test(letters);
        for (const word of words(letters)) {
          if (!isCapital) lower.add(stem(word));
          else if (!sentenceStart) capitalised.add(stem(word));
        }
      }
      sentenceStart = /[.!?:]["'\u201d\u2019)]*$/u.test(token);
    }
  }
  for (const key of lower) capitalised.delete(key);
  return capitalised;
}
