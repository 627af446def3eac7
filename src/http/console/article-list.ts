import { html } from 'hono/html';
import type { z } from 'zod';
import type { Article } from '../../domain/article.ts';
import type { articleListQuerySchema } from '../../domain/schemas.ts';
import type { CategorySummary, Page } from '../../store/store.ts';
import { formatWhen } from './console-layout.ts';

type ArticleListQuery = z.output<typeof articleListQuerySchema>;

export interface ArticleListView {
  page: Page<Article>;
  categories: CategorySummary[];
  query: ArticleListQuery;
  now: string;
}

/** A draft, live, or scheduled (published with a time still to come). */
export function statusBadge(article: Article, now: string) {
  if (article.status === 'draft') return html`<span class="badge draft">draft</span>`;
  if (article.publishedAt && article.publishedAt > now) return html`<span class="badge scheduled">scheduled</span>`;
  return html`<span class="badge published">published</span>`;
}

/** GET /admin/articles: search and filters (a GET form, so every result list has its own URL), then the table. */
export function renderArticleList({ page, categories, query, now }: ArticleListView) {
  const option = (value: string, label: string, current: string | undefined) =>
    html`<option value="${value}"${value === (current ?? '') ? ' selected' : ''}>${label}</option>`;
  const next = new URLSearchParams();
  if (query.q) next.set('q', query.q);
  if (query.category) next.set('category', query.category);
  if (query.status) next.set('status', query.status);
  if (page.nextCursor) next.set('cursor', page.nextCursor);
  return html`<h1>Articles</h1>
<p class="actions"><a class="button" href="/admin/articles/new">New article</a> <a class="button secondary" href="/admin/articles/import">Import text</a></p>
<form method="get" action="/admin/articles" class="filters panel" role="search">
<div><label for="q">Search</label><span class="hint" id="q-hint">Headline, summary and body</span><input aria-describedby="q-hint" type="search" id="q" name="q" value="${query.q ?? ''}"></div>
<div><label for="category">Category</label><select id="category" name="category" data-autosubmit>${option('', 'All categories', query.category)}${categories.map((cat) => option(cat.slug, `${cat.name} (${cat.total})`, query.category))}</select></div>
<div><label for="status">Status</label><select id="status" name="status" data-autosubmit>${option('', 'Any status', query.status)}${option('published', 'Published or scheduled', query.status)}${option('draft', 'Draft', query.status)}</select></div>
<div><button type="submit">Apply</button></div>
</form>
${
  page.items.length
    ? html`<div class="table-wrap"><table class="stack"><caption class="muted">${page.items.length} article${page.items.length === 1 ? '' : 's'}${query.q ? html` matching “${query.q}”` : ''}</caption>
<thead><tr><th scope="col">Headline</th><th scope="col">Category</th><th scope="col">Status</th><th scope="col">Publish time</th><th scope="col">Updated</th></tr></thead><tbody>
${page.items.map(
  (a) =>
    html`<tr><td data-label="Headline"><a href="/admin/articles/${a.id}">${a.title}</a></td><td data-label="Category">${a.category}</td><td data-label="Status">${statusBadge(a, now)}</td><td data-label="Publish time">${formatWhen(a.publishedAt)}</td><td data-label="Updated">${formatWhen(a.updatedAt)}</td></tr>`,
)}</tbody></table></div>`
    : html`<p class="muted">No article matches.</p>`
}
${page.nextCursor ? html`<p><a href="/admin/articles?${next.toString()}" rel="next">Older articles</a></p>` : ''}`;
}
