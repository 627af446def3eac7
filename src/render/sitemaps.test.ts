import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { makeArticle } from '../../tests/make-article.ts';
import { renderNewsArticleJsonLd } from './news-article-json-ld.ts';
import { newsLanguage, renderNewsSitemap } from './news-sitemap.ts';
import { renderRobotsTxt } from './robots-txt.ts';
import { renderSitemap } from './sitemap.ts';

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'url' });

describe('sitemap renderers', () => {
  it('writes a sitemaps.org urlset, escaping URLs and leaving out an unknown lastmod', () => {
    const xml = renderSitemap([
      { loc: 'https://news.example/', lastmod: '2026-03-01T12:00:00.000Z' },
      { loc: 'https://news.example/a?x=1&y=2' },
    ]);
    expect(xml).toContain('<loc>https://news.example/a?x=1&amp;y=2</loc>');
    const { urlset } = parser.parse(xml);
    expect(urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(urlset.url).toEqual([
      { loc: 'https://news.example/', lastmod: '2026-03-01T12:00:00.000Z' },
      { loc: 'https://news.example/a?x=1&y=2' },
    ]);
  });

  it('writes the Google News elements in order, with the ISO 639 language', () => {
    const xml = renderNewsSitemap({ name: 'The Daily <Tiding>', language: 'en-GB' }, [
      { loc: 'https://news.example/w/a', title: 'Ferry & bus', publishedAt: '2026-03-01T10:00:00.000Z' },
    ]);
    expect(xml).toMatch(
      /<news:news>\s*<news:publication>\s*<news:name>The Daily &lt;Tiding&gt;<\/news:name>\s*<news:language>en<\/news:language>\s*<\/news:publication>\s*<news:publication_date>2026-03-01T10:00:00.000Z<\/news:publication_date>\s*<news:title>Ferry &amp; bus<\/news:title>/,
    );
    expect(parser.parse(xml).urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    expect(['en', 'en-GB', 'pt_BR', 'zh-TW', 'zh-Hant-HK', 'zh'].map(newsLanguage)).toEqual([
      'en',
      'en',
      'pt',
      'zh-tw',
      'zh-tw',
      'zh-cn',
    ]);
  });

  it('names the sitemaps in robots.txt, and only allows when there are none', () => {
    expect(renderRobotsTxt(['https://news.example/sitemap.xml'])).toBe(
      'User-agent: *\nAllow: /\nDisallow: /api/\nDisallow: /admin/\n\nSitemap: https://news.example/sitemap.xml\n',
    );
    expect(renderRobotsTxt([])).not.toContain('Sitemap:');
  });
});

describe('NewsArticle JSON-LD', () => {
  it('has the required fields, and no text in it can close its script element', () => {
    const article = makeArticle({ title: 'Ends </script><script>alert(1)</script>', tags: [] });
    const json = renderNewsArticleJsonLd(article, {
      url: 'https://news.example/world-news/x',
      imageUrl: 'https://news.example/media/x.jpg',
      publisher: { name: 'Tidings', url: 'https://news.example/' },
      language: 'en',
    });
    expect(json).not.toContain('<');
    const data = JSON.parse(json);
    expect(data).toMatchObject({
      '@type': 'NewsArticle',
      headline: article.title,
      image: ['https://news.example/media/x.jpg'],
      datePublished: article.publishedAt,
      author: [{ '@type': 'Person', name: article.author.name }],
      publisher: { '@type': 'Organization', name: 'Tidings' },
    });
    // Created and last edited before it was scheduled to go out: modified when published.
    expect(data.dateModified).toBe(article.publishedAt);
    expect(data.keywords).toBeUndefined();
  });
});
