import { isVisibleAt } from '../domain/article.ts';
import { articleUrlFor } from '../domain/article-url.ts';
import { MAX_RELATED_LINKS, type RelatedLink } from '../domain/related.ts';
import type { ExternalStory, RelatedStore, Store } from '../store/store.ts';
import { findArticlesForStory } from './find-articles-for-story.ts';
import { type FindRelatedOptions, findRelatedLinks } from './find-related-links.ts';
import { mergeRelatedLinks } from './merge-related-links.ts';
import type { ScoredStory } from './score-related.ts';
import { createTitleIndex } from './title-index.ts';

/**
 * Keeps stored related links current, incrementally:
 * - after an article is saved: its own links, then the articles that now
 *   link to it (their computed links) or name it in a `RELATED:` line that
 *   was waiting for a match;
 * - after an ingest cycle: the new items join the sets of the articles they
 *   relate to, and articles whose waiting `RELATED:` headline a new item
 *   answers are recomputed.
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

/**
 * After an ingest cycle: `itemIds` are the items it inserted or updated. Each
 * item is scored against our articles from its side and merged into the sets
 * of the articles it ranks for (no full recompute: one query per item, not
 * per article). Articles with no stored links yet, or whose waiting
 * `RELATED:` headline an item answers, are recomputed in full.
 */
export async function refreshRelatedForExternalItems(
  store: RefreshDeps,
  itemIds: string[],
  options: RefreshOptions,
): Promise<RefreshResult> {
  const items = await store.getExternalStories(itemIds);
  const batch = await batchOptions(store, options);
  const additions = new Map<string, RelatedLink[]>();
  for (const item of items) {
    for (const article of await findArticlesForStory(store, item, batch)) {
      additions.set(article.id, [...(additions.get(article.id) ?? []), linkToItem(item, article)]);
    }
  }
  const fullRefresh = new Set<string>();
  const waiting = createTitleIndex(await store.listUnresolvedEditorialLinks(), (l) => l.title);
  if (waiting.size > 0) {
    for (const item of items) for (const link of waiting.find(item.title)) fullRefresh.add(link.articleId);
  }
  // Articles with no links yet are recomputed in full; the others have the items merged in.
  const toMerge = [...additions.keys()].filter((id) => !fullRefresh.has(id));
  const stored = await store.getRelatedLinkSets(toMerge, articleUrlFor(options.siteUrl));
  const merged: { articleId: string; links: RelatedLink[] }[] = [];
  for (const [articleId, existing] of stored) {
    const links = additions.get(articleId) ?? [];
    if (existing.length === 0) fullRefresh.add(articleId);
    else merged.push({ articleId, links: mergeRelatedLinks(existing, links, options.k ?? MAX_RELATED_LINKS) });
  }
  const result: RefreshResult = {
    refreshed: merged.map((set) => set.articleId),
    changed: await store.saveRelatedLinkSets(merged, options.shown),
  };
  return mergeResults(result, await refreshArticles(store, [...fullRefresh], batch));
}

/** The item as a related link of an article it was scored against (from the item's side). */
function linkToItem(item: ExternalStory, scored: ScoredStory): RelatedLink {
  const link: RelatedLink = {
    position: 0,
    editorial: false,
    kind: 'external',
    targetId: item.id,
    title: item.title,
    summary: item.summary,
    source: item.source,
    publishedAt: item.publishedAt,
    score: scored.score,
    reasons: scored.reasons,
  };
  if (item.url) link.url = item.url;
  return link;
}

/** The same, for every item an ingest cycle that started at `since` stored. */
export async function refreshRelatedSince(
  store: RefreshDeps,
  since: string,
  options: RefreshOptions & { maxItems?: number },
): Promise<RefreshResult> {
  const ids = await store.listExternalItemIdsSince(since, options.maxItems ?? 10_000);
  return refreshRelatedForExternalItems(store, ids, options);
}

async function refreshArticles(store: RefreshDeps, ids: string[], options: RefreshOptions): Promise<RefreshResult> {
  const result: RefreshResult = { refreshed: [], changed: [] };
  for (const id of ids) {
    mergeResults(result, await refreshRelatedForArticle(store, id, { ...options, cascade: false }));
  }
  return result;
}

/** Many refreshes share many words: count each word, and the archive, once for the whole batch. */
async function batchOptions(store: RefreshDeps, options: RefreshOptions): Promise<RefreshOptions> {
  return {
    ...options,
    termCounts: options.termCounts ?? new Map<string, number>(),
    storyCount: options.storyCount ?? (await store.countStories()),
  };
}

function mergeResults(into: RefreshResult, from: RefreshResult): RefreshResult {
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
