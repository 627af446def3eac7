import type { ExternalStory, RelatedStore } from '../store/store.ts';
import type { FindRelatedOptions } from './find-related-links.ts';
import { scoreRelated } from './score-related.ts';
import { selectQueryTerms } from './select-query-terms.ts';
import { storyTerms } from './story-terms.ts';

/** How many of our articles one new item may join the related set of. */
export const ARTICLES_PER_ITEM = 3;

/**
 * Our articles a newly ingested item may be related to: the same query and
 * scorer as for an article, seen from the item's side, so an item joins an
 * article's refresh only when it would score above the minimum there too.
 */
export async function findArticlesForStory(
  store: Pick<RelatedStore, 'searchStories' | 'countStoriesWithTerms'>,
  item: ExternalStory,
  options: FindRelatedOptions,
): Promise<string[]> {
  const terms = storyTerms({ title: item.title, summary: item.summary, body: item.text });
  const { candidates, selfTextScore } = await store.searchStories({
    terms: await selectQueryTerms(store, terms, options),
    field: 'text',
    kind: 'own',
    self: { kind: 'external', id: item.id },
    now: options.now,
    siteUrl: options.siteUrl,
    limit: ARTICLES_PER_ITEM * 3,
  });
  const subject = {
    kind: 'external' as const,
    id: item.id,
    title: item.title,
    tags: item.tags,
    terms,
    publishedAt: item.publishedAt,
    ...(item.url ? { url: item.url } : {}),
    ...(item.category ? { category: item.category } : {}),
    ...(selfTextScore ? { selfTextScore } : {}),
  };
  const { k: _k, ...scoreOptions } = options;
  return scoreRelated(subject, candidates, { ...scoreOptions, k: ARTICLES_PER_ITEM }).map((story) => story.id);
}
