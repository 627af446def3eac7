import type { Article } from '../domain/article.ts';
import { articleUrlFor } from '../domain/article-url.ts';
import type { RelatedLink, StoryCandidate } from '../domain/related.ts';
import type { RelatedStore, Store } from '../store/store.ts';
import { DEFAULT_TITLE_THRESHOLD, matchTitle } from './match-title.ts';
import { titleTokens } from './normalize-title.ts';

export type EditorialDeps = Pick<Store, 'getArticle'> & Pick<RelatedStore, 'searchStories'>;

export interface EditorialOptions {
  now: string;
  siteUrl: string;
  titleThreshold?: number;
}

const TITLE_CANDIDATES = 20;

/**
 * The editor's `RELATED:` links as related links, in the editor's order. A
 * link that names an article id or a URL keeps it; a headline alone is looked
 * up among our published articles and the ingested items (ours first on a
 * tie) and stays an unresolved title when nothing matches closely enough.
 */
export async function resolveEditorialLinks(
  store: EditorialDeps,
  article: Article,
  options: EditorialOptions,
): Promise<RelatedLink[]> {
  const links: RelatedLink[] = [];
  for (const editorial of article.relatedLinks) {
    const base = { position: links.length, editorial: true, title: editorial.title, score: 1 };
    const reasons = [{ type: 'editorial' as const }];
    const own = editorial.articleId ? await store.getArticle(editorial.articleId) : undefined;
    if (own && own.id !== article.id) {
      const link: RelatedLink = { ...base, kind: 'own', targetId: own.id, source: 'own', reasons };
      if (own.publishedAt) link.publishedAt = own.publishedAt;
      links.push(link);
    } else if (editorial.url) {
      links.push({ ...base, url: editorial.url, source: new URL(editorial.url).hostname, reasons });
    } else {
      const match = await findByTitle(store, article, editorial.title, options);
      links.push(match ? linkTo(match.item, base, match.similarity) : { ...base, score: 0, reasons });
    }
  }
  return links;
}

async function findByTitle(store: EditorialDeps, article: Article, title: string, options: EditorialOptions) {
  // FTS5's tokenizer splits at apostrophes ("putin’s" -> putin, s); search the same words.
  const terms = titleTokens(title.replace(/['\u2018\u2019\u02bc]/g, ' '));
  const { candidates } = await store.searchStories({
    terms,
    field: 'title',
    self: { kind: 'own', id: article.id },
    now: options.now,
    articleUrl: articleUrlFor(options.siteUrl),
    limit: TITLE_CANDIDATES,
  });
  const preferOwn = [...candidates].sort((a, b) => Number(b.kind === 'own') - Number(a.kind === 'own'));
  return matchTitle(title, preferOwn, (c) => c.title, { threshold: options.titleThreshold ?? DEFAULT_TITLE_THRESHOLD });
}

function linkTo(
  story: StoryCandidate,
  base: Pick<RelatedLink, 'position' | 'editorial' | 'title'>,
  similarity: number,
): RelatedLink {
  const link: RelatedLink = {
    ...base,
    kind: story.kind,
    targetId: story.id,
    source: story.source,
    score: Math.round(similarity * 10_000) / 10_000,
    reasons: [{ type: 'editorial' }],
  };
  if (story.url) link.url = story.url;
  if (story.publishedAt) link.publishedAt = story.publishedAt;
  return link;
}
