import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { articleUrlFor } from '../domain/article-url.ts';
import { NotFoundError } from '../domain/errors.ts';
import { DEFAULT_RELATED_LINKS, MAX_RELATED_LINKS, type RelatedLink } from '../domain/related.ts';
import type { RelatedStore } from '../store/store.ts';
import { createApiRouter } from './openapi/api-router.ts';
import { errors, json, relatedAnswerSchema } from './openapi/api-schemas.ts';

export interface RelatedRouteDeps {
  store: Pick<RelatedStore, 'getRelatedLinks'> & { getArticle(id: string): Promise<{ id: string } | undefined> };
  siteUrl: string;
  /** Links shown when the request names no `limit` (RELATED_LINKS). */
  relatedLinks?: number;
  /** Recomputes one article's links now (and those of the articles it affects). */
  refreshRelated(articleId: string): Promise<{ changed: string[] }>;
}

const paramsSchema = z.strictObject({ id: z.string().min(1).max(64) });
/** Up to MAX_RELATED_LINKS: that many computed links are stored, so any limit is a read. */
const querySchema = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_RELATED_LINKS).optional(),
});

const read = createRoute({
  method: 'get',
  path: '/articles/{id}/related',
  tags: ['Related stories'],
  summary:
    "The article's related stories, editorial first, each with score, source and reasons; `limit` (1-20) defaults to RELATED_LINKS",
  request: { params: paramsSchema, query: querySchema },
  responses: { 200: json(relatedAnswerSchema, 'The stored suggestions'), ...errors(400, 404) },
});
const refresh = createRoute({
  method: 'post',
  path: '/articles/{id}/related/refresh',
  tags: ['Related stories'],
  summary: 'Recompute them now (and those of the articles it affects)',
  request: { params: paramsSchema, query: querySchema },
  responses: { 200: json(relatedAnswerSchema, 'The new suggestions and what changed'), ...errors(400, 404) },
});

/** Admin API for related stories, mounted under /api behind the bearer token. */
export function createRelatedRoutes(deps: RelatedRouteDeps): OpenAPIHono {
  const { store } = deps;
  const mustGet = async (id: string) => {
    const article = await store.getArticle(id);
    if (!article) throw new NotFoundError(`no article with id "${id}"`);
    return article;
  };
  const answer = async (articleId: string, limit = deps.relatedLinks ?? DEFAULT_RELATED_LINKS) => ({
    articleId,
    related: (await store.getRelatedLinks(articleId, articleUrlFor(deps.siteUrl), limit)).map(toJson),
  });

  const app = createApiRouter();
  app.openapi(read, async (c) => {
    const article = await mustGet(c.req.valid('param').id);
    return c.json(await answer(article.id, c.req.valid('query').limit), 200);
  });
  app.openapi(refresh, async (c) => {
    const article = await mustGet(c.req.valid('param').id);
    const result = await deps.refreshRelated(article.id);
    return c.json({ ...(await answer(article.id, c.req.valid('query').limit)), changed: result.changed }, 200);
  });
  return app;
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
