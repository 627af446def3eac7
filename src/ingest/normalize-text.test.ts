import { describe, expect, it } from 'vitest';
import { htmlToPlainText, summarize } from '../domain/plain-text.ts';
import { cleanText } from './normalize-text.ts';

/** cleanText as it was first written: always through htmlToPlainText. */
function cleanTextThroughParser(value: string, max: number): string {
  let text = htmlToPlainText(value);
  if (/<\/?[a-z][^>]*>/i.test(text)) text = htmlToPlainText(text);
  return summarize(text, max);
}

describe('cleanText', () => {
  it('reads markup-free titles exactly as htmlToPlainText does, decoded entities and all', () => {
    const titles = [
      'Plain title',
      '  Caf&eacute; &amp;amp; Bar&nbsp;&mdash; &lt;b&gt;bold&lt;/b&gt;  ',
      '&lt;script&gt;alert(1)&lt;/script&gt;Title',
      'Line one\n\n   line two\ttab &#10; &notit; &bogus;',
      '   ',
      'A very long title '.repeat(10),
    ];
    for (const title of titles) expect(cleanText(title, 40)).toBe(cleanTextThroughParser(title, 40));
  });

  it('strips real markup', () => {
    expect(cleanText('<b>Bold</b> <script>x()</script>move', 100)).toBe('Bold move');
  });
});
