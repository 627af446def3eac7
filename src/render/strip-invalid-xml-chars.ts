/**
 * Characters outside XML 1.0's Char production (https://www.w3.org/TR/xml/#charsets):
 * C0 controls other than tab, LF and CR; U+FFFE and U+FFFF; and UTF-16 surrogates
 * that are not part of a pair. No escape makes them legal, so they are dropped.
 * The regexes work on UTF-16 code units (no `u` flag) so lone surrogates are visible.
 */
const INVALID_XML_CHARS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// A plain character class is several times cheaper than the look-arounds above;
// almost every string fails it (only text with emoji or the like passes) and is returned as is.
const MAYBE_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Removes every character XML 1.0 cannot carry; JSON Feed uses it too so all formats say the same. */
export function stripInvalidXmlChars(text: string): string {
  return MAYBE_INVALID.test(text) ? text.replace(INVALID_XML_CHARS, '') : text;
}
