import { decodeHTML } from 'entities';

/** Elements whose content is never readable text. */
const HIDDEN_ELEMENTS = /<(script|style|template|noscript|head)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
/** A tag's attributes, where a quoted value may contain `>`. */
const ATTRIBUTES = String.raw`(?:[^>"']|"[^"]*"|'[^']*')*`;
/** Tags that start a new block of text; everything else is inline. */
const BLOCK_TAG = new RegExp(
  String.raw`</?(?:p|div|br|hr|li|ul|ol|dl|dt|dd|h[1-6]|blockquote|pre|table|tr|td|th|figure|figcaption|section|article|aside|header|footer|main|nav)\b${ATTRIBUTES}>`,
  'gi',
);
const ANY_TAG = new RegExp(String.raw`</?[a-z]${ATTRIBUTES}>`, 'gi');
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
/** <!DOCTYPE …> and <?xml …?>: markup, never text. */
const DECLARATION = /<[!?][^>]*>/g;
/**
 * ASCII whitespace only (WHATWG "ASCII whitespace"): a no-break space the
 * writer typed is content, not layout, so it survives.
 */
const ASCII_SPACES = /[ \t\n\f\r]+/g;

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
  return marked
    .split('\u0000')
    .map((block) => decodeHTML(block.replace(ASCII_SPACES, ' ')).trim())
    .filter((block) => block.length > 0)
    .join('\n\n');
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
  const flat = text.replace(ASCII_SPACES, ' ').trim();
  const chars = Array.from(flat); // code points, so a cut never splits a surrogate pair
  if (chars.length <= maxChars) return flat;
  if (maxChars < 2) return chars.slice(0, maxChars).join('');
  // A space at index maxChars - 1 still leaves room for the ellipsis.
  const room = chars.slice(0, maxChars).join('');
  const lastSpace = room.lastIndexOf(' ');
  const cut = lastSpace > room.length / 2 ? room.slice(0, lastSpace) : chars.slice(0, maxChars - 1).join('');
  return cut.replace(TRAILING_PUNCTUATION, '') + ELLIPSIS;
}
