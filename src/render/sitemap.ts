import { XmlWriter } from './xml-writer.ts';

/** The protocol's limit for one sitemap file (https://www.sitemaps.org/protocol.html). */
export const SITEMAP_MAX_URLS = 50_000;

export interface SitemapUrl {
  /** Absolute URL, on the host that serves the sitemap. */
  loc: string;
  /** When the page last changed (W3C Datetime; ISO 8601 is one). */
  lastmod?: string;
}

/** A sitemap (sitemaps.org protocol 0.9): one `<url>` per page, with `<lastmod>` where known. */
export function renderSitemap(urls: readonly SitemapUrl[]): string {
  const xml = new XmlWriter().open('urlset', { xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9' });
  for (const url of urls.slice(0, SITEMAP_MAX_URLS)) {
    xml.open('url').text('loc', url.loc).text('lastmod', url.lastmod).close();
  }
  return xml.close().toString();
}
