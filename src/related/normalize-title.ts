/**
 * Headlines as the matcher compares them. Editors retype headlines by hand
 * (`RELATED: ‘Assassins Of The Mind’: How Russia …`) and feeds re-case and
 * re-punctuate them, so a match must not depend on case, quote style,
 * punctuation, spacing or accents.
 */

/** Apostrophes join the words around them: "Putin’s" and "Putins" match. */
const APOSTROPHES = /['\u2018\u2019\u02bc\u0060\u00b4\u2032]/g;
const COMBINING_MARKS = /\p{M}+/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/** "‘Assassins Of The Mind’: Rússia’s …" -> "assassins of the mind russias …" */
export function normalizeTitle(title: string): string {
  return title
    .normalize('NFKD') // splits "é" into "e" + a combining accent, "ﬁ" into "fi"
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(APOSTROPHES, '')
    .replace(NOT_WORD, ' ')
    .trim();
}

/** The words of a normalized headline. */
export function titleTokens(title: string): string[] {
  const normalized = normalizeTitle(title);
  return normalized ? normalized.split(' ') : [];
}
