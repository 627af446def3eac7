import type { Article } from '../domain/article.ts';
import { applyArticlePatch, createArticleFromInput } from '../domain/article-factory.ts';
import { NotFoundError } from '../domain/errors.ts';
import { parsePublisherText } from '../domain/import-text.ts';
import { type ImportOptions, importedToInput } from '../domain/imported-article.ts';
import { type ArticleInput, type ArticlePatch, articleInputSchema } from '../domain/schemas.ts';
import { validate } from '../domain/validate.ts';
import type { AppDeps } from './app-deps.ts';

/**
 * What an editor can do to an article, saved the same way whether the
 * request came from the admin API (JSON, validated by its route) or the
 * console (forms, validated by the page with the same schemas).
 * Each change is one store write, its body run through the same allowlist sanitizer as
 * ingested HTML (an editor's HTML reaches every subscriber's reader and our pages),
 * its lead image measured first (deps.measureImage);
 * afterArticleChange then refreshes related links.
 */
export function createArticleActions(
  deps: Pick<AppDeps, 'store' | 'config' | 'now' | 'afterArticleChange' | 'measureImage' | 'sanitizeHtml'>,
) {
  const { store, config } = deps;
  const now = () => deps.now().toISOString();
  const saved = async (article: Article) => {
    await deps.afterArticleChange?.(article);
    return (await store.getArticle(article.id)) ?? article;
  };
  /** The article with its lead image measured (type and length, or why not), ready to store. */
  const measured = async (article: Article): Promise<Article> =>
    article.image && deps.measureImage ? { ...article, image: await deps.measureImage(article.image) } : article;
  const mustGet = async (id: string) => {
    const article = await store.getArticle(id);
    if (!article) throw new NotFoundError(`no article with id "${id}"`);
    return article;
  };
  const clean = (bodyHtml: string) => deps.sanitizeHtml(bodyHtml, `${config.siteUrl}/`);
  const create = async (input: ArticleInput) => {
    const safe = { ...input, bodyHtml: clean(input.bodyHtml) };
    const article = await measured(createArticleFromInput(safe, { now: now(), siteUrl: config.siteUrl }));
    await store.createArticle(article);
    return saved(article);
  };

  return {
    mustGet,
    create,
    /** The publisher's text format (domain/import-text.ts), then the same checks as a JSON create. */
    importText: (text: string, options: ImportOptions) =>
      create(validate(articleInputSchema, importedToInput(parsePublisherText(text), options), 'imported article')),
    async update(id: string, patch: ArticlePatch) {
      const safe = patch.bodyHtml === undefined ? patch : { ...patch, bodyHtml: clean(patch.bodyHtml) };
      const patched = applyArticlePatch(await mustGet(id), safe, now());
      // Measured again only when the edit sends an image.
      const article = patch.image ? await measured(patched) : patched;
      await store.updateArticle(article);
      return saved(article);
    },
    async remove(id: string) {
      if (!(await store.deleteArticle(id, now()))) throw new NotFoundError(`no article with id "${id}"`);
    },
  };
}

export type ArticleActions = ReturnType<typeof createArticleActions>;
