/** Builds the URL where one of our articles is read. */
export type ArticleUrlFor = (categorySlug: string, slug: string) => string;

/** An article's URL is <site>/<category-slug>/<slug>; the site may live under a path. */
export function articleUrl(siteUrl: string, categorySlug: string, slug: string): string {
  return new URL(`${categorySlug}/${slug}`, siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href;
}

/**
 * The URL policy for one site, handed to the store: it reads where an article
 * lives (its slugs) and leaves what the URL looks like to the domain.
 */
export function articleUrlFor(siteUrl: string): ArticleUrlFor {
  return (categorySlug, slug) => articleUrl(siteUrl, categorySlug, slug);
}
