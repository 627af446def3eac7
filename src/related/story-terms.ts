import { normalizeTitle } from './normalize-title.ts';

/**
 * The words that say what a story is about, for the full-text query and for
 * the "shared terms" reason. Title words count three times, summary words
 * twice, body words once; function words and bare numbers never count.
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

/** At most `max` terms, most characteristic first. */
export function storyTerms({ title, summary = '', body = '' }: StoryText, max = 24): string[] {
  const weights = new Map<string, number>();
  const add = (text: string, weight: number) => {
    for (const word of contentWords(text)) weights.set(word, (weights.get(word) ?? 0) + weight);
  };
  add(title, 3);
  add(summary, 2);
  add(body, 1);
  // Map order is first occurrence, and sort is stable: ties keep title words first.
  return [...weights.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, max)
    .map(([word]) => word);
}

/** Lower-case words without stopwords, numbers and one-letter tokens. */
export function contentWords(text: string): string[] {
  const normalized = normalizeTitle(text);
  if (!normalized) return [];
  return normalized.split(' ').filter((word) => word.length > 1 && !STOPWORDS.has(word) && !/^\d+$/.test(word));
}

/**
 * A crude English stem so that "drafts" meets "draft" and "protesting" meets
 * "protest" when explaining a match; the index itself uses FTS5's porter.
 */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  return word.replace(/(?:ing|ed|es|s)$/, '');
}
