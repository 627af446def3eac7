import type { Article } from '../../domain/article.ts';
import { decodePageCursor } from '../../publish/feed-page.ts';
import type { Store } from '../../store/store.ts';
import { HEADLINES_PER_PAGE } from './site-parts.ts';

export interface HeadlinePage {
  articles: Article[];
  /** The last article shown, when older ones follow. */
  older?: Article;
  isFirst: boolean;
}

/**
 * One page of the newest visible articles (of one category, or all), from the
 * position in `before` on; undefined when `before` is not a cursor we made.
 */
export async function loadHeadlinePage(
  store: Pick<Store, 'listFeedArticles'>,
  query: { categorySlug?: string; now: string; before?: string },
): Promise<HeadlinePage | undefined> {
  const position = query.before === undefined ? undefined : decodePageCursor(query.before);
  if (query.before !== undefined && !position) return undefined;
  const found = await store.listFeedArticles({
    ...(query.categorySlug !== undefined && { categorySlug: query.categorySlug }),
    now: query.now,
    limit: HEADLINES_PER_PAGE + 1,
    ...(position && { before: position }),
  });
  const articles = found.slice(0, HEADLINES_PER_PAGE);
  const last = articles.at(-1);
  return { articles, ...(found.length > HEADLINES_PER_PAGE && last && { older: last }), isFirst: !position };
}
