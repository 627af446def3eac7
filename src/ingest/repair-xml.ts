import { decodeHTMLStrict } from 'entities';

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

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
  return body
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&(#\d+;|#x[0-9a-f]+;|([a-z][a-z0-9]*);)?/gi, (match, reference?: string, name?: string) => {
      if (!reference) return '&amp;';
      if (!name || XML_ENTITIES.has(name)) return match;
      const decoded = decodeHTMLStrict(match);
      if (decoded === match) return `&amp;${reference}`; // unknown name: keep it as text
      return Array.from(decoded, (char) => `&#${char.codePointAt(0)};`).join('');
    });
}
