import { Hono } from 'hono';
import { html, raw } from 'hono/html';
import type { Article, RelatedStory } from '../domain/article.ts';
import { isVisibleAt } from '../domain/article.ts';
import { articleUrl, articleUrlFor } from '../domain/article-url.ts';
import { NotFoundError } from '../domain/errors.ts';
import { ALL_FEED_KEY, feedUrl } from '../publish/feed-catalog.ts';
import { FEED_FORMATS } from '../render/feed-spec.ts';
import type { AppDeps } from './app-deps.ts';
import { type AlternateFeed, FAVICON_SVG, renderPage } from './page-layout.ts';

const FORMAT_LABELS = { rss: 'RSS', atom: 'Atom', json: 'JSON Feed' } as const;

/** The public HTML: an index of feeds, and (when we are the site) article pages. */
export function createPageRoutes(deps: AppDeps): { index: Hono; articles?: Hono } {
  const { config, store } = deps;
  const { language } = config;
  const feedsFor = (key: string, title: string): AlternateFeed[] =>
    FEED_FORMATS.map((format) => ({
      format,
      title: `${config.siteTitle}: ${title} (${FORMAT_LABELS[format]})`,
      url: feedUrl(config.publicUrl, key, format),
    }));
  const feedLinks = (feeds: AlternateFeed[]) =>
    html`<p class="feeds">${feeds.map((f) => html`<a href="${f.url}">${FORMAT_LABELS[f.format]}</a>`)}</p>`;

  const index = new Hono()
    .get('/favicon.svg', (c) =>
      c.body(FAVICON_SVG, 200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=86400' }),
    )
    .get('/', async (c) => {
      const categories = (await store.listCategories(deps.now().toISOString())).filter((cat) => cat.published > 0);
      const all = feedsFor(ALL_FEED_KEY, 'All stories');
      const perCategory = categories.map((cat) => ({ ...cat, feeds: feedsFor(cat.slug, cat.name) }));
      const body = html`<h1>${config.siteTitle}</h1>
<p>${config.siteDescription}. Subscribe to everything or to one category, in the format your reader likes.</p>
<h2>All stories</h2>${feedLinks(all)}
<h2>Categories</h2>
<ul class="categories">${perCategory.map(
        (cat) =>
          html`<li id="${cat.slug}"><strong>${cat.name}</strong> · ${cat.published} stories${feedLinks(cat.feeds)}</li>`,
      )}</ul>`;
      return c.html(
        renderPage(
          { title: config.siteTitle, language, feeds: [...all, ...perCategory.flatMap((cat) => cat.feeds)] },
          body,
        ),
      );
    });

  if (config.siteIsExternal) return { index };
  const articles = new Hono().get('/:category/:slug', async (c) => {
    const [category, slug] = [c.req.param('category'), c.req.param('slug')];
    const article = await store.getArticleBySlug(category, slug);
    if (!article) {
      // An old link to an article whose slug (or category) was edited since: 301 to where it is now.
      const moved = await store.getMovedArticle(category, slug);
      if (moved && isVisibleAt(moved, deps.now().toISOString())) {
        return c.redirect(articleUrl(config.siteUrl, moved.categorySlug, moved.slug), 301);
      }
    }
    if (!article || !isVisibleAt(article, deps.now().toISOString())) {
      throw new NotFoundError(`no published article at ${c.req.path}`);
    }
    const related = (await store.listRelatedStories([article], articleUrlFor(config.siteUrl))).get(article.id) ?? [];
    const feeds = feedsFor(article.categorySlug, article.category);
    return c.html(
      renderPage(
        { title: `${article.title} · ${config.siteTitle}`, language, feeds },
        articleBody(article, related, feedLinks(feeds)),
      ),
    );
  });
  return { index, articles };
}

function articleBody(article: Article, related: RelatedStory[], feeds: ReturnType<typeof html>) {
  const { image, author } = article;
  return html`<p class="meta"><a href="/">Home</a> · <a href="/#${article.categorySlug}">${article.category}</a></p>
<article>
<h1>${article.title}</h1>
<p class="meta">By ${author.name}${author.role ? `, ${author.role}` : ''} · <time datetime="${article.publishedAt}">${formatDate(article.publishedAt)}</time></p>
${image ? html`<figure><img src="${image.url}" alt="${image.alt ?? ''}"><figcaption>${image.caption ?? ''}${image.credit ? html` <span>Photo: ${image.credit}</span>` : ''}</figcaption></figure>` : ''}
${raw(article.bodyHtml)}
${author.bio ? html`<p class="bio">${author.bio}</p>` : ''}
</article>
${related.length ? html`<h2>Related</h2><ul>${related.map((r) => html`<li><a href="${r.url}">${r.title}</a> <span class="meta">${r.source === 'own' ? '' : r.source}</span></li>`)}</ul>` : ''}
<h3>Follow ${article.category}</h3>${feeds}`;
}

function formatDate(iso: string | undefined): string {
  return iso ? new Date(iso).toUTCString().slice(5, 16) : '';
}
