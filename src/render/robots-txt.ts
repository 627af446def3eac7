/**
 * robots.txt (RFC 9309): every reader page may be crawled, the admin API and
 * console may not, and the sitemaps are named (the `Sitemap:` line of the
 * sitemaps.org protocol; absolute URLs).
 */
export function renderRobotsTxt(sitemapUrls: readonly string[]): string {
  const lines = ['User-agent: *', 'Allow: /', 'Disallow: /api/', 'Disallow: /admin/'];
  if (sitemapUrls.length) lines.push('', ...sitemapUrls.map((url) => `Sitemap: ${url}`));
  return `${lines.join('\n')}\n`;
}
