import type { Article } from './article.ts';
import { newId } from './ids.ts';
import { htmlToPlainText, summarize } from './plain-text.ts';
import type { ArticleInput, ArticlePatch } from './schemas.ts';
import { slugify } from './slug.ts';
import { mintTagUri } from './tag-uri.ts';
import { withoutUndefined } from './without-undefined.ts';

const SUMMARY_CHARS = 280;

export interface NewArticleContext {
  now: string;
  siteUrl: string;
  random?: () => number;
}

/** A new article from validated input: mints its id and permanent tag: URI. */
export function createArticleFromInput(input: ArticleInput, { now, siteUrl, random }: NewArticleContext): Article {
  const id = newId('art', Date.parse(now), random);
  const article: Article = {
    id,
    guid: mintTagUri(siteUrl, now, id),
    slug: input.slug ?? slugify(input.title),
    title: input.title,
    summary: input.summary || derivedSummary(input),
    bodyHtml: input.bodyHtml,
    category: input.category,
    categorySlug: slugify(input.category),
    tags: input.tags,
    author: input.author,
    status: input.status,
    createdAt: now,
    updatedAt: now,
    relatedLinks: input.relatedLinks,
    revision: 1,
  };
  if (input.image) article.image = input.image;
  // Publishing without a date means "now"; a draft keeps whatever date it was given.
  const publishedAt = input.publishedAt ?? (input.status === 'published' ? now : undefined);
  if (publishedAt) article.publishedAt = publishedAt;
  return article;
}

/**
 * Applies an edit. The id and guid never change (readers would see a
 * duplicate); `updatedAt` and `revision` move forward instead.
 */
export function applyArticlePatch(article: Article, patch: ArticlePatch, now: string): Article {
  const { image, publishedAt, ...fields } = patch;
  const next: Article = { ...article, ...withoutUndefined(fields), updatedAt: now, revision: article.revision + 1 };
  if (patch.category !== undefined) next.categorySlug = slugify(patch.category);
  if (patch.bodyHtml !== undefined && patch.summary === undefined && article.summary === derivedSummary(article)) {
    next.summary = derivedSummary(next); // keep a derived summary in step with the body it came from
  }
  if (image === null) delete next.image;
  else if (image !== undefined) next.image = image;
  if (publishedAt === null) delete next.publishedAt;
  else if (publishedAt !== undefined) next.publishedAt = publishedAt;
  if (next.status === 'published' && !next.publishedAt) next.publishedAt = now;
  return next;
}

function derivedSummary(article: Pick<Article, 'bodyHtml'>): string {
  return summarize(htmlToPlainText(article.bodyHtml), SUMMARY_CHARS);
}
