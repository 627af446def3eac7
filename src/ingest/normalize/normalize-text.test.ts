import { describe, expect, it } from 'vitest';
import { htmlToPlainText, summarize } from '../../domain/plain-text.ts';
import { cleanText, summarizeStart } from './normalize-text.ts';

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

describe('summarizeStart', () => {
  it('summarizes a long text exactly as summarize does, from its start only', () => {
    const words = 'Київ minister said\n\n report 😀 week, city;  council — police.'.split(' ');
    const texts = [0, 1, 7, 40, 90, 400, 3000].map((n) =>
      Array.from({ length: n }, (_, i) => words[i % words.length]).join(' '),
    );
    texts.push(`${' \n'.repeat(400)}late start`, `${'x'.repeat(700)} tail`, `${'😀'.repeat(650)}`);
    for (const text of texts)
      for (const max of [1, 100, 300]) expect(summarizeStart(text, max)).toBe(summarize(text, max));
  });
});
