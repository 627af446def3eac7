import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * Stricter checks than our readers make: fast-xml-parser's XMLValidator and
 * rss-parser (sax via xml2js) both accept undeclared namespace prefixes and
 * XML-illegal characters, so a test asserts those separately.
 */

const INVALID_XML_CHAR =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasInvalidXmlChar(text: string): boolean {
  return INVALID_XML_CHAR.test(text);
}

/** XMLValidator's verdict: true, or the first error's message and line. */
export function validateXml(xml: string): true | string {
  const result = XMLValidator.validate(xml, { allowBooleanAttributes: false });
  return result === true ? true : `${result.err.msg} (line ${result.err.line})`;
}

type OrderedNode = { [name: string]: OrderedNode[] | string | Record<string, string> };

/** Every prefix used on an element or attribute that no ancestor declares (xml: is built in). */
export function undeclaredPrefixes(xml: string): string[] {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true });
  const missing = new Set<string>();
  const walk = (nodes: OrderedNode[], inScope: Set<string>): void => {
    for (const node of nodes) {
      const attrs = (node[':@'] ?? {}) as Record<string, string>;
      const scope = new Set(inScope);
      for (const key of Object.keys(attrs)) if (key.startsWith('xmlns:')) scope.add(key.slice(6));
      for (const name of [...Object.keys(node), ...Object.keys(attrs)]) {
        const prefix = name.includes(':') && !name.startsWith(':') ? name.split(':')[0] : undefined;
        if (prefix && prefix !== 'xmlns' && prefix !== 'xml' && !scope.has(prefix)) missing.add(prefix);
      }
      for (const [name, value] of Object.entries(node)) {
        if (name !== ':@' && Array.isArray(value)) walk(value, scope);
      }
    }
  };
  walk(parser.parse(xml) as OrderedNode[], new Set());
  return [...missing];
}
