import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { UnreadableError, ValidationError } from './errors.ts';

/** One feed an OPML subscription list names, with the folder (outline) it sits in, if any. */
export interface OpmlSubscription {
  xmlUrl: string;
  title?: string;
  /** The text of the nearest enclosing outline: the category the list's owner filed it under. */
  folder?: string;
}

/** More outlines than any real subscription list has; past it, a list is refused before parsing. */
export const MAX_OPML_OUTLINES = 5_000;
/** Folders within folders, deeper than readers nest. */
const MAX_DEPTH = 16;

interface OutlineNode {
  xmlUrl?: unknown;
  text?: unknown;
  title?: unknown;
  outline?: OutlineNode[];
}

/**
 * Reads an OPML 2.0 subscription list (http://opml.org/spec2.opml) with
 * fast-xml-parser, walking nested outlines: an outline with an xmlUrl is a
 * feed, one without is a folder. Refused before anything is parsed: a DOCTYPE
 * (entity declarations are how XML bombs expand, and OPML needs none) and more
 * than MAX_OPML_OUTLINES outlines. Not well-formed XML, or XML that is not
 * OPML, is unreadable.
 */
export function parseOpmlSubscriptions(text: string): OpmlSubscription[] {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw new ValidationError(
      'OPML with a DOCTYPE or entity declarations is refused (they can expand into an XML bomb)',
    );
  }
  const outlines = text.match(/<outline\b/g)?.length ?? 0;
  if (outlines > MAX_OPML_OUTLINES) {
    throw new ValidationError(`OPML has ${outlines} outlines; at most ${MAX_OPML_OUTLINES} are imported at once`);
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new UnreadableError(
      `not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`,
    );
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    // The five predefined entities (&amp; in URLs) only; no DOCTYPE reaches here, and no HTML entities.
    processEntities: true,
    htmlEntities: false,
    isArray: (name) => name === 'outline',
  });
  const document = parser.parse(text) as { opml?: { body?: { outline?: OutlineNode[] } } };
  if (!document.opml || typeof document.opml !== 'object')
    throw new UnreadableError('not OPML: the root element is not <opml>');
  const found: OpmlSubscription[] = [];
  const walk = (nodes: OutlineNode[] | undefined, folder: string | undefined, depth: number) => {
    if (!nodes) return;
    if (depth > MAX_DEPTH) throw new ValidationError(`OPML outlines are nested more than ${MAX_DEPTH} deep`);
    for (const node of nodes) {
      const label = stringOf(node.title) ?? stringOf(node.text);
      const xmlUrl = stringOf(node.xmlUrl);
      if (xmlUrl !== undefined) {
        found.push({ xmlUrl, ...(label && { title: label }), ...(folder && { folder }) });
      }
      walk(node.outline, xmlUrl === undefined ? (label ?? folder) : folder, depth + 1);
    }
  };
  walk(document.opml.body?.outline, undefined, 0);
  return found;
}

function stringOf(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).trim();
  return text === '' ? undefined : text;
}
