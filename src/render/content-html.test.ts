import { describe, expect, it } from 'vitest';
import { plainItem, SEED_BIO, seedItem } from '../../tests/render-fixtures.ts';
import { contentJsonText, contentXmlText, renderContentHtml } from './content-html.ts';
import { stripInvalidXmlChars } from './strip-invalid-xml-chars.ts';
import { escapeXmlText } from './xml-writer.ts';

const ALL = { leadImage: true, byline: true };

describe('renderContentHtml', () => {
  it('puts the lead image with caption and credit on top, and the byline and bio after the body', () => {
    const html = renderContentHtml(seedItem, ALL);
    const image = seedItem.article.image;
    expect(html.startsWith(`<figure><img src="${image?.url}"`)).toBe(true);
    expect(html).toContain(`<figcaption>${image?.caption} <small>Photo: ${image?.credit}</small></figcaption>`);
    const body = html.indexOf(seedItem.article.bodyHtml);
    const byline = html.indexOf('<hr>');
    const related = html.indexOf('<h2>Related</h2>');
    expect(body).toBeGreaterThan(0);
    expect(byline).toBeGreaterThan(body);
    expect(related).toBeGreaterThan(byline);
    expect(html).toContain(`, ${seedItem.article.author.role}</p>\n<p>${SEED_BIO}</p>`);
  });

  it('escapes what it adds, and shows no image the body already shows', () => {
    const article = {
      ...plainItem.article,
      image: { url: 'https://x.example/a.jpg?w=1&h=2', caption: '<b>Boats</b> & "ferries"', credit: 'A&P' },
      author: { name: 'Ada <Quill>', bio: '<script>alert(1)</script>' },
    };
    const html = renderContentHtml({ ...plainItem, article }, ALL);
    expect(html).toContain('src="https://x.example/a.jpg?w=1&amp;h=2"');
    expect(html).toContain('&lt;b&gt;Boats&lt;/b&gt; &amp; &quot;ferries&quot; <small>Photo: A&amp;P</small>');
    expect(html).toContain('<strong>Ada &lt;Quill&gt;</strong>');
    expect(html).not.toContain('<script>');
    const shown = { ...article, bodyHtml: `<p><img src="https://x.example/a.jpg?w=1&amp;h=2"></p>` };
    expect(renderContentHtml({ ...plainItem, article: shown }, ALL)).not.toContain('<figure>');
  });

  it('adds neither block when they are turned off (FEED_LEAD_IMAGE=false, FEED_BYLINE=false)', () => {
    const off = renderContentHtml(seedItem, { leadImage: false, byline: false });
    expect(off).not.toContain('<figure>');
    expect(off).not.toContain(SEED_BIO);
    expect(renderContentHtml(seedItem, { leadImage: false, byline: true })).toContain(SEED_BIO);
  });
});

describe('contentJsonText / contentXmlText', () => {
  const hostile = {
    ...seedItem,
    article: { ...seedItem.article, bodyHtml: '<p>a\u0000b & c\r\n\uD83D\uDE00 \uDE00 \uFFFF</p>' },
  };

  it('gives the content stripped of XML-illegal characters, and escaped as XML text from that', () => {
    const html = renderContentHtml(hostile, ALL);
    expect(contentJsonText(hostile, ALL)).toBe(stripInvalidXmlChars(html));
    expect(contentXmlText(hostile, ALL)).toBe(escapeXmlText(html));
    expect(contentXmlText(hostile, ALL)).toContain('&lt;p&gt;ab &amp; c&#13;\n\uD83D\uDE00  &lt;/p&gt;');
  });

  it('gives nothing for JSON when there is no content at all', () => {
    const empty = { ...plainItem, related: [], article: { ...plainItem.article, bodyHtml: '' } };
    expect(contentJsonText(empty)).toBeUndefined();
  });
});

describe('the lead image block', () => {
  const withImage = (image: { url: string; caption?: string; credit?: string; alt?: string }) =>
    renderContentHtml({ ...plainItem, article: { ...plainItem.article, image } }, ALL);

  it('puts a space between caption and credit only when there are both', () => {
    expect(withImage({ url: 'u', caption: 'C', credit: 'P' })).toContain('<figcaption>C <small>Photo: P</small>');
    expect(withImage({ url: 'u', caption: 'C' })).toContain('<figcaption>C</figcaption>');
    expect(withImage({ url: 'u', credit: 'P' })).toContain('<figcaption><small>Photo: P</small></figcaption>');
    expect(withImage({ url: 'u', caption: '', credit: '' })).toContain('<img src="u" alt=""></figure>');
  });
});
