import { isVisibleAt } from '../domain/article.ts';
import type { RelatedStore, Store } from '../store/store.ts';
import { type FindRelatedOptions, findRelatedLinks } from './find-related-links.ts';
import { createTitleIndex } from './title-index.ts';

/**
 * Keeps stored related links current, incrementally:
 * - after an article is saved: its own links, then the articles that now
 *   link to it (their computed links) or name it in a `RELATED:` line that
 *   was waiting for a match;
 * - after an ingest cycle: the new items join the sets of the articles they
 *   relate to, and articles whose waiting `RELATED:` headline a new item
 *   answers are recomputed (refresh-after-ingest.ts).
 * Each article's links are saved in one batch that bumps its revision only
 * when what feeds show changed, so only those feeds get new ETags.
 */

export type RefreshDeps = Pick<Store, 'getArticle'> & RelatedStore;

export interface RefreshOptions extends FindRelatedOptions {
  /** Also refresh the articles affected by this one (default true). */
  cascade?: boolean;
  /** Links feeds show (RELATED_LINKS): only a change among those gives an article a new revision. */
  shown?: number;
}

export interface RefreshResult {
  /** Articles whose links were recomputed. */
  refreshed: string[];
  /** Of those, the ones whose feeds will show different related stories. */
  changed: string[];
}

export async function refreshRelatedForArticle(
  store: RefreshDeps,
  articleId: string,
  options: RefreshOptions,
): Promise<RefreshResult> {
  const result: RefreshResult = { refreshed: [], changed: [] };
  const article = await store.getArticle(articleId);
  if (!article) return result;
  const links = await findRelatedLinks(store, article, options);
  if ((await store.saveRelatedLinks(article.id, links, options.shown)).changed) result.changed.push(article.id);
  result.refreshed.push(article.id);
  if (options.cascade === false || !isVisibleAt(article, options.now)) return result;

  const affected = new Set<string>(links.flatMap((l) => (l.kind === 'own' && l.targetId ? [l.targetId] : [])));
  const waiting = createTitleIndex(await store.listUnresolvedEditorialLinks(), (l) => l.title);
  for (const link of waiting.find(article.title)) affected.add(link.articleId);
  affected.delete(article.id);
  return mergeResults(result, await refreshArticles(store, [...affected], await batchOptions(store, options)));
}

/** Each article recomputed in full, alone (no cascade). */
export async function refreshArticles(
  store: RefreshDeps,
  ids: string[],
  options: RefreshOptions,
): Promise<RefreshResult> {
  const result: RefreshResult = { refreshed: [], changed: [] };
  for (const id of ids) {
    mergeResults(result, await refreshRelatedForArticle(store, id, { ...options, cascade: false }));
  }
  return result;
}

/** Many refreshes share many words: count each word, and the archive, once for the whole batch. */
export async function batchOptions(store: RefreshDeps, options: RefreshOptions): Promise<RefreshOptions> {
  return {
    ...options,
    termCounts: options.termCounts ?? new Map<string, number>(),
    storyCount: options.storyCount ?? (await store.countStories()),
  };
}

export function mergeResults(into: RefreshResult, from: RefreshResult): RefreshResult {
  into.refreshed.push(...from.refreshed);
  into.changed.push(...from.changed);
  return into;
}

/**
 * Every article, newest first: for an archive imported or migrated in bulk,
 * whose articles were never saved through the app. `onProgress` gets the
 * running count; word counts are shared across the whole run.
 */
export async function refreshRelatedForAllArticles(
  store: RefreshDeps & Pick<Store, 'listArticles'>,
  options: RefreshOptions,
  onProgress?: (done: number) => void,
): Promise<RefreshResult> {
  const batch = { ...(await batchOptions(store, options)), cascade: false };
  const result: RefreshResult = { refreshed: [], changed: [] };
  let cursor: string | undefined;
  do {
    const page = await store.listArticles({ limit: 200, ...(cursor ? { cursor } : {}) });
    for (const article of page.items) mergeResults(result, await refreshRelatedForArticle(store, article.id, batch));
    onProgress?.(result.refreshed.length);
    cursor = page.nextCursor;
  } while (cursor);
  return result;
}
