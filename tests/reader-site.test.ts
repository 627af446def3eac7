import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../src/domain/article.ts';
import { makeArticle, minutesAgo, NOW } from './make-article.ts';
import { parseHtmlPage } from './support/html-page.ts';
import { type RunningTidings, startTidings } from './support/start-tidings.ts';

const HTML = { accept: 'text/html,application/xhtml+xml' };
const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'url' });

describe('the reader site', () => {
  let tidings: RunningTidings;
  const science: Article[] = [];
  let featured: Article;

  beforeAll(async () => {
    tidings = await startTidings({ LANGUAGE: 'en-GB', SITE_TITLE: 'The Daily Tiding' }, NOW);
    // 22 science stories (more than a page), one with a </script> in its headline, a draft and a scheduled one.
    for (let i = 0; i < 22; i += 1) {
      science.push(makeArticle({ category: 'Science', publishedAt: minutesAgo(60 * (i + 1)), tags: [] }));
    }
    featured = makeArticle({
      category: 'World News',
      title: 'Ferry </script> resumes <b>service</b>',
      summary: 'Crossings start again after "the storm" & more.',
      publishedAt: minutesAgo(5),
      updatedAt: minutesAgo(2),
      image: { url: '/media/ferry.jpg', alt: 'The ferry at dawn', credit: 'Ann Lens', caption: 'Dawn' },
      author: { name: 'Ada Quill', role: 'Correspondent', url: 'https://news.example/ada' },
    });
    const draft = makeArticle({ category: 'Science', status: 'draft', title: 'Draft science' });
    const scheduled = makeArticle({ category: 'Science', publishedAt: minutesAgo(-60), title: 'Tomorrow science' });
    const old = makeArticle({ category: 'Science', publishedAt: minutesAgo(72 * 60), title: 'Three days ago' });
    science.push(old);
    await tidings.ctx.store.createArticles([...science, featured, draft, scheduled]);
  });
  afterAll(() => tidings.stop());

  const page = async (path: string, status = 200) => {
    const response = await tidings.request(path, { headers: HTML });
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    return parseHtmlPage(await response.text());
  };

  it('lists the latest headlines on the home page with image, summary, author and date, and pages on', async () => {
    const home = await page('/');
    expect(home.all('html')[0]?.attribs.lang).toBe('en-GB');
    const headlines = home.all('article');
    expect(headlines).toHaveLength(20);
    expect(home.text('h2')[0]).toBe('Ferry </script> resumes <b>service</b>'); // escaped, shown as written
    const img = home.all('img')[0];
    expect(img?.attribs).toMatchObject({ src: '/media/ferry.jpg', alt: 'The ferry at dawn' });
    const text = home.text('article')[0] ?? '';
    expect(text).toContain('Crossings start again after "the storm" & more.');
    expect(text).toContain('By Ada Quill');
    expect(home.all('time')[0]?.attribs.datetime).toBe(featured.publishedAt);
    expect(home.all('a').find((a) => a.attribs.href?.endsWith('/world-news/' + featured.slug))).toBeDefined();

    const older = home.all('a').find((a) => a.attribs.rel === 'next')?.attribs.href ?? '';
    expect(older).toMatch(/^\/\?before=/);
    const second = await page(older);
    const titles = second.text('h2');
    expect(titles).toContain('Three days ago');
    expect(titles).not.toContain('Draft science');
    expect(titles).not.toContain('Tomorrow science');
    expect(second.all('a').some((a) => a.attribs.href === '/' && a.attribs.rel !== 'next')).toBe(true);
    expect(second.all('article').length + 20).toBe(24); // 22 + old + featured
  });

  it('serves a category page as HTML, paged, with its own feeds discoverable (no longer raw JSON)', async () => {
    const category = await page('/science');
    expect(category.text('h1')).toEqual(['Science']);
    expect(category.all('article')).toHaveLength(20);
    const alternates = category.links('alternate').map((l) => l.attribs.href);
    expect(alternates).toEqual(
      expect.arrayContaining([`${tidings.baseUrl}/feeds/science.rss`, `${tidings.baseUrl}/feeds/all.atom`]),
    );
    const next = category.all('a').find((a) => a.attribs.rel === 'next')?.attribs.href ?? '';
    expect(next).toMatch(/^\/science\?before=/);
    expect((await page(next)).all('article')).toHaveLength(3);
  });

  it('keeps feed autodiscovery on every page, in all three formats', async () => {
    for (const path of ['/', '/science', `/world-news/${featured.slug}`, '/no-such-section']) {
      const response = await tidings.request(path, { headers: HTML });
      const types = parseHtmlPage(await response.text())
        .links('alternate')
        .map((l) => l.attribs.type);
      expect(types, path).toEqual(
        expect.arrayContaining(['application/rss+xml', 'application/atom+xml', 'application/feed+json']),
      );
    }
  });

  it('gives an article page its description, Open Graph, Twitter card, canonical link and NewsArticle JSON-LD', async () => {
    const article = await page(`/world-news/${featured.slug}`);
    const url = `${tidings.baseUrl}/world-news/${featured.slug}`;
    const image = `${tidings.baseUrl}/media/ferry.jpg`;
    expect(article.meta('description')).toEqual([featured.summary]);
    expect(article.links('canonical').map((l) => l.attribs.href)).toEqual([url]);
    expect(article.meta('og:type')).toEqual(['article']);
    expect(article.meta('og:title')).toEqual([featured.title]);
    expect(article.meta('og:url')).toEqual([url]);
    expect(article.meta('og:image')).toEqual([image]);
    expect(article.meta('og:site_name')).toEqual(['The Daily Tiding']);
    expect(article.meta('article:published_time')).toEqual([featured.publishedAt]);
    expect(article.meta('twitter:card')).toEqual(['summary_large_image']);
    expect(article.meta('twitter:image')).toEqual([image]);

    const scripts = article.all('script');
    expect(scripts.map((s) => s.attribs.type)).toEqual(['application/ld+json']);
    const ld = JSON.parse(article.text('script')[0] ?? '');
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: featured.title,
      image: [image],
      datePublished: featured.publishedAt,
      dateModified: featured.updatedAt,
      author: [{ '@type': 'Person', name: 'Ada Quill', jobTitle: 'Correspondent', url: 'https://news.example/ada' }],
      publisher: { '@type': 'Organization', name: 'The Daily Tiding', url: `${tidings.baseUrl}/` },
      mainEntityOfPage: { '@id': url },
      inLanguage: 'en-GB',
    });
  });

  it('has nothing a strict Content-Security-Policy would refuse: no inline script, style or handler', async () => {
    for (const path of ['/', '/science', `/world-news/${featured.slug}`, '/no-such-section']) {
      const html = await (await tidings.request(path, { headers: HTML })).text();
      const parsed = parseHtmlPage(html);
      // JSON-LD is a data block, never run, so script-src does not govern it; nothing else may be a script.
      expect(
        parsed.all('script').every((s) => s.attribs.type === 'application/ld+json'),
        path,
      ).toBe(true);
      expect(parsed.all('style'), path).toEqual([]);
      expect(
        parsed.attributeNames().filter((name) => name === 'style' || name.startsWith('on')),
        path,
      ).toEqual([]);
      expect(parsed.links('stylesheet').map((l) => l.attribs.href)).toEqual(['/site.css']);
      const policy = (await tidings.request(path, { headers: HTML })).headers.get('content-security-policy');
      expect(policy, path).toContain("script-src 'self'");
      expect(policy, path).toContain("style-src 'self'");
    }
    const css = await tidings.request('/site.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await css.text()).toContain('.headline');
  });

  it('answers a dead link with the styled HTML 404 page for browsers, and JSON for API clients', async () => {
    for (const path of ['/no-such-section', `/science/no-such-story`, '/science/draft-x/extra']) {
      const notFound = await page(path, 404);
      expect(notFound.text('h1'), path).toEqual(['Page not found']);
      expect(notFound.links('stylesheet')).toHaveLength(1);
      expect(notFound.all('a').some((a) => a.attribs.href === '/')).toBe(true);
    }
    const api = await tidings.request('/no-such-section');
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ error: 'There is no category at /no-such-section.' });
    const bad = await page('/science?before=not-a-cursor', 400);
    expect(bad.text('h1')).toEqual(['That link is not right']);
  });

  it('lists every published article in /sitemap.xml with lastmod, and nothing unpublished', async () => {
    const response = await tidings.request('/sitemap.xml');
    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const { urlset } = xml.parse(await response.text());
    expect(urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const urls = urlset.url as { loc: string; lastmod?: string }[];
    const articleUrls = urls.filter((u) => /\/[a-z-]+\/[a-z0-9-]+$/.test(new URL(u.loc).pathname));
    expect(articleUrls).toHaveLength(24);
    for (const url of urls) {
      expect(url.loc.startsWith(`${tidings.baseUrl}/`)).toBe(true);
      if (url.lastmod !== undefined) expect(Number.isNaN(Date.parse(url.lastmod))).toBe(false);
    }
    expect(articleUrls.every((u) => u.lastmod)).toBe(true);
    expect(urls.map((u) => u.loc)).toEqual(
      expect.arrayContaining([`${tidings.baseUrl}/`, `${tidings.baseUrl}/science`]),
    );
    expect(urls.find((u) => u.loc.endsWith(featured.slug))?.lastmod).toBe(featured.updatedAt);
    expect(urls.some((u) => u.loc.includes('draft') || u.loc.includes('tomorrow'))).toBe(false);
  });

  it('lists the last 48 hours in /news-sitemap.xml with the Google News elements', async () => {
    const { urlset } = xml.parse(await (await tidings.request('/news-sitemap.xml')).text());
    expect(urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    const urls = urlset.url as { loc: string; 'news:news': Record<string, unknown> }[];
    expect(urls).toHaveLength(23); // everything but the story from three days ago
    for (const url of urls) {
      const news = url['news:news'] as {
        'news:publication': Record<string, string>;
        'news:publication_date': string;
        'news:title': string;
      };
      expect(news['news:publication']).toEqual({ 'news:name': 'The Daily Tiding', 'news:language': 'en' });
      expect(Date.parse(news['news:publication_date'])).toBeGreaterThan(Date.parse(NOW) - 48 * 3600_000);
      expect(news['news:title']).toBeTruthy();
    }
    expect(urls.some((u) => (u['news:news'] as { 'news:title': string })['news:title'] === 'Three days ago')).toBe(
      false,
    );
  });

  it('points robots.txt at both sitemaps', async () => {
    const robots = await (await tidings.request('/robots.txt')).text();
    expect(robots).toContain('User-agent: *\n');
    expect(robots).toContain(`Sitemap: ${tidings.baseUrl}/sitemap.xml\n`);
    expect(robots).toContain(`Sitemap: ${tidings.baseUrl}/news-sitemap.xml\n`);
    expect(robots).toContain('Disallow: /api/\n');
  });
});
