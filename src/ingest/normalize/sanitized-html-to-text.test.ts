import { describe, expect, it } from 'vitest';
import { htmlToPlainText } from '../../domain/plain-text.ts';
import { sanitizeContent } from './sanitize-content.ts';
import { sanitizedHtmlToText } from './sanitized-html-to-text.ts';

const BASE = 'https://news.example/a/';
const HOSTS = ['www.youtube.com'];
/** Markup as feeds write it, hostile and odd: whatever the sanitizer makes of it is what is read. */
const TRICKY = [
  '<p onclick="steal()">Hello <b>reader</b></p><script>alert(1)</script>\n<style>body{display:none}</style>',
  '<iframe src="https://evil.example/">fallback</iframe><img src="x.jpg" onerror="steal()"><a href="javascript:alert(2)">j</a>',
  '<p>Watch</p><iframe src="https://www.youtube.com/embed/abc" title="a > b">inner text</iframe><p>after</p>',
  '<!DOCTYPE html><p title="a > b">x <a href=\'/?q=1>2\'>link</a></p><!-- a comment --><?php echo 1 ?>',
  '<p>1 < 2 &amp;&amp; 3 > 2 &lt;b&gt;not a tag&lt;/b&gt; &amp;lt;p&amp;gt;</p>',
  '<h1>Title</h1>\n<p>One\n   two</p><p>Three<br>four<br/>five</p><hr><ul><li>a</li><li> b </li></ul>',
  '<div><section><article>Body</article></section></div><table><tr><td>c1</td><td>c2</td></tr></table>',
  '<p>caf&eacute; &notit; &not &copy 2026 &#0; &#xD800; &#128; &bogus; & && &; &# &#x</p>',
  '<p>Київ\u00a0here 😀 <em>“quoted”</em>\u00a0</p><p>\u00a0</p><p>\t\r\n</p>',
  '<pre>  keep\n  lines  </pre><blockquote><p>quoted</p></blockquote><figure><img src="/i.png" alt="a>b"><figcaption>cap</figcaption></figure>',
  '<P CLASS="x">Upper <B>case</B></P><Br><textarea>hidden <b>form</b></textarea><noscript>ns</noscript>',
  '<svg><text>vector</text></svg><math><mi>x</mi></math><template><p>tpl</p></template><object>obj</object>',
  '<p>unclosed <b>bold <i>italic</p> text after <a href="/x">link',
  '<p>nul\u0000inside</p>\u0000<p>after a nul</p>',
  '<picture><source srcset="/a.webp"><img src="/a.jpg" srcset="/a.jpg 1x, javascript:x 2x"></picture>plain tail',
  'no markup at all &amp; an entity',
  '   ',
  '',
];

describe('sanitizedHtmlToText', () => {
  it('reads the sanitizer output exactly as htmlToPlainText does', () => {
    for (const html of TRICKY) {
      for (const hosts of [[], HOSTS]) {
        const safe = sanitizeContent(html, BASE, hosts);
        expect(sanitizedHtmlToText(safe), JSON.stringify(html)).toBe(htmlToPlainText(safe));
      }
    }
  });

  it('separates blocks with a blank line and drops inline tags', () => {
    expect(sanitizedHtmlToText('<h2>Title</h2>\n<p>One <b>two</b>&amp;three</p><p>4<br />5</p>')).toBe(
      'Title\n\nOne two&three\n\n4\n\n5',
    );
  });
});
