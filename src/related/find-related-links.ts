import type { Article } from '../domain/article.ts';
import { articleUrl, articleUrlFor } from '../domain/article-url.ts';
import { htmlToPlainText } from '../domain/plain-text.ts';
import { MAX_RELATED_LINKS, type RelatedLink } from '../domain/related.ts';
import type { RelatedStore, Store } from '../store/store.ts';
import { type EditorialOptions, resolveEditorialLinks } from './resolve-editorial-links.ts';
import { type ScoredStory, type ScoreOptions, scoreRelated } from './score-related.ts';
import { storyProfile } from './story-terms.ts';
import { type WeightedQueryOptions, weightedQuery } from './weighted-query.ts';

export type FindRelatedDeps = Pick<Store, 'getArticle'> &
  Pick<RelatedStore, 'searchStories' | 'countStoriesWithTerms' | 'countStories'>;

export interface FindRelatedOptions extends EditorialOptions, WeightedQueryOptions, Omit<ScoreOptions, 'exclude'> {
  /** How many stories the index returns for scoring. */
  candidateLimit?: number;
}

export const DEFAULT_CANDIDATE_LIMIT = 60;

/**
 * Every related link of one article to store: the editor's first, then the
 * best scored stories up to k in all (MAX_RELATED_LINKS unless told: more
 * than feeds show, so any `?limit=` is a read; the editor's links are all
 * kept even when they are more than k).
 */
export async function findRelatedLinks(
  store: FindRelatedDeps,
  article: Article,
  options: FindRelatedOptions,
): Promise<RelatedLink[]> {
  const editorial = await resolveEditorialLinks(store, article, options);
  const k = Math.max(0, (options.k ?? MAX_RELATED_LINKS) - editorial.length);
  const computed = k > 0 ? await scoreForArticle(store, article, editorial, { ...options, k }) : [];
  return [...editorial, ...computed.map((story, i) => linkFromScored(story, editorial.length + i))];
}

/** The scored stories for an article, excluding what its editorial links already cover. */
export async function scoreForArticle(
  store: FindRelatedDeps,
  article: Article,
  editorial: RelatedLink[],
  options: FindRelatedOptions,
): Promise<ScoredStory[]> {
  const body = htmlToPlainText(article.bodyHtml);
  const { terms, query } = await weightedQuery(
    store,
    storyProfile({ title: article.title, summary: article.summary, body }),
    options,
  );
  const { candidates, selfTextScore } = await store.searchStories({
    terms,
    field: 'text',
    self: { kind: 'own', id: article.id },
    now: options.now,
    articleUrl: articleUrlFor(options.siteUrl),
    limit: options.candidateLimit ?? DEFAULT_CANDIDATE_LIMIT,
  });
  const subject = {
    kind: 'own' as const,
    id: article.id,
    title: article.title,
    summary: article.summary,
    lead: body,
    url: articleUrl(options.siteUrl, article.categorySlug, article.slug),
    category: article.category,
    tags: article.tags,
    terms,
    query,
    ...(article.publishedAt ? { publishedAt: article.publishedAt } : {}),
    ...(selfTextScore ? { selfTextScore } : {}),
  };
  return scoreRelated(subject, candidates, {
    ...options,
    exclude: {
      ids: editorial.flatMap((l) => l.targetId ?? []),
      urls: editorial.flatMap((l) => l.url ?? []),
      titles: editorial.map((l) => l.title),
    },
  });
}

function linkFromScored(story: ScoredStory, position: number): RelatedLink {
  const link: RelatedLink = {
    position,
    editorial: false,
    kind: story.kind,
    targetId: story.id,
    title: story.title,
    source: story.source,
    score: story.score,
    reasons: story.reasons,
  };
  if (story.url) link.url = story.url;
  if (story.publishedAt) link.publishedAt = story.publishedAt;
  return link;
}
