import type { Article, Author } from './article.ts';
import { slugify } from './slug.ts';

/** A tag as readers follow it: the slug in its URL and the name it was first written with. */
export interface TagRef {
  slug: string;
  name: string;
}

/**
 * An author's slug is derived from the name alone, so the same person is one
 * author (one page, one feed) across every article that names them, whoever
 * created the article and whatever role or bio it gives. An empty name has no
 * page: '' is never linked.
 */
export function authorSlug(author: Pick<Author, 'name'>): string {
  return author.name.trim() === '' ? '' : slugify(author.name);
}

/** An article's tags by slug, once each ("AI" and "ai" are one tag), empty tags left out. */
export function articleTags(article: Pick<Article, 'tags'>): TagRef[] {
  const seen = new Map<string, TagRef>();
  for (const tag of article.tags) {
    const name = tag.trim();
    if (name === '') continue;
    const slug = slugify(name);
    if (!seen.has(slug)) seen.set(slug, { slug, name });
  }
  return [...seen.values()];
}
