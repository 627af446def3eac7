import type { Context } from 'hono';
import { html } from 'hono/html';
import type { AppDeps } from '../app-deps.ts';
import { renderPage } from '../page-layout.ts';
import { errorPage } from './error-page.ts';
import { loadHeadlinePage } from './headline-page.ts';
import { pager, type SiteParts } from './site-parts.ts';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** `/<category>`: the category's latest headlines, paged, and its feeds. */
export async function categoryPage(c: Context, deps: Pick<AppDeps, 'config' | 'store' | 'now'>, parts: SiteParts) {
  const { config, store } = deps;
  const slug = c.req.param('category') ?? '';
  const now = deps.now().toISOString();
  const category = SLUG.test(slug)
    ? (await store.listCategories(now)).find((cat) => cat.slug === slug && cat.published > 0)
    : undefined;
  if (!category) return errorPage(c, config, parts, 404, `There is no category at ${c.req.path}.`);
  const before = c.req.query('before');
  const page = await loadHeadlinePage(store, { categorySlug: slug, now, ...(before !== undefined && { before }) });
  if (!page) {
    return errorPage(
      c,
      config,
      parts,
      400,
      `"${before}" is not a page of ${category.name}; start from its first page.`,
    );
  }
  const feeds = parts.feedsFor(category.slug, category.name);
  const body = html`${parts.masthead()}
<main>
<p class="meta"><a href="/">Home</a></p>
<h1>${category.name}</h1>
${parts.headlines(page.articles, false)}
${pager(`/${category.slug}`, page)}
<section class="subscribe"><h2>Follow ${category.name}</h2>${parts.feedLinks(feeds)}</section>
</main>`;
  return c.html(
    renderPage(
      {
        title: `${category.name} · ${config.siteTitle}`,
        language: config.language,
        feeds: [...feeds, ...parts.allFeeds()],
      },
      body,
    ),
  );
}
