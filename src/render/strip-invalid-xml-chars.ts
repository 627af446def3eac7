/**
 * Characters outside XML 1.0's Char production (https://www.w3.org/TR/xml/#charsets):
 * C0 controls other than tab, LF and CR; U+FFFE and U+FFFF; and UTF-16 surrogates
 * that are not part of a pair. No escape makes them legal, so they are dropped.
 * The regexes work on UTF-16 code units (no `u` flag) so lone surrogates are visible.
 */
const INVALID_XML_CHARS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The characters that may be invalid, as the body of a regex character class: those above, with
 * every surrogate (paired or not). A plain class is several times cheaper than the look-arounds;
 * almost every string has none (only text with emoji or the like) and is returned as is. The XML
 * escapes test for these and their own characters in one class (xml-writer.ts).
 */
export const MAYBE_INVALID_XML_CHARS = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uD800-\\uDFFF\\uFFFE\\uFFFF';
const MAYBE_INVALID = new RegExp(`[${MAYBE_INVALID_XML_CHARS}]`);

/** Removes every character XML 1.0 cannot carry; JSON Feed uses it too so all formats say the same. */
export function stripInvalidXmlChars(text: string): string {
  return MAYBE_INVALID.test(text) ? text.replace(INVALID_XML_CHARS, '') : text;
}
