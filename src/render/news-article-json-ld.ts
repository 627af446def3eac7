import type { Article } from '../domain/article.ts';

export interface NewsArticleContext {
  /** The article's canonical URL. */
  url: string;
  /** The lead image, absolute. */
  imageUrl?: string;
  publisher: { name: string; url: string; logoUrl?: string };
  language: string;
}

/**
 * schema.org NewsArticle as JSON-LD, with the properties Google's article rich
 * results read (headline, image, datePublished, dateModified, author, publisher).
 * Serialized for a `<script type="application/ld+json">` block: every `<` is
 * escaped as \u003c, so no text in the article can close the element early.
 */
export function renderNewsArticleJsonLd(article: Article, context: NewsArticleContext): string {
  const { author, publishedAt } = article;
  const data = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': context.url },
    url: context.url,
    headline: article.title,
    description: article.summary,
    ...(context.imageUrl && { image: [context.imageUrl] }),
    datePublished: publishedAt,
    // An article never edited since it went out was last modified when it was published.
    dateModified: publishedAt && article.updatedAt < publishedAt ? publishedAt : article.updatedAt,
    author: [
      {
        '@type': 'Person',
        name: author.name,
        ...(author.role && { jobTitle: author.role }),
        ...(author.url && { url: author.url }),
      },
    ],
    publisher: {
      '@type': 'Organization',
      name: context.publisher.name,
      url: context.publisher.url,
      ...(context.publisher.logoUrl && { logo: { '@type': 'ImageObject', url: context.publisher.logoUrl } }),
    },
    articleSection: article.category,
    ...(article.tags.length && { keywords: article.tags }),
    inLanguage: context.language,
  };
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
