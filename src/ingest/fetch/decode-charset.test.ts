import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeCharset } from './decode-charset.ts';

const xml = (encoding: string | undefined, body: string) =>
  `<?xml version="1.0"${encoding ? ` encoding="${encoding}"` : ''}?><t>${body}</t>`;

describe('decodeCharset', () => {
  it('honours a BOM over every declaration', () => {
    const bytes = iconv.encode(xml('iso-8859-1', 'Σ'), 'utf-16be', { addBOM: true });
    expect(decodeCharset(bytes, 'text/xml; charset=windows-1252')).toEqual({
      text: xml('iso-8859-1', 'Σ'),
      charset: 'utf-16be',
    });
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<t>é</t>')]);
    expect(decodeCharset(utf8).text).toBe('<t>é</t>');
  });

  it('reads the Content-Type charset, then the XML declaration', () => {
    const koi8 = iconv.encode(xml(undefined, 'Привет'), 'koi8-r');
    expect(decodeCharset(koi8, 'application/rss+xml; charset="KOI8-R"').text).toContain('Привет');
    const declared = iconv.encode(xml('windows-1251', 'Привет'), 'windows-1251');
    expect(decodeCharset(declared, 'application/xml').text).toContain('Привет');
  });

  it('reads undeclared windows-1252 (not valid UTF-8) as windows-1252', () => {
    const bytes = iconv.encode(xml(undefined, 'café “x” €'), 'windows-1252');
    expect(decodeCharset(bytes)).toEqual({ text: xml(undefined, 'café “x” €'), charset: 'windows-1252' });
  });

  it('reads ISO-8859-1 labels as windows-1252, as browsers do', () => {
    const bytes = iconv.encode(xml('ISO-8859-1', '“smart”'), 'windows-1252');
    expect(decodeCharset(bytes).text).toContain('“smart”');
  });

  it('prefers valid UTF-8 over a single-byte declaration that cannot be right', () => {
    const bytes = Buffer.from(xml('iso-8859-1', 'Zürich'), 'utf8');
    expect(decodeCharset(bytes)).toMatchObject({ charset: 'utf-8' });
    expect(decodeCharset(bytes).text).toContain('Zürich');
  });

  it('falls back to UTF-8 for unknown charsets and a UTF-16 label on single-byte text', () => {
    expect(decodeCharset(Buffer.from('<t>ok é</t>'), 'text/xml; charset=x-unknown').text).toBe('<t>ok é</t>');
    expect(decodeCharset(Buffer.from(xml('utf-16', 'plain')), undefined).text).toContain('plain');
  });
});
