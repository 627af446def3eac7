import { Hono } from 'hono';
import { articleUrl } from '../../domain/article-url.ts';
import { NEWS_SITEMAP_MAX_AGE_MS, NEWS_SITEMAP_MAX_URLS, renderNewsSitemap } from '../../render/news-sitemap.ts';
import { renderRobotsTxt } from '../../render/robots-txt.ts';
import { renderSitemap, SITEMAP_MAX_URLS } from '../../render/sitemap.ts';
import type { AppDeps } from '../app-deps.ts';

const XML = 'application/xml; charset=utf-8';
/** Crawlers come back often enough; five minutes keeps a burst from reaching the database. */
const CACHE = 'public, max-age=300';

/**
 * For search engines: /robots.txt always; /sitemap.xml (every published
 * article, with lastmod) and /news-sitemap.xml (the last 48 hours, Google News
 * format) only when we are the site, since a sitemap lists URLs of its own host.
 */
export function createSeoRoutes(deps: Pick<AppDeps, 'config' | 'store' | 'now'>): Hono {
  const { config, store } = deps;
  const sitemaps = config.siteIsExternal ? [] : [`${config.siteUrl}/sitemap.xml`, `${config.siteUrl}/news-sitemap.xml`];
  const routes = new Hono().get('/robots.txt', (c) =>
    c.body(renderRobotsTxt(sitemaps), 200, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': CACHE }),
  );
  if (config.siteIsExternal) return routes;

  return routes
    .get('/sitemap.xml', async (c) => {
      const now = deps.now().toISOString();
      const [entries, categories] = await Promise.all([
        store.listSitemapEntries({ now, limit: SITEMAP_MAX_URLS }),
        store.listCategories(now),
      ]);
      const pages = [
        { loc: `${config.siteUrl}/`, ...(entries[0] && { lastmod: newest(entries) }) },
        ...categories.filter((cat) => cat.published > 0).map((cat) => ({ loc: `${config.siteUrl}/${cat.slug}` })),
      ];
      const articles = entries.map((e) => ({
        loc: articleUrl(config.siteUrl, e.categorySlug, e.slug),
        lastmod: e.updatedAt > e.publishedAt ? e.updatedAt : e.publishedAt,
      }));
      const urls = [...pages, ...articles].slice(0, SITEMAP_MAX_URLS);
      return c.body(renderSitemap(urls), 200, { 'Content-Type': XML, 'Cache-Control': CACHE });
    })
    .get('/news-sitemap.xml', async (c) => {
      const nowMs = deps.now().getTime();
      const since = new Date(nowMs - NEWS_SITEMAP_MAX_AGE_MS).toISOString();
      const entries = await store.listSitemapEntries({
        now: new Date(nowMs).toISOString(),
        since,
        limit: NEWS_SITEMAP_MAX_URLS,
      });
      const articles = entries.map((e) => ({
        loc: articleUrl(config.siteUrl, e.categorySlug, e.slug),
        title: e.title,
        publishedAt: e.publishedAt,
      }));
      const body = renderNewsSitemap({ name: config.siteTitle, language: config.language }, articles);
      return c.body(body, 200, { 'Content-Type': XML, 'Cache-Control': CACHE });
    });
}

function newest(entries: { updatedAt: string; publishedAt: string }[]): string {
  return entries.reduce((max, e) => [max, e.updatedAt, e.publishedAt].sort().at(-1) as string, '');
}
