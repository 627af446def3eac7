/**
 * The first `count` words of a text, as `tokenize` gives them, tokenizing only as much of the
 * text as that takes: a candidate's lead runs to a hundred words or more, an item's text to
 * thousands, and the scorer uses the first 50 (LEAD_WORDS) or 60 (near-copy). The text is cut
 * at whitespace, which no word spans (normalizeTitle turns every character that is neither a
 * letter nor a digit into a space, and changes nothing across one), so the words of the part
 * before a cut are the first words of the whole, and the words of the next part follow them.
 * If the part holds too few, the next part, twice as long, is tokenized and appended: each
 * character is tokenized once (cutting afresh from the start tokenized most leads twice, since
 * 50 words without stopwords rarely fit in the first 500 characters).
 */
const CHARS_PER_WORD = 10;
const WHITESPACE = /\s/g;

export function leadingWords(text: string, count: number, tokenize: (text: string) => string[]): string[] {
  const words: string[] = [];
  for (let start = 0, end = count * CHARS_PER_WORD; ; end *= 2) {
    WHITESPACE.lastIndex = end;
    const cut = end < text.length ? WHITESPACE.exec(text)?.index : undefined;
    words.push(...tokenize(cut === undefined ? text.slice(start) : text.slice(start, cut)));
    if (cut === undefined || words.length >= count) return words.slice(0, count);
    start = cut;
  }
}
