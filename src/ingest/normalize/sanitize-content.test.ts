import sanitizeHtml from 'sanitize-html';
import { describe, expect, it } from 'vitest';
import { sanitizeContent } from './sanitize-content.ts';

const BASE = 'https://news.example/a/';
/** Markup-free text as feeds write it: entities of every kind, legacy ones without ";", bogus ones. */
const PLAIN = [
  'Fish &amp; chips &lt;3 &gt; 2',
  'caf&eacute; &notit; &not &copy 2026 &amp',
  '&#39;quoted&#x27; &#0; &#xD800; &#128; &bogus; & && &; &# &#x',
  '  Київ\u00a0here 😀 "double" \'single\'  \n\r\n\t ',
  'a > b = c; #tag &AMP; &Amp; &ampx &gtx',
  '',
];

describe('sanitizeContent', () => {
  it('gives markup-free text exactly what sanitize-html would, without running it', () => {
    for (const text of PLAIN) expect(sanitizeContent(text, BASE)).toBe(sanitizeHtml(text).trim());
  });

  it('still runs the allowlist on anything with a tag', () => {
    const html =
      '<p onclick="x()">Hi &amp; bye</p><script>alert(1)</script><a href="javascript:alert(1)">j</a><img src="/i.png">';
    expect(sanitizeContent(html, BASE)).toBe('<p>Hi &amp; bye</p><a>j</a><img src="https://news.example/i.png" />');
  });
});
