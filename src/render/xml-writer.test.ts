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
