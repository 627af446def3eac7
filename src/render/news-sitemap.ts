import { XmlWriter } from './xml-writer.ts';

/** Google News sitemaps hold articles of the last two days, at most 1,000 of them. */
export const NEWS_SITEMAP_MAX_AGE_MS = 48 * 60 * 60 * 1000;
export const NEWS_SITEMAP_MAX_URLS = 1000;

export interface NewsPublication {
  /** The publication's name exactly as it appears on its articles. */
  name: string;
  /** A language tag (config LANGUAGE); written as the ISO 639 code Google asks for. */
  language: string;
}

export interface NewsSitemapArticle {
  loc: string;
  title: string;
  publishedAt: string;
}

/**
 * A Google News sitemap (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap):
 * the sitemaps.org `<urlset>` with a `<news:news>` block per article carrying the
 * publication's name and language, the publication date and the title.
 */
export function renderNewsSitemap(publication: NewsPublication, articles: readonly NewsSitemapArticle[]): string {
  const xml = new XmlWriter().open('urlset', {
    xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9',
    'xmlns:news': 'http://www.google.com/schemas/sitemap-news/0.9',
  });
  const language = newsLanguage(publication.language);
  for (const article of articles.slice(0, NEWS_SITEMAP_MAX_URLS)) {
    xml.open('url').text('loc', article.loc).open('news:news');
    xml.open('news:publication').text('news:name', publication.name).text('news:language', language).close();
    xml.text('news:publication_date', article.publishedAt).text('news:title', article.title);
    xml.close().close();
  }
  return xml.close().toString();
}

/** "en-GB" -> "en": Google wants the ISO 639 code, except zh-cn and zh-tw for Chinese. */
export function newsLanguage(tag: string): string {
  const lower = tag.toLowerCase().replace('_', '-');
  if (lower === 'zh-cn' || lower === 'zh-tw') return lower;
  if (lower.startsWith('zh-hant')) return 'zh-tw';
  if (lower.startsWith('zh')) return 'zh-cn';
  return lower.split('-')[0] ?? lower;
}
