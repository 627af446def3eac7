import { articleUrlFor } from '../domain/article-url.ts';
import { MAX_RELATED_LINKS, type RelatedLink } from '../domain/related.ts';
import type { ExternalStory } from '../store/store.ts';
import { findArticlesForStory } from './find-articles-for-story.ts';
import { mergeRelatedLinks } from './merge-related-links.ts';
import {
  batchOptions,
  mergeResults,
  type RefreshDeps,
  type RefreshOptions,
  type RefreshResult,
  refreshArticles,
} from './refresh-related.ts';
import type { ScoredStory } from './score-related.ts';
import { createTitleIndex } from './title-index.ts';

/**
 * The related refresh after an ingest, in two steps so that a runtime with
 * threads can spread it (adapters/node/offload) and one without runs it in
 * one go, through the same code:
 * 1. relateItems, read-only: each item is scored against our articles from
 *    its side (one query per item, not per article); any part of the items
 *    can be related on its own.
 * 2. saveItemLinks: each article the items joined has them merged into its
 *    stored set and saved; one with no stored links yet, or whose waiting
 *    `RELATED:` headline an item answers, is recomputed in full. Each
 *    article's result depends on its own links only, so any split of the
 *    articles saves the same rows.
 */

/** What step 1 found, as plain data (it crosses to another thread). */
export interface ItemLinks {
  /** The items as links of the articles they join, in item order. */
  additions: { articleId: string; link: RelatedLink }[];
  /** Articles whose waiting `RELATED:` headline an item answers: recomputed in full. */
  recompute: string[];
}

export interface IngestRefreshPlan {
  itemIds: string[];
  /** Stories in the index, counted once so that every part weighs words alike. */
  storyCount: number;
}

/** The steps, wherever they run: on a store here (stepsOn), or in worker threads. */
export interface IngestRefreshSteps {
  planIngestRefresh(since: string, maxItems: number): Promise<IngestRefreshPlan>;
  relateItems(itemIds: string[], options: RefreshOptions): Promise<ItemLinks>;
  saveItemLinks(links: ItemLinks, options: RefreshOptions): Promise<RefreshResult>;
}

export const DEFAULT_MAX_ITEMS = 10_000;

export function stepsOn(store: RefreshDeps): IngestRefreshSteps {
  return {
    async planIngestRefresh(since, maxItems) {
      // The ingest just wrote a segment per source: merged first, every lookup below probes fewer.
      await store.mergeSmallIndexSegments();
      return { itemIds: await store.listExternalItemIdsSince(since, maxItems), storyCount: await store.countStories() };
    },
    relateItems: (itemIds, options) => relateItems(store, itemIds, options),
    saveItemLinks: (links, options) => saveItemLinks(store, links, options),
  };
}

/**
 * The refresh for every item an ingest that started at `since` stored, in `parts`: step 1 on
 * that many slices of the items, step 2 on that many sets of articles, each part's steps run
 * together. One part is the whole refresh in one go.
 */
export async function refreshInParts(
  steps: IngestRefreshSteps,
  since: string,
  options: RefreshOptions & { maxItems?: number },
  parts: number,
): Promise<RefreshResult> {
  const { maxItems = DEFAULT_MAX_ITEMS, ...refresh } = options;
  const { itemIds, storyCount } = await steps.planIngestRefresh(since, maxItems);
  const batch = { ...refresh, storyCount, termCounts: refresh.termCounts ?? new Map<string, number>() };
  const found = await Promise.all(slices(itemIds, parts).map((ids) => steps.relateItems(ids, batch)));
  const links: ItemLinks = {
    additions: found.flatMap((f) => f.additions),
    recompute: [...new Set(found.flatMap((f) => f.recompute))],
  };
  const saved = await Promise.all(byArticle(links, parts).map((part) => steps.saveItemLinks(part, batch)));
  return saved.reduce(mergeResults, { refreshed: [], changed: [] });
}

/** The same on this store, in one go: Workers, the CLI, WORKER_THREADS=0. */
export function refreshRelatedSince(
  store: RefreshDeps,
  since: string,
  options: RefreshOptions & { maxItems?: number },
): Promise<RefreshResult> {
  return refreshInParts(stepsOn(store), since, options, 1);
}

/** Both steps for the given items, in one go. */
export async function refreshRelatedForExternalItems(
  store: RefreshDeps,
  itemIds: string[],
  options: RefreshOptions,
): Promise<RefreshResult> {
  const batch = await batchOptions(store, options);
  return saveItemLinks(store, await relateItems(store, itemIds, batch), batch);
}

/** Step 1: the articles each item joins, and those whose waiting headline an item answers. */
export async function relateItems(store: RefreshDeps, itemIds: string[], options: RefreshOptions): Promise<ItemLinks> {
  const items = await store.getExternalStories(itemIds);
  const batch = await batchOptions(store, options);
  const additions: ItemLinks['additions'] = [];
  for (const item of items) {
    for (const article of await findArticlesForStory(store, item, batch)) {
      additions.push({ articleId: article.id, link: linkToItem(item, article) });
    }
  }
  const recompute = new Set<string>();
  const waiting = createTitleIndex(await store.listUnresolvedEditorialLinks(), (l) => l.title);
  if (waiting.size > 0) {
    for (const item of items) for (const link of waiting.find(item.title)) recompute.add(link.articleId);
  }
  return { additions, recompute: [...recompute] };
}

/** Step 2: the items merged into the stored sets of the articles they joined, or those recomputed. */
export async function saveItemLinks(
  store: RefreshDeps,
  found: ItemLinks,
  options: RefreshOptions,
): Promise<RefreshResult> {
  const additions = new Map<string, RelatedLink[]>();
  for (const { articleId, link } of found.additions)
    additions.set(articleId, [...(additions.get(articleId) ?? []), link]);
  const fullRefresh = new Set(found.recompute);
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
  return mergeResults(result, await refreshArticles(store, [...fullRefresh], await batchOptions(store, options)));
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

/** At most `parts` runs of consecutive items, as even as can be; none empty. */
function slices<T>(list: T[], parts: number): T[][] {
  const size = Math.ceil(list.length / Math.max(1, parts)) || 1;
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out.length > 0 ? out : [[]];
}

/** Step 1's findings split into `parts` disjoint sets of articles (dealt in turn, in order of appearance). */
function byArticle(found: ItemLinks, parts: number): ItemLinks[] {
  if (parts <= 1) return [found];
  const partOf = new Map<string, number>();
  const place = (articleId: string) => {
    let part = partOf.get(articleId);
    if (part === undefined) {
      part = partOf.size % parts;
      partOf.set(articleId, part);
    }
    return part;
  };
  const out = Array.from({ length: parts }, (): ItemLinks => ({ additions: [], recompute: [] }));
  for (const addition of found.additions) out[place(addition.articleId)]?.additions.push(addition);
  for (const articleId of found.recompute) out[place(articleId)]?.recompute.push(articleId);
  return out.filter((part) => part.additions.length > 0 || part.recompute.length > 0);
}
