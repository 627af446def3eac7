import { Hono } from 'hono';
import { z } from 'zod';
import type { Article } from '../domain/article.ts';
import { applyArticlePatch, createArticleFromInput } from '../domain/article-factory.ts';
import { NotFoundError } from '../domain/errors.ts';
import { parsePublisherText } from '../domain/import-text.ts';
import { importedToInput } from '../domain/imported-article.ts';
import { articleInputSchema, articleListQuerySchema, articlePatchSchema } from '../domain/schemas.ts';
import { validate } from '../domain/validate.ts';
import type { AppDeps } from './app-deps.ts';
import { readJson, readText } from './read-body.ts';

const importQuerySchema = z.strictObject({
  status: z.enum(['draft', 'published']).default('published'),
  image: z.string().max(2048).optional(),
  publishedAt: z.string().optional(),
});

/** Admin CRUD for articles, mounted under /api behind the bearer token. */
export function createArticleRoutes(deps: AppDeps): Hono {
  const { store, config } = deps;
  const now = () => deps.now().toISOString();
  const saved = async (article: Article) => {
    await deps.afterArticleChange?.(article);
    return (await store.getArticle(article.id)) ?? article;
  };
  const mustGet = async (id: string) => {
    const article = await store.getArticle(id);
    if (!article) throw new NotFoundError(`no article with id "${id}"`);
    return article;
  };

  return new Hono()
    .get('/articles', async (c) => {
      const query = validate(articleListQuerySchema, c.req.query(), 'query');
      return c.json(await store.listArticles(query));
    })
    .post('/articles', async (c) => {
      const input = validate(articleInputSchema, await readJson(c), 'article');
      const article = createArticleFromInput(input, { now: now(), siteUrl: config.siteUrl });
      await store.createArticle(article);
      c.header('Location', `/api/articles/${article.id}`);
      return c.json(await saved(article), 201);
    })
    .post('/articles/import', async (c) => {
      const options = validate(importQuerySchema, c.req.query(), 'query');
      const imported = parsePublisherText(await readText(c, 'text/plain'));
      const input = validate(articleInputSchema, importedToInput(imported, options), 'imported article');
      const article = createArticleFromInput(input, { now: now(), siteUrl: config.siteUrl });
      await store.createArticle(article);
      c.header('Location', `/api/articles/${article.id}`);
      return c.json(await saved(article), 201);
    })
    .get('/articles/:id', async (c) => c.json(await mustGet(c.req.param('id'))))
    .patch('/articles/:id', async (c) => {
      const patch = validate(articlePatchSchema, await readJson(c), 'article patch');
      const article = applyArticlePatch(await mustGet(c.req.param('id')), patch, now());
      await store.updateArticle(article);
      return c.json(await saved(article));
    })
    .delete('/articles/:id', async (c) => {
      const article = await mustGet(c.req.param('id'));
      await store.deleteArticle(article.id);
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
