import { Hono } from 'hono';
import { html, raw } from 'hono/html';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type Article, isVisibleAt } from '../../domain/article.ts';
import { ConflictError, ValidationError } from '../../domain/errors.ts';
import { articleInputSchema, articleListQuerySchema, articlePatchSchema } from '../../domain/schemas.ts';
import { type FieldProblem, validate } from '../../domain/validate.ts';
import type { AppDeps } from '../app-deps.ts';
import { createArticleActions } from '../article-actions.ts';
import { articleFormToJson, articleToForm, readArticleForm, renderArticleForm } from './article-form.ts';
import { createImportPage } from './article-import-page.ts';
import { renderArticleList } from './article-list.ts';
import { csrfField, renderConsolePage } from './console-layout.ts';
import { createRelatedPage } from './related-page.ts';
import type { ConsoleEnv } from './session.ts';

const NOTICES: Record<string, string> = {
  created: 'Article created.',
  saved: 'Article saved.',
  imported: 'Article imported.',
  deleted: 'Article deleted.',
};

/** Articles in the console: list and search, create and edit with a preview, delete with a confirm. */
export function createArticlePages(deps: AppDeps): Hono<ConsoleEnv> {
  const actions = createArticleActions(deps);
  const { store } = deps;
  const nowIso = () => deps.now().toISOString();
  const notice = (done: string | undefined) => (done && NOTICES[done] ? { notice: NOTICES[done] } : {});

  const formPage = (
    c: { get(k: 'session'): { csrfToken: string } },
    page: {
      title: string;
      action: string;
      values: Record<string, string>;
      submitLabel: string;
      problems?: FieldProblem[];
      preview?: boolean;
      article?: Article;
      notice?: string;
    },
  ) => {
    const { csrfToken } = c.get('session');
    const form = renderArticleForm({ ...page, problems: page.problems ?? [], csrfToken });
    const links = page.article ? articleLinks(page.article, nowIso()) : '';
    return renderConsolePage({
      title: page.title,
      section: 'articles',
      csrfToken,
      body: html`<h1>${page.title}</h1>${links}${page.preview ? renderPreview(deps.sanitizeHtml(page.values.bodyHtml ?? '', deps.config.publicUrl), page.values) : ''}${form}`,
      ...(page.notice && { notice: page.notice }),
    });
  };
  /** A failed save shows the form again with its problems; anything else is the console's error page. */
  const problemsOf = (error: unknown): { status: ContentfulStatusCode; problems: FieldProblem[] } => {
    if (error instanceof ValidationError) {
      const problems = Array.isArray(error.details) ? (error.details as FieldProblem[]) : [];
      return { status: 400, problems: problems.length ? problems : [{ field: '(form)', message: error.message }] };
    }
    if (error instanceof ConflictError) return { status: 409, problems: [{ field: 'slug', message: error.message }] };
    throw error;
  };

  return new Hono<ConsoleEnv>()
    .get('/articles', async (c) => {
      const query = validate(articleListQuerySchema, withoutBlank(c.req.query()), 'filters');
      const [page, categories] = await Promise.all([store.listArticles(query), store.listCategories(nowIso())]);
      const body = renderArticleList({ page, categories, query, now: nowIso() });
      return c.html(
        renderConsolePage({
          title: 'Articles',
          section: 'articles',
          csrfToken: c.get('session').csrfToken,
          body,
          ...notice(c.req.query('done')),
        }),
      );
    })
    .get('/articles/new', (c) =>
      c.html(
        formPage(c, {
          title: 'New article',
          action: '/admin/articles',
          values: { status: 'draft' },
          submitLabel: 'Create article',
        }),
      ),
    )
    .post('/articles', async (c) => {
      const values = readArticleForm(await c.req.parseBody());
      const page = { title: 'New article', action: '/admin/articles', values, submitLabel: 'Create article' };
      if ((await c.req.parseBody()).intent === 'preview') return c.html(formPage(c, { ...page, preview: true }));
      try {
        const article = await actions.create(
          validate(articleInputSchema, articleFormToJson(values, 'create'), 'article'),
        );
        return c.redirect(`/admin/articles/${article.id}?done=created`, 303);
      } catch (error) {
        const { status, problems } = problemsOf(error);
        return c.html(formPage(c, { ...page, problems }), status);
      }
    })
    .route('/', createImportPage(actions))
    .get('/articles/:id', async (c) => {
      const article = await actions.mustGet(c.req.param('id'));
      const page = {
        title: `Edit: ${article.title}`,
        action: `/admin/articles/${article.id}`,
        values: articleToForm(article),
        article,
        submitLabel: 'Save changes',
      };
      return c.html(formPage(c, { ...page, ...notice(c.req.query('done')) }));
    })
    .post('/articles/:id', async (c) => {
      const article = await actions.mustGet(c.req.param('id'));
      const values = readArticleForm(await c.req.parseBody());
      const page = {
        title: `Edit: ${article.title}`,
        action: `/admin/articles/${article.id}`,
        values,
        article,
        submitLabel: 'Save changes',
      };
      if ((await c.req.parseBody()).intent === 'preview') return c.html(formPage(c, { ...page, preview: true }));
      try {
        await actions.update(article.id, validate(articlePatchSchema, articleFormToJson(values, 'edit'), 'article'));
        return c.redirect(`/admin/articles/${article.id}?done=saved`, 303);
      } catch (error) {
        const { status, problems } = problemsOf(error);
        return c.html(formPage(c, { ...page, problems }), status);
      }
    })
    .get('/articles/:id/delete', async (c) => {
      const article = await actions.mustGet(c.req.param('id'));
      const { csrfToken } = c.get('session');
      const body = html`<h1>Delete “${article.title}”?</h1>
<p>It leaves every feed at the next publish, and its page answers 404. This cannot be undone.</p>
<form method="post" action="/admin/articles/${article.id}/delete" class="actions">${csrfField(csrfToken)}
<button type="submit" class="danger">Delete article</button> <a class="button secondary" href="/admin/articles/${article.id}">Keep it</a></form>`;
      return c.html(renderConsolePage({ title: 'Delete article', section: 'articles', csrfToken, body }));
    })
    .post('/articles/:id/delete', async (c) => {
      await actions.remove(c.req.param('id'));
      return c.redirect('/admin/articles?done=deleted', 303);
    })
    .route('/', createRelatedPage(deps));
}

/** Empty filter fields (a submitted form with nothing chosen) mean "no filter". */
function withoutBlank(query: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value.trim() !== ''));
}

function articleLinks(article: Article, now: string) {
  const live = isVisibleAt(article, now);
  return html`<p class="actions">${live ? html`<a href="/${article.categorySlug}/${article.slug}">View the public page</a>` : ''}
<a href="/admin/articles/${article.id}/related">Related stories</a>
<a href="/admin/articles/${article.id}/delete">Delete…</a></p>`;
}

/** The body as a reader would see it: sanitized, because the preview is a page like any other. */
function renderPreview(clean: string, values: Record<string, string>) {
  return html`<section aria-labelledby="h-preview"><h2 id="h-preview">Preview</h2>
<div class="preview"><h1>${values.title ?? ''}</h1>${values.summary ? html`<p><strong>${values.summary}</strong></p>` : ''}${raw(clean)}</div></section>`;
}
