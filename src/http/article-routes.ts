import { Hono } from 'hono';
import { z } from 'zod';
import { articleListQuerySchema } from '../domain/schemas.ts';
import { validate } from '../domain/validate.ts';
import type { AppDeps } from './app-deps.ts';
import { createArticleActions } from './article-actions.ts';
import { readJson, readText } from './read-body.ts';

const importQuerySchema = z.strictObject({
  status: z.enum(['draft', 'published']).default('published'),
  image: z.string().max(2048).optional(),
  publishedAt: z.string().optional(),
});

/** Admin CRUD for articles, mounted under /api behind the bearer token. */
export function createArticleRoutes(deps: AppDeps): Hono {
  const { store } = deps;
  const actions = createArticleActions(deps);
  const now = () => deps.now().toISOString();

  return new Hono()
    .get('/articles', async (c) => {
      const query = validate(articleListQuerySchema, c.req.query(), 'query');
      return c.json(await store.listArticles(query));
    })
    .post('/articles', async (c) => {
      const article = await actions.create(await readJson(c));
      c.header('Location', `/api/articles/${article.id}`);
      return c.json(article, 201);
    })
    .post('/articles/import', async (c) => {
      const options = validate(importQuerySchema, c.req.query(), 'query');
      const article = await actions.importText(await readText(c, 'text/plain'), options);
      c.header('Location', `/api/articles/${article.id}`);
      return c.json(article, 201);
    })
    .get('/articles/:id', async (c) => c.json(await actions.mustGet(c.req.param('id'))))
    .patch('/articles/:id', async (c) => c.json(await actions.update(c.req.param('id'), await readJson(c))))
    .delete('/articles/:id', async (c) => {
      await actions.remove(c.req.param('id'));
      return c.body(null, 204);
    })
    .get('/categories', async (c) => c.json({ items: await store.listCategories(now()) }))
    .post('/publish', async (c) => c.json(await deps.publisher.publish('api')))
    .get('/publish/runs', async (c) => {
      const { limit } = validate(
        z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
        c.req.query(),
      );
      return c.json({ items: await store.listPublishRuns(limit) });
    });
}
