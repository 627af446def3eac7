import type { Context } from 'hono';
import { html, raw } from 'hono/html';
import type { Article, RelatedStory } from '../../domain/article.ts';
import { isVisibleAt } from '../../domain/article.ts';
import { articleUrl, articleUrlFor } from '../../domain/article-url.ts';
import { renderNewsArticleJsonLd } from '../../render/news-article-json-ld.ts';
import type { AppDeps } from '../app-deps.ts';
import { authorLink, tagLinks } from '../follow-links.ts';
import { renderPage } from '../page-layout.ts';
import { errorPage } from './error-page.ts';
import { retractedPage } from './retracted-page.ts';
import { formatDate, type SiteParts } from './site-parts.ts';

/** `/<category>/<slug>`: one article, with what search engines and link previews read in its head. */
export async function articlePage(c: Context, deps: Pick<AppDeps, 'config' | 'store' | 'now'>, parts: SiteParts) {
  const { config, store } = deps;
  const [category, slug] = [c.req.param('category') ?? '', c.req.param('slug') ?? ''];
  const now = deps.now().toISOString();
  const article = await store.getArticleBySlug(category, slug);
  if (!article) {
    // An old link to an article whose slug (or category) was edited since: 301 to where it is now.
    const moved = await store.getMovedArticle(category, slug);
    if (moved && isVisibleAt(moved, now)) {
      return c.redirect(articleUrl(config.siteUrl, moved.categorySlug, moved.slug), 301);
    }
  }
  if (!article || !isVisibleAt(article, now)) {
    // Deleted or unpublished on purpose: 410 Gone, so aggregators drop their copy (issue 11).
    const retraction = await store.getRetraction(category, slug);
    if (retraction) return retractedPage(c, config, parts, retraction);
    return errorPage(c, config, parts, 404, `There is no published story at ${c.req.path}.`);
  }
  const stories = await store.listRelatedStories([article], articleUrlFor(config.siteUrl), config.relatedLinks);
  const related = stories.get(article.id) ?? [];
  const feeds = parts.feedsFor(article.categorySlug, article.category);
  const url = parts.hrefOf(article);
  const imageUrl = article.image && new URL(article.image.url, `${config.publicUrl}/`).href;
  const jsonLd = renderNewsArticleJsonLd(article, {
    url,
    ...(imageUrl && { imageUrl }),
    publisher: { name: config.siteTitle, url: `${config.siteUrl}/` },
    language: config.language,
  });
  const head = html`<meta name="description" content="${article.summary}">
<link rel="canonical" href="${url}">
${socialMeta(article, { url, imageUrl, siteName: config.siteTitle })}
<script type="application/ld+json">${raw(jsonLd)}</script>`;
  const body = html`${parts.masthead()}<main>${articleBody(article, related)}
<h2>Follow ${article.category}</h2>${parts.feedLinks(feeds)}</main>`;
  return c.html(
    renderPage({ title: `${article.title} · ${config.siteTitle}`, language: config.language, feeds, head }, body),
  );
}

/** Open Graph (https://ogp.me, type article) and Twitter card tags, from the same fields. */
function socialMeta(article: Article, page: { url: string; imageUrl: string | undefined; siteName: string }) {
  const { image } = article;
  const tags: [attribute: 'property' | 'name', key: string, value: string | undefined][] = [
    ['property', 'og:type', 'article'],
    ['property', 'og:site_name', page.siteName],
    ['property', 'og:title', article.title],
    ['property', 'og:description', article.summary],
    ['property', 'og:url', page.url],
    ['property', 'og:image', page.imageUrl],
    ['property', 'og:image:alt', page.imageUrl ? image?.alt : undefined],
    ['property', 'article:published_time', article.publishedAt],
    ['property', 'article:modified_time', lastModified(article)],
    ['property', 'article:section', article.category],
    ...article.tags.map((tag): ['property', string, string] => ['property', 'article:tag', tag]),
    ['name', 'twitter:card', page.imageUrl ? 'summary_large_image' : 'summary'],
    ['name', 'twitter:title', article.title],
    ['name', 'twitter:description', article.summary],
    ['name', 'twitter:image', page.imageUrl],
    ['name', 'twitter:image:alt', page.imageUrl ? image?.alt : undefined],
  ];
  return tags
    .filter((tag) => tag[2] !== undefined && tag[2] !== '')
    .map(([attribute, key, value]) => html`<meta ${raw(attribute)}="${key}" content="${value}">\n`);
}

/** An article scheduled ahead was last changed, for readers, when it went out. */
function lastModified(article: Article): string {
  const { publishedAt, updatedAt } = article;
  return publishedAt && updatedAt < publishedAt ? publishedAt : updatedAt;
}

function articleBody(article: Article, related: RelatedStory[]) {
  const { image, author } = article;
  return html`<p class="meta"><a href="/">Home</a> · <a href="/${article.categorySlug}">${article.category}</a></p>
<article>
<h1>${article.title}</h1>
<p class="meta">By ${authorLink(author)}${author.role ? `, ${author.role}` : ''} · <time datetime="${article.publishedAt}">${formatDate(article.publishedAt)}</time></p>
${image ? html`<figure><img src="${image.url}" alt="${image.alt ?? ''}"><figcaption>${image.caption ?? ''}${image.credit ? html` <span>Photo: ${image.credit}</span>` : ''}</figcaption></figure>` : ''}
${raw(article.bodyHtml)}
${author.bio ? html`<p class="bio">${author.bio}</p>` : ''}
${tagLinks(article)}
</article>
${related.length ? html`<h2>Related</h2><ul>${related.map((r) => html`<li><a href="${r.url}">${r.title}</a> <span class="meta">${r.source === 'own' ? '' : r.source}</span></li>`)}</ul>` : ''}`;
}
