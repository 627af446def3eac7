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

  describe('with EMBED_HOSTS', () => {
    const HOSTS = ['www.youtube.com', 'player.vimeo.com'];
    const player =
      '<iframe src="https://www.youtube.com/embed/abc123" width="560" height="315" title="Launch" allowfullscreen loading="lazy" onload="x()" style="position:fixed" allow="autoplay" sandbox="allow-top-navigation"></iframe>';

    it('keeps a player of a listed host with only safe attributes, sandboxed', () => {
      expect(sanitizeContent(`<p>Watch:</p>${player}`, BASE, HOSTS)).toBe(
        '<p>Watch:</p><iframe src="https://www.youtube.com/embed/abc123" width="560" height="315" title="Launch" allowfullscreen loading="lazy" sandbox="allow-scripts allow-same-origin allow-popups allow-presentation"></iframe>',
      );
    });

    it.each([
      ['another host', 'https://evil.example/embed/abc'],
      ['a look-alike host', 'https://www.youtube.com.evil.example/embed/abc'],
      ['a subdomain of a listed host', 'https://m.player.vimeo.com/video/1'],
      ['plain http', 'http://www.youtube.com/embed/abc123'],
      ['a relative URL', '/embed/abc123'],
      ['a protocol-relative URL', '//www.youtube.com/embed/abc123'],
      ['javascript:', 'javascript:alert(1)'],
      ['no src at all', ''],
    ])('drops an iframe with %s, and what it holds', (_what, src) => {
      const html = `<p>a</p><iframe src="${src}">fallback</iframe><p>b</p>`;
      expect(sanitizeContent(html, BASE, HOSTS)).toBe('<p>a</p><p>b</p>');
    });

    it('drops every iframe when no host is listed (the default)', () => {
      expect(sanitizeContent(`<p>Watch:</p>${player}`, BASE)).toBe('<p>Watch:</p>');
    });
  });
});
