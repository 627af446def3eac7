import type { Context } from 'hono';
import { html } from 'hono/html';
import type { AppDeps } from '../app-deps.ts';
import { renderPage } from '../page-layout.ts';
import { errorPage } from './error-page.ts';
import { loadHeadlinePage } from './headline-page.ts';
import { pager, type SiteParts } from './site-parts.ts';

/** `/`: the latest headlines, paged, then every feed to subscribe to. */
export async function homePage(c: Context, deps: Pick<AppDeps, 'config' | 'store' | 'now'>, parts: SiteParts) {
  const { config, store } = deps;
  const now = deps.now().toISOString();
  const before = c.req.query('before');
  const [page, categories] = await Promise.all([
    loadHeadlinePage(store, { now, ...(before !== undefined && { before }) }),
    store.listCategories(now),
  ]);
  if (!page)
    return errorPage(c, config, parts, 400, `"${before}" is not a page of this site; start from the front page.`);
  const published = categories.filter((cat) => cat.published > 0);
  const all = parts.allFeeds();
  const perCategory = published.map((cat) => ({ ...cat, feeds: parts.feedsFor(cat.slug, cat.name) }));
  const body = html`${parts.masthead()}
<main>
<h1>${config.siteTitle}</h1>
<p class="lede">${config.siteDescription}.</p>
<nav class="sections" aria-label="Categories"><ul>${published.map((cat) => html`<li><a href="/${cat.slug}">${cat.name}</a></li>`)}</ul></nav>
${page.articles.length ? parts.headlines(page.articles, true) : html`<p>No stories yet.</p>`}
${pager('/', page)}
<section class="subscribe">
<h2>Subscribe</h2>
<p>Follow everything or one category, in the format your reader likes.</p>
<h3>All stories</h3>${parts.feedLinks(all)}
<p>Follow a tag or a writer: <a href="/tags">all tags</a> · <a href="/authors">all authors</a> · every feed as <a href="/feeds.opml">OPML</a></p>
<ul class="categories">${perCategory.map(
    (cat) =>
      html`<li id="${cat.slug}"><a href="/${cat.slug}"><strong>${cat.name}</strong></a> · ${cat.published} stories${parts.feedLinks(cat.feeds)}</li>`,
  )}</ul>
</section>
</main>`;
  const feeds = [...all, ...perCategory.flatMap((cat) => cat.feeds)];
  // The OPML list of every feed, autodiscovered like the feeds (rel="outline", as readers look for it).
  const head = html`<link rel="outline" type="text/x-opml" title="${config.siteTitle}: every feed (OPML)" href="${config.publicUrl}/feeds.opml">`;
  return c.html(renderPage({ title: config.siteTitle, language: config.language, feeds, head }, body));
}
