import { decodeHTML } from 'entities';

/** Elements whose content is never readable text. */
const HIDDEN_ELEMENTS = /<(script|style|template|noscript|head)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
/** A tag's attributes, where a quoted value may contain `>`. */
const ATTRIBUTES = String.raw`(?:[^>"']|"[^"]*"|'[^']*')*`;
/** Tags that start a new block of text; everything else is inline. */
export const BLOCK_NAMES = String.raw`p|div|br|hr|li|ul|ol|dl|dt|dd|h[1-6]|blockquote|pre|table|tr|td|th|figure|figcaption|section|article|aside|header|footer|main|nav`;
const BLOCK_TAG = new RegExp(String.raw`</?(?:${BLOCK_NAMES})\b${ATTRIBUTES}>`, 'gi');
const ANY_TAG = new RegExp(String.raw`</?[a-z]${ATTRIBUTES}>`, 'gi');
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
/** <!DOCTYPE …> and <?xml …?>: markup, never text. */
const DECLARATION = /<[!?][^>]*>/g;
/**
 * A run of ASCII whitespace only (WHATWG "ASCII whitespace"): a no-break space the
 * writer typed is content, not layout, so it survives. A lone space, already what a run
 * becomes, is not matched: prose is mostly single spaces, and replacing each one with
 * itself cost three times the whole collapse.
 */
const ASCII_SPACE_RUNS = /[\t\n\f\r][ \t\n\f\r]*| [ \t\n\f\r]+/g;

/** Every run of ASCII whitespace as one space. */
export function collapseSpaces(text: string): string {
  return text.replace(ASCII_SPACE_RUNS, ' ');
}

/**
 * Readable text from an HTML fragment: tags dropped, entities decoded,
 * blocks separated by a blank line, inline whitespace collapsed.
 * Not a sanitizer: the output is text, and must be escaped again before it
 * goes back into HTML or XML.
 */
export function htmlToPlainText(html: string): string {
  const marked = html
    .replace(COMMENT, '')
    .replace(DECLARATION, '')
    .replace(HIDDEN_ELEMENTS, '')
    .replace(BLOCK_TAG, '\u0000')
    .replace(ANY_TAG, '');
  return joinBlocks(marked);
}

/**
 * The text of markup already reduced to text with a NUL between blocks: entities decoded,
 * ASCII whitespace collapsed, each block trimmed, empty blocks dropped, a blank line between.
 * Collapsing and decoding run once over the whole string, not once per block: neither touches
 * a NUL (an ASCII space class lacks it; a decoded &#0; is U+FFFD, never NUL), so the blocks
 * come out the same, for a fraction of the calls.
 */
export function joinBlocks(marked: string): string {
  const collapsed = collapseSpaces(marked);
  const decoded = collapsed.includes('&') ? decodeHTML(collapsed) : collapsed;
  let text = '';
  for (const block of decoded.split('\u0000')) {
    const trimmed = block.trim();
    if (trimmed) text = text ? `${text}\n\n${trimmed}` : trimmed;
  }
  return text;
}

const ELLIPSIS = '…';
/** Punctuation that reads badly right before an ellipsis. */
const TRAILING_PUNCTUATION = /[\s,;:.\-–—]+$/u;

/**
 * One line of at most `maxChars` characters (code points): whitespace
 * collapsed, cut at the last word boundary that fits, then an ellipsis.
 * A single word longer than the limit is cut hard.
 */
export function summarize(text: string, maxChars: number): string {
  const flat = collapseSpaces(text).trim();
  const chars = Array.from(flat); // code points, so a cut never splits a surrogate pair
  if (chars.length <= maxChars) return flat;
  if (maxChars < 2) return chars.slice(0, maxChars).join('');
  // A space at index maxChars - 1 still leaves room for the ellipsis.
  const room = chars.slice(0, maxChars).join('');
  const lastSpace = room.lastIndexOf(' ');
  const cut = lastSpace > room.length / 2 ? room.slice(0, lastSpace) : chars.slice(0, maxChars - 1).join('');
  return cut.replace(TRAILING_PUNCTUATION, '') + ELLIPSIS;
}
