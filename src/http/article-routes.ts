import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { articleInputSchema, articleListQuerySchema, articlePatchSchema } from '../domain/schemas.ts';
import type { AppDeps } from './app-deps.ts';
import { createArticleActions } from './article-actions.ts';
import { createApiRouter, invalid, requireJsonBody } from './openapi/api-router.ts';
import {
  articleSchema,
  categorySchema,
  errors,
  json,
  pageOf,
  publishResultSchema,
  publishRunSchema,
} from './openapi/api-schemas.ts';
import { readText } from './read-body.ts';

const importQuerySchema = z.strictObject({
  status: z.enum(['draft', 'published']).default('published'),
  image: z.string().max(2048).optional().meta({ description: 'Lead image URL (the text names only its credit)' }),
  publishedAt: z.string().optional(),
});
const idParams = z.strictObject({ id: z.string().min(1).max(64) });
const runsQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) });
const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

const list = createRoute({
  method: 'get',
  path: '/articles',
  tags: ['Articles'],
  summary: 'List articles, newest first; `q` searches title, summary and body',
  request: { query: articleListQuerySchema },
  responses: { 200: json(pageOf(articleSchema), 'A page of articles'), ...errors(400) },
});
const create = createRoute({
  method: 'post',
  path: '/articles',
  tags: ['Articles'],
  summary: 'Create an article (a draft unless status is "published")',
  middleware: [requireJsonBody],
  request: jsonBody(articleInputSchema),
  responses: { 201: json(articleSchema, 'Created; Location names it'), ...errors(400, 409, 413, 415) },
});
const importText = createRoute({
  method: 'post',
  path: '/articles/import',
  tags: ['Articles'],
  summary: "Import one article in the publisher's text format",
  request: {
    query: importQuerySchema,
    body: { content: { 'text/plain': { schema: z.string() } }, required: true },
  },
  responses: { 201: json(articleSchema, 'Imported'), ...errors(400, 409, 413, 415, 422) },
});
const read = createRoute({
  method: 'get',
  path: '/articles/{id}',
  tags: ['Articles'],
  summary: 'Read one article',
  request: { params: idParams },
  responses: { 200: json(articleSchema, 'The article'), ...errors(404) },
});
const patch = createRoute({
  method: 'patch',
  path: '/articles/{id}',
  tags: ['Articles'],
  summary: 'Edit an article: any subset of fields; null clears an optional one',
  middleware: [requireJsonBody],
  request: { params: idParams, ...jsonBody(articlePatchSchema) },
  responses: { 200: json(articleSchema, 'The edited article'), ...errors(400, 404, 409, 413, 415) },
});
const remove = createRoute({
  method: 'delete',
  path: '/articles/{id}',
  tags: ['Articles'],
  summary: 'Delete an article; it leaves the feeds at the next publish',
  request: { params: idParams },
  responses: { 204: { description: 'Deleted' }, ...errors(404) },
});
const categories = createRoute({
  method: 'get',
  path: '/categories',
  tags: ['Articles'],
  summary: 'Categories with total and published counts',
  responses: { 200: json(z.object({ items: z.array(categorySchema) }), 'Every category'), ...errors() },
});
const publish = createRoute({
  method: 'post',
  path: '/publish',
  tags: ['Publishing'],
  summary: 'Publish now: rewrite every feed whose articles changed',
  responses: {
    200: json(publishResultSchema, "Every document that changed was written: the run's summary"),
    500: json(
      publishResultSchema,
      "Some documents failed (`errors` names them; their previous versions are still served): the run's summary",
    ),
    ...errors(),
  },
});
const runs = createRoute({
  method: 'get',
  path: '/publish/runs',
  tags: ['Publishing'],
  summary: 'Recent publish runs: when, which documents, how long, errors',
  request: { query: runsQuery },
  responses: { 200: json(z.object({ items: z.array(publishRunSchema) }), 'Newest first'), ...errors(400) },
});

/** Admin CRUD for articles, mounted under /api behind the bearer token; each route documents itself. */
export function createArticleRoutes(deps: AppDeps): OpenAPIHono {
  const { store } = deps;
  const actions = createArticleActions(deps);
  const now = () => deps.now().toISOString();
  const app = createApiRouter();
  app.openapi(list, async (c) => c.json(await store.listArticles(c.req.valid('query')), 200));
  app.openapi(
    create,
    async (c) => {
      const article = await actions.create(c.req.valid('json'));
      c.header('Location', `/api/articles/${article.id}`);
      return c.json(article, 201);
    },
    invalid('article'),
  );
  app.openapi(importText, async (c) => {
    const article = await actions.importText(await readText(c, 'text/plain'), c.req.valid('query'));
    c.header('Location', `/api/articles/${article.id}`);
    return c.json(article, 201);
  });
  app.openapi(read, async (c) => c.json(await actions.mustGet(c.req.valid('param').id), 200));
  app.openapi(
    patch,
    async (c) => c.json(await actions.update(c.req.valid('param').id, c.req.valid('json')), 200),
    invalid('article patch'),
  );
  app.openapi(remove, async (c) => {
    await actions.remove(c.req.valid('param').id);
    return c.body(null, 204);
  });
  app.openapi(categories, async (c) => c.json({ items: await store.listCategories(now()) }, 200));
  app.openapi(publish, async (c) => {
    const run = await deps.publisher.publish('api');
    // A run with failed documents is a 500 (RFC 9110 §15.6.1: the server failed to do what was
    // asked), with the summary as its body. Not 207: Multi-Status is WebDAV's, a 2xx that scripts
    // and CI steps take for success. Not 502: no upstream failed, our own render or write did.
    return run.errors.length > 0 ? c.json(run, 500) : c.json(run, 200);
  });
  app.openapi(runs, async (c) => c.json({ items: await store.listPublishRuns(c.req.valid('query').limit) }, 200));
  return app;
}
