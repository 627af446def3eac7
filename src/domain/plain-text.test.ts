import { decodeHTML } from 'entities';
import { describe, expect, it } from 'vitest';
import { collapseSpaces, htmlToPlainText, summarize } from './plain-text.ts';

describe('htmlToPlainText', () => {
  it('drops tags and decodes named, decimal and hex entities', () => {
    expect(htmlToPlainText('<p>Fish &amp; <b>chips</b> &lt;3 &#8220;yes&#x201D; &eacute;t&eacute;</p>')).toBe(
      'Fish & chips <3 “yes” été',
    );
  });

  it('separates block elements with a blank line and collapses inline whitespace', () => {
    expect(htmlToPlainText('<h2>Title</h2>\n<p>One\n   two</p><p>Three<br>four</p>')).toBe(
      'Title\n\nOne two\n\nThree\n\nfour',
    );
  });

  it('drops scripts, styles and comments with their content', () => {
    expect(htmlToPlainText('<p>a<!-- hidden --></p><script>alert(1)</script><style>p{}</style><p>b</p>')).toBe(
      'a\n\nb',
    );
  });

  it('keeps curly quotes, non-ASCII text and a typed no-break space', () => {
    expect(htmlToPlainText('<p>‘Assassins Of The Mind’ — Київ\u00a0here</p>')).toBe(
      '‘Assassins Of The Mind’ — Київ\u00a0here',
    );
  });

  it('drops tags whose quoted attributes contain > and drops declarations', () => {
    expect(htmlToPlainText('<!DOCTYPE html><p title="a > b">x <a href=\'/?q=1>2\'>link</a></p>')).toBe('x link');
  });

  it('leaves a lone < that starts no tag as text', () => {
    expect(htmlToPlainText('<p>1 < 2 &amp;&amp; 3 > 2</p>')).toBe('1 < 2 && 3 > 2');
  });

  it('returns plain text unchanged apart from whitespace', () => {
    expect(htmlToPlainText('  just words  ')).toBe('just words');
  });
});

describe('summarize', () => {
  it('returns short text unchanged, whitespace collapsed', () => {
    expect(summarize('A short\n\nsummary.', 280)).toBe('A short summary.');
  });

  it('cuts at the last word boundary that fits and adds an ellipsis', () => {
    expect(summarize('The quick brown fox jumps over the lazy dog', 20)).toBe('The quick brown fox…');
    expect(summarize('The quick brown fox jumps over the lazy dog', 19)).toBe('The quick brown…');
  });

  it('never exceeds the limit, counting code points', () => {
    const text = 'Ukraine 🇺🇦 '.repeat(60);
    for (const max of [10, 50, 99, 280]) {
      const summary = summarize(text, max);
      expect(Array.from(summary).length).toBeLessThanOrEqual(max);
      expect(summary.endsWith('…')).toBe(true);
    }
  });

  it('drops punctuation left dangling before the ellipsis', () => {
    expect(summarize('First clause, second clause goes on', 15)).toBe('First clause…');
  });

  it('cuts a single overlong word hard', () => {
    expect(summarize('a'.repeat(50), 10)).toBe(`${'a'.repeat(9)}…`);
  });
});

/** htmlToPlainText as it was before joinBlocks: every block collapsed and decoded on its own. */
function perBlockPlainText(html: string): string {
  const marked = html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(/<[!?][^>]*>/g, '')
    .replace(/<(script|style|template|noscript|head)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(
      /<\/?(?:p|div|br|hr|li|ul|ol|dl|dt|dd|h[1-6]|blockquote|pre|table|tr|td|th|figure|figcaption|section|article|aside|header|footer|main|nav)\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi,
      '\u0000',
    )
    .replace(/<\/?[a-z](?:[^>"']|"[^"]*"|'[^']*')*>/gi, '');
  return marked
    .split('\u0000')
    .map((block) => decodeHTML(block.replace(/[ \t\n\f\r]+/g, ' ')).trim())
    .filter((block) => block.length > 0)
    .join('\n\n');
}

describe('joinBlocks', () => {
  it('gives what decoding and collapsing each block alone gave', () => {
    const inputs = [
      '<p>a &amp</p><p>&lt;b&gt;</p>&#0;<br>&#10;x&#10;<br>&nbsp;<p>&#x20; y &#9;</p>',
      '<p>&am</p><p>p; &#12</p>&#x<br>;&copy<p>\u0000&lt;\u0000</p>',
      'one\u0000\u0000two \u0000 three\u00a0\u0000\u00a0',
      '<li> a </li><li></li><li>\n</li><li>b&nbsp;&nbsp;c</li>',
      '',
    ];
    for (const html of inputs) expect(htmlToPlainText(html), JSON.stringify(html)).toBe(perBlockPlainText(html));
  });
});

describe('collapseSpaces', () => {
  it('turns every run of ASCII whitespace into one space, as a match of every run did', () => {
    const inputs = ['a b', 'a  b', ' a ', '\ta\n', 'a \t\r\n\f b', 'a\u00a0 \u00a0b', '  ', ' ', '', 'x\n\ny z  '];
    for (const text of inputs)
      expect(collapseSpaces(text), JSON.stringify(text)).toBe(text.replace(/[ \t\n\f\r]+/g, ' '));
  });
});
