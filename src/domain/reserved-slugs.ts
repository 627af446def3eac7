import { slugify } from './slug.ts';

/**
 * First path segments our own routes answer (DESIGN.md URL map). A category, tag or author
 * whose slug is one of them would mint item links that land on that route instead (a category
 * "Feeds" gives /feeds/<slug>, which 404s; "Api" gives a 401), so such names are refused.
 */
export const RESERVED_SLUGS = new Set([
  'feeds',
  'api',
  'media',
  'admin',
  'tag',
  'tags',
  'author',
  'authors',
  'category',
  'sitemap-xml',
  'news-sitemap-xml',
  'robots-txt',
  'site-css',
  'metrics',
  'healthz',
  'readyz',
  'websub',
  'opml',
  'favicon-ico',
]);

/** Why a name cannot be used, or undefined when it can. */
export function reservedSlugProblem(name: string): string | undefined {
  const slug = slugify(name);
  return RESERVED_SLUGS.has(slug)
    ? `its slug "${slug}" is reserved for the route /${slug.replace(/-(xml|txt|css|ico)$/, '.$1')}`
    : undefined;
}
