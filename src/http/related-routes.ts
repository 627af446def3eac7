import { Hono } from 'hono';
import { z } from 'zod';
import { articleUrlFor } from '../domain/article-url.ts';
import { NotFoundError } from '../domain/errors.ts';
import type { RelatedLink } from '../domain/related.ts';
import { validate } from '../domain/validate.ts';
import type { RelatedStore } from '../store/store.ts';

export interface RelatedRouteDeps {
  store: Pick<RelatedStore, 'getRelatedLinks'> & { getArticle(id: string): Promise<{ id: string } | undefined> };
  siteUrl: string;
  /** Recomputes one article's links now (and those of the articles it affects). */
  refreshRelated(articleId: string): Promise<{ changed: string[] }>;
}

const paramsSchema = z.strictObject({ id: z.string().min(1).max(64) });

/**
 * Admin API for related stories, mounted under /api behind the bearer token:
 *   GET  /articles/:id/related          the stored suggestions, editorial first, with score,
 *                                       source and reasons
 *   POST /articles/:id/related/refresh  recompute them now
 */
export function createRelatedRoutes(deps: RelatedRouteDeps): Hono {
  const { store } = deps;
  const mustGet = async (params: unknown) => {
    const { id } = validate(paramsSchema, params, 'path');
    const article = await store.getArticle(id);
    if (!article) throw new NotFoundError(`no article with id "${id}"`);
    return article;
  };
  const answer = async (articleId: string) => ({
    articleId,
    related: (await store.getRelatedLinks(articleId, articleUrlFor(deps.siteUrl))).map(toJson),
  });

  return new Hono()
    .get('/articles/:id/related', async (c) => {
      const article = await mustGet(c.req.param());
      return c.json(await answer(article.id));
    })
    .post('/articles/:id/related/refresh', async (c) => {
      const article = await mustGet(c.req.param());
      const result = await deps.refreshRelated(article.id);
      return c.json({ ...(await answer(article.id)), changed: result.changed });
    });
}

/** One suggestion as the API shows it: `source` is "own" or the external source's name. */
function toJson(link: RelatedLink) {
  return {
    title: link.title,
    url: link.url ?? null,
    source: link.source ?? null,
    kind: link.kind ?? null,
    targetId: link.targetId ?? null,
    publishedAt: link.publishedAt ?? null,
    editorial: link.editorial,
    resolved: link.url !== undefined,
    score: link.score,
    reasons: link.reasons,
  };
}
