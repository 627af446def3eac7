/**
 * The words of a plain text, as normalizeTitle(text).split(' ') gives them, in one scan, or
 * undefined when the text is not plain. Most news is ASCII with a few typographic marks, and
 * for such text normalizeTitle's NFKD and Unicode-property regular expressions reduce to a few
 * rules, which a loop over the characters applies without building the normalized string:
 * - \p{L}\p{N} are A-Z, a-z and 0-9, lower-cased; no character is a combining mark;
 * - the apostrophes normalizeTitle removes (' ` ‘ ’ ʼ ′) join the letters around them;
 * - "&" is the word "and" (normalizeTitle makes it " and ");
 * - every other ASCII character, and the marks below, end a word: none of them is a letter,
 *   a digit or a mark, and NFKD turns them into nothing that is (… into "...", a no-break
 *   space into a space, ´ into a space and a combining accent, which is then dropped).
 * Any other character (an accented letter, Greek, a ligature) gives undefined, and the caller
 * normalizes the text. src/related/plain-words.test.ts pins it to normalizeTitle.
 */
const JOINING = new Set([0x27, 0x60, 0x2018, 0x2019, 0x02bc, 0x2032]);
const SEPARATING = new Set([0xa0, 0xb4, 0x2013, 0x2014, 0x201c, 0x201d, 0x2026]);
const AMPERSAND = 0x26;

export function plainWords(text: string, keep: (word: string) => boolean): string[] | undefined {
  const words: string[] = [];
  let start = 0; // where the current run of word characters began
  let joined = ''; // the word's part before an apostrophe inside it
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 32;
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90)) continue;
    if (JOINING.has(code)) {
      joined += text.slice(start, i);
      start = i + 1;
      continue;
    }
    if (code >= 128 && !SEPARATING.has(code)) return undefined;
    const word = (joined + text.slice(start, i)).toLowerCase();
    if (word && keep(word)) words.push(word);
    if (code === AMPERSAND && keep('and')) words.push('and');
    joined = '';
    start = i + 1;
  }
  return words;
}
