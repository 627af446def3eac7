/**
 * The first `count` words of a text, as `tokenize` gives them, tokenizing only as much of the
 * text as that takes: a candidate's lead runs to a hundred words or more, an item's text to
 * thousands, and the scorer uses the first 50 (LEAD_WORDS) or 60 (near-copy). The text is cut
 * at whitespace, which no word spans (normalizeTitle turns every character that is neither a
 * letter nor a digit into a space, and changes nothing across one), so the words of the cut are
 * the first words of the whole. If the cut holds too few, a cut twice as long is tried.
 */
const CHARS_PER_WORD = 10;
const WHITESPACE = /\s/g;

export function leadingWords(text: string, count: number, tokenize: (text: string) => string[]): string[] {
  for (let end = count * CHARS_PER_WORD; ; end *= 2) {
    WHITESPACE.lastIndex = end;
    const cut = end < text.length ? WHITESPACE.exec(text)?.index : undefined;
    if (cut === undefined) return tokenize(text).slice(0, count);
    const words = tokenize(text.slice(0, cut));
    if (words.length >= count) return words.slice(0, count);
  }
}
