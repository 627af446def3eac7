import { MAYBE_INVALID_XML_CHARS, stripInvalidXmlChars } from './strip-invalid-xml-chars.ts';

/** Attribute values; `undefined` leaves the attribute out. Insertion order is output order. */
export type XmlAttrs = Record<string, string | number | undefined>;

// Tab, LF and CR are escaped in attributes because attribute-value normalization
// (XML 1.0 §3.3.3) would otherwise turn them into spaces.
// One scan tells whether a value needs any work: a character to escape or one XML cannot carry
// (MAYBE_INVALID_XML_CHARS of strip-invalid-xml-chars.ts). Most values in a feed (titles, URLs,
// names, dates) need none and are returned as they are after that one scan, where testing for
// illegal characters and for escapes apart took two. What needs work is stripped, then escaped
// one character at a time with a literal replacement: V8 runs these without calling back into
// JS per match, several times faster than one regex with a function on item content, whose
// HTML has two escapes per tag (40 tag feeds: about a quarter less CPU per RSS or Atom document).
const TEXT_NEEDS_WORK = new RegExp(`[&<>\\r${MAYBE_INVALID_XML_CHARS}]`);
const ATTR_NEEDS_WORK = new RegExp(`[&<>"\\r\\n\\t${MAYBE_INVALID_XML_CHARS}]`);
/** Parts per chunk in toChunks(): about one item each, so one item's wide character widens little else. */
const CHUNK_PARTS = 32;
/** A part this long (an item's content) is a chunk of its own in toChunks(), handed on without a copy. */
const OWN_CHUNK_LENGTH = 1024;
/** Indentation by depth, so a line's indent is not built anew each time; deeper levels are built. */
const INDENTS = Array.from({ length: 12 }, (_, depth) => '  '.repeat(depth));

export function escapeXmlText(value: string): string {
  return TEXT_NEEDS_WORK.test(value) ? escapeStrippedXmlText(stripInvalidXmlChars(value)) : value;
}

/** escapeXmlText for text already stripped with stripInvalidXmlChars: the escapes alone. */
export function escapeStrippedXmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

export function escapeXmlAttr(value: string): string {
  if (!ATTR_NEEDS_WORK.test(value)) return value;
  return stripInvalidXmlChars(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

/**
 * A minimal streaming XML writer: one element per line, two-space indent, every
 * text and attribute stripped of XML-illegal characters and escaped. Content is
 * escaped rather than wrapped in CDATA, so no input (not even `]]>`) can end it early.
 */
export class XmlWriter {
  readonly #parts: string[] = ['<?xml version="1.0" encoding="utf-8"?>\n'];
  readonly #stack: string[] = [];

  open(name: string, attrs?: XmlAttrs): this {
    this.#parts.push(`${this.#indent()}<${name}${formatAttrs(attrs)}>\n`);
    this.#stack.push(name);
    return this;
  }

  close(): this {
    const name = this.#stack.pop();
    if (name === undefined) throw new Error('xml-writer: close() without an open element');
    this.#parts.push(`${this.#indent()}</${name}>\n`);
    return this;
  }

  /** `<name attrs>value</name>`; nothing at all when value is undefined. */
  text(name: string, value: string | number | undefined, attrs?: XmlAttrs): this {
    if (value === undefined) return this;
    const body = typeof value === 'number' ? String(value) : escapeXmlText(value);
    this.#parts.push(`${this.#indent()}<${name}${formatAttrs(attrs)}>${body}</${name}>\n`);
    return this;
  }

  /**
   * `<name attrs>escaped</name>` for text already escaped with escapeXmlText (content-html.ts).
   * The text is a part of its own: it is an item's content, its biggest string (see toChunks).
   */
  escapedText(name: string, escaped: string, attrs?: XmlAttrs): this {
    this.#parts.push(`${this.#indent()}<${name}${formatAttrs(attrs)}>`, escaped, `</${name}>\n`);
    return this;
  }

  /** A self-closing element, e.g. `<atom:link href="…" rel="self"/>`. */
  empty(name: string, attrs: XmlAttrs): this {
    this.#parts.push(`${this.#indent()}<${name}${formatAttrs(attrs)}/>\n`);
    return this;
  }

  toString(): string {
    this.#checkClosed();
    return this.#parts.join('');
  }

  /**
   * The document as strings that join to toString(), each a run of whole lines. One character
   * past U+00FF makes V8 store a whole joined string as UTF-16 (a tag feed's “quoted” name in the
   * channel head is enough), which doubles every copy of it and takes UTF-8 encoding off its
   * one-byte fast path (~3x the CPU); in chunks, only the chunk holding that character is wide.
   * A chunk never splits a surrogate pair: every part is whole text. A long part (an item's
   * content, most of a document's bytes) is a chunk as it is: joining it to its lines would
   * copy it once more before it is encoded.
   */
  toChunks(): string[] {
    this.#checkClosed();
    const chunks: string[] = [];
    const run: string[] = [];
    for (const part of this.#parts) {
      if (part.length >= OWN_CHUNK_LENGTH) {
        if (run.length > 0) chunks.push(run.join(''));
        run.length = 0;
        chunks.push(part);
        continue;
      }
      run.push(part);
      if (run.length === CHUNK_PARTS) {
        chunks.push(run.join(''));
        run.length = 0;
      }
    }
    if (run.length > 0) chunks.push(run.join(''));
    return chunks;
  }

  #checkClosed(): void {
    if (this.#stack.length > 0) throw new Error(`xml-writer: unclosed <${this.#stack.join('>, <')}>`);
  }

  #indent(): string {
    const depth = this.#stack.length;
    return INDENTS[depth] ?? '  '.repeat(depth);
  }
}

function formatAttrs(attrs: XmlAttrs | undefined): string {
  if (attrs === undefined) return '';
  let out = '';
  // for…in visits an object literal's own keys in insertion order, as Object.entries does,
  // without building an array per attribute.
  for (const key in attrs) {
    const value = attrs[key];
    if (value === undefined) continue;
    out += ` ${key}="${typeof value === 'number' ? value : escapeXmlAttr(value)}"`;
  }
  return out;
}
