import { articleUrlFor } from '../domain/article-url.ts';
import type { ExternalStory, RelatedStore } from '../store/store.ts';
import type { FindRelatedOptions } from './find-related-links.ts';
import { type ScoredStory, scoreRelated } from './score-related.ts';
import { storyProfile } from './story-terms.ts';
import { weightedQuery } from './weighted-query.ts';

/** How many of our articles one new item may join the related set of. */
export const ARTICLES_PER_ITEM = 3;
const ITEM_QUERY_TERMS = 6;

/**
 * Our articles a newly ingested item may be related to, scored from the
 * item's side with the same query builder and scorer as for an article:
 * text relevance scaled by the item's own score, shared tags, category and
 * recency. BM25 is not symmetric, but close enough to decide which articles
 * gain the item; an article's next save rescores everything from its side.
 */
export async function findArticlesForStory(
  store: Pick<RelatedStore, 'searchStories' | 'countStoriesWithTerms' | 'countStories'>,
  item: ExternalStory,
  options: FindRelatedOptions,
): Promise<ScoredStory[]> {
  // Fewer words than an article's own query: this runs once per ingested item.
  const { terms, query } = await weightedQuery(
    store,
    storyProfile({ title: item.title, summary: item.summary, body: item.text }),
    { ...options, maxQueryTerms: ITEM_QUERY_TERMS },
  );
  // Our articles' index holds no score for the item itself (searchStories returns none):
  // scoreRelated scales by the item's own BM25F on headline and lead, from `query`.
  const { candidates } = await store.searchStories({
    terms,
    field: 'text',
    kind: 'own',
    self: { kind: 'external', id: item.id },
    now: options.now,
    articleUrl: articleUrlFor(options.siteUrl),
    limit: ARTICLES_PER_ITEM * 3,
  });
  const subject = {
    kind: 'external' as const,
    id: item.id,
    title: item.title,
    summary: item.summary,
    lead: item.text,
    tags: item.tags,
    terms,
    query,
    publishedAt: item.publishedAt,
    ...(item.url ? { url: item.url } : {}),
    ...(item.category ? { category: item.category } : {}),
  };
  const { k: _k, ...scoreOptions } = options;
  return scoreRelated(subject, candidates, { ...scoreOptions, k: ARTICLES_PER_ITEM });
}
