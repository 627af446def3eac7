import type { Article } from '../domain/article.ts';

/** The article's category first, then its tags, without blanks or repeats. */
export function itemCategories(article: Pick<Article, 'category' | 'tags'>): string[] {
  const seen = new Set<string>();
  for (const name of [article.category, ...article.tags]) {
    const trimmed = name.trim();
    if (trimmed !== '') seen.add(trimmed);
  }
  return [...seen];
}
