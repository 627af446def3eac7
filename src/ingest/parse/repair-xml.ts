import { decodeHTMLStrict } from 'entities';

/**
 * Fixes the two faults that make most real feeds fail a strict XML parser without changing
 * what a correct document means: HTML named entities (&nbsp; &eacute; …, undefined in XML)
 * become numeric references, and a bare "&" that starts no reference becomes "&amp;".
 * Also drops anything before the first "<" (stray whitespace, a UTF-8 BOM decoded as text)
 * and C0 control characters, which XML 1.0 forbids.
 */
export function repairXml(text: string): string {
  const start = text.indexOf('<');
  const body = start > 0 ? text.slice(start) : text;
  const repaired = body
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    // Only references XML does not define are matched, so a well-formed document costs one scan.
    .replace(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)(([a-z][a-z0-9]*);)?/gi, (match, reference?: string) => {
      if (!reference) return '&amp;';
      const decoded = decodeHTMLStrict(match);
      if (decoded === match) return `&amp;${reference}`; // unknown name: keep it as text
      return Array.from(decoded, (char) => `&#${char.codePointAt(0)};`).join('');
    });
  return repaired.includes('xhtml') ? escapeXhtmlConstructs(repaired) : repaired;
}

const XHTML_CONSTRUCT =
  /<((?:[\w-]+:)?(?:title|subtitle|summary|content|rights))\b([^>]*?)\btype\s*=\s*(["'])xhtml\3([^>]*)>([\s\S]*?)<\/\1\s*>/g;

/**
 * Atom type="xhtml" text (RFC 4287 §3.1.1.3) becomes the equivalent type="html" (escaped
 * markup). The XML parser under rss-parser separates an element's text from its children,
 * so mixed content such as `An <em>xhtml</em> title` would come back out of order.
 */
function escapeXhtmlConstructs(xml: string): string {
  return xml.replace(XHTML_CONSTRUCT, (_match, name: string, before: string, _quote, after: string, inner: string) => {
    const escaped = inner.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    return `<${name}${before}type="html"${after}>${escaped}</${name}>`;
  });
}
