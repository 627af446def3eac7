import { describe, expect, it } from 'vitest';
import { stripInvalidXmlChars } from './strip-invalid-xml-chars.ts';
import { escapeXmlAttr, escapeXmlText, XmlWriter } from './xml-writer.ts';

describe('stripInvalidXmlChars', () => {
  it('drops C0 controls except tab, LF and CR, U+FFFE/FFFF and lone surrogates', () => {
    expect(stripInvalidXmlChars('a\u0000b\u0007c\u000Bd\u000Ce\u001Ff\uFFFEg\uFFFFh')).toBe('abcdefgh');
    expect(stripInvalidXmlChars('\uD83D\uDE00 ok \uD83D lone-high \uDE00 lone-low')).toBe(
      '\uD83D\uDE00 ok  lone-high  lone-low',
    );
    expect(stripInvalidXmlChars('tab\tlf\ncr\r\u007F\u0085\uFFFD')).toBe('tab\tlf\ncr\r\u007F\u0085\uFFFD');
  });
});

describe('escapeXmlText / escapeXmlAttr', () => {
  it('escapes markup in text, so no input can close an element or a CDATA section', () => {
    expect(escapeXmlText('a & b < c > d ]]> "q"\r')).toBe('a &amp; b &lt; c &gt; d ]]&gt; "q"&#13;');
  });

  it('also escapes quotes and whitespace that attribute-value normalization would change', () => {
    expect(escapeXmlAttr('say "hi" & <go>\tnow\n')).toBe('say &quot;hi&quot; &amp; &lt;go&gt;&#9;now&#10;');
  });

  it('does not collapse an already escaped entity (text "&amp;" stays literal)', () => {
    expect(escapeXmlText('AT&amp;T')).toBe('AT&amp;amp;T');
  });
});

describe('XmlWriter', () => {
  it('writes nested, indented elements and leaves out undefined text and attributes', () => {
    const xml = new XmlWriter()
      .open('root', { 'xmlns:x': 'urn:x', skipped: undefined })
      .text('a', 'one', { n: 1 })
      .text('b', undefined)
      .empty('x:c', { href: 'https://e.example/?a=1&b=2' })
      .close()
      .toString();
    expect(xml).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<root xmlns:x="urn:x">\n  <a n="1">one</a>\n  <x:c href="https://e.example/?a=1&amp;b=2"/>\n</root>\n',
    );
  });

  it('refuses to finish a document with open elements', () => {
    expect(() => new XmlWriter().open('rss').open('channel').toString()).toThrow(/unclosed <rss>, <channel>/);
  });
});

/** The escapes as they were before the one-scan test: strip, then escape whatever is left. */
function twoPassText(value: string): string {
  return stripInvalidXmlChars(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}
function twoPassAttr(value: string): string {
  return twoPassText(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/** Short strings drawn from characters that need work and characters that do not, from a fixed seed. */
function hostileStrings(count: number): string[] {
  const alphabet = [
    ...'ab &<>"\'\r\n\t]',
    '\u0000',
    '\u0008',
    '\u000B',
    '\u001F',
    '\u007F',
    '\u0085',
    '\uD83D',
    '\uDE00',
    '\uD83D\uDE00',
    '\uFFFD',
    '\uFFFE',
    '\uFFFF',
    '“',
    'é',
  ];
  let seed = 11;
  const next = () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed;
  };
  return Array.from({ length: count }, () =>
    Array.from({ length: next() % 12 }, () => alphabet[next() % alphabet.length]).join(''),
  );
}

describe('escapeXmlText / escapeXmlAttr in one scan', () => {
  const named = [
    '',
    'plain words and https://news.example/a?b',
    'a\u0000b\u0007c\u000Bd\u000Ce\u001Ff\uFFFEg\uFFFFh & <i>',
    '\uD83D\uDE00 pair, \uD83D lone high, \uDE00 lone low, \uDE00\uD83D reversed',
    '&<>\r\n\t"\'',
    'astral \u{1F600}\u{10FFFF} and U+FFFD \uFFFD',
    '\uD83D',
    '\uDE00',
    '\uFFFF',
    'line\r\nbreak',
  ];

  it.each(named.map((value) => [JSON.stringify(value), value]))('gives what strip-then-escape gave: %s', (_, value) => {
    expect(escapeXmlText(value)).toBe(twoPassText(value));
    expect(escapeXmlAttr(value)).toBe(twoPassAttr(value));
  });

  it('gives what strip-then-escape gave on 5,000 random hostile strings', () => {
    const strings = hostileStrings(5000);
    expect(strings.filter((value) => escapeXmlText(value) !== twoPassText(value))).toEqual([]);
    expect(strings.filter((value) => escapeXmlAttr(value) !== twoPassAttr(value))).toEqual([]);
  });

  it('returns a value that needs no work as it is', () => {
    const value = 'Story 12: “quoted” é \u{1F600}'.slice(0, 14);
    expect(escapeXmlText(value)).toBe(value);
  });
});

describe('XmlWriter attributes and indentation', () => {
  it('writes attributes in insertion order and indents past the prebuilt depths', () => {
    const w = new XmlWriter();
    for (let depth = 0; depth < 14; depth++) w.open(`e${depth}`);
    w.empty('leaf', { z: 'last?', a: 1, m: undefined, b: 'x"y' });
    for (let depth = 0; depth < 14; depth++) w.close();
    const lines = w.toString().split('\n');
    expect(lines[15]).toBe(`${'  '.repeat(14)}<leaf z="last?" a="1" b="x&quot;y"/>`);
    expect(lines[14]).toBe(`${'  '.repeat(13)}<e13>`);
    expect(lines[16]).toBe(`${'  '.repeat(13)}</e13>`);
  });
});

describe('XmlWriter.toChunks', () => {
  it('hands a long escaped text on as a chunk of its own, and the chunks join to the document', () => {
    const content = escapeXmlText('<p>long & wide “text”</p>'.repeat(60));
    const w = new XmlWriter().open('rss').open('item').text('title', 'T');
    w.escapedText('content:encoded', content).text('dc:creator', 'A').close();
    for (let i = 0; i < 40; i++) w.text('category', `c${i}`);
    const chunks = w.close().toChunks();
    expect(chunks.join('')).toBe(w.toString());
    expect(chunks[1]).toBe(content);
    expect(chunks[0]?.endsWith('<content:encoded>')).toBe(true);
    expect(chunks.slice(2).every((chunk) => chunk.length < content.length)).toBe(true);
  });
});
