import { Hono } from 'hono';
import { html } from 'hono/html';
import type { Article } from '../domain/article.ts';
import { articleUrl } from '../domain/article-url.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import { authorFeed, type FeedDefinition, feedUrl, tagFeed } from '../publish/feed-catalog.ts';
import { decodePageCursor, encodePageCursor } from '../publish/feed-page.ts';
import { FEED_FORMATS } from '../render/feed-spec.ts';
import type { FeedPosition, FollowTarget } from '../store/store.ts';
import type { AppDeps } from './app-deps.ts';
import { type AlternateFeed, renderPage } from './page-layout.ts';

/** Headlines per page of a tag or author page. */
const PAGE_SIZE = 20;
const FORMAT_LABELS = { rss: 'RSS', atom: 'Atom', json: 'JSON Feed' } as const;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The pages that let a reader find a tag's or an author's feed (issue 11):
 * /tag/<slug> and /author/<slug> list the headlines, newest first, paged
 * with ?before=<cursor> like the feeds, and carry <link rel="alternate">
 * autodiscovery for the feed in each format; /tags and /authors list them all.
 */
export function createFollowPages(deps: Pick<AppDeps, 'store' | 'config' | 'now'>): Hono {
  const { store, config } = deps;
  const alternates = (feed: FeedDefinition): AlternateFeed[] =>
    FEED_FORMATS.map((format) => ({
      format,
      title: `${config.siteTitle}: ${feed.title} (${FORMAT_LABELS[format]})`,
      url: feedUrl(config.publicUrl, feed.key, format),
    }));
  const feedLinks = (feeds: AlternateFeed[]) =>
    html`<p class="feeds">Follow: ${feeds.map((f) => html`<a href="${f.url}">${FORMAT_LABELS[f.format]}</a> `)}</p>`;
  const page = (title: string, feeds: AlternateFeed[], body: ReturnType<typeof html>) =>
    renderPage({ title: `${title} · ${config.siteTitle}`, language: config.language, feeds }, body);

  const headlines = async (feed: FeedDefinition, scope: { tagSlug?: string; authorSlug?: string }, cursor?: string) => {
    const before = cursor === undefined ? undefined : pageCursor(cursor);
    const now = deps.now().toISOString();
    const found = await store.listFeedArticles({ ...scope, now, limit: PAGE_SIZE + 1, ...(before && { before }) });
    const articles = found.slice(0, PAGE_SIZE);
    const last = articles.at(-1);
    const next =
      found.length > PAGE_SIZE && last?.publishedAt
        ? `/${feed.key}?before=${encodePageCursor({ publishedAt: last.publishedAt, id: last.id })}`
        : undefined;
    return html`<ul class="headlines">${articles.map((a) => headline(config.siteUrl, a))}</ul>
${next ? html`<p><a rel="next" href="${next}">Older stories</a></p>` : ''}`;
  };

  const list = (title: string, kind: 'tag' | 'author', targets: FollowTarget[]) =>
    page(
      title,
      [],
      html`<p class="meta"><a href="/">Home</a></p>
<h1>${title}</h1>
<ul class="categories">${targets.map(
        (t) => html`<li><a href="/${kind}/${t.slug}">${t.name}</a> · ${t.published} stories</li>`,
      )}</ul>`,
    );

  return new Hono()
    .get('/tags', async (c) =>
      c.html(list('Tags', 'tag', await store.listFollowTargets('tag', deps.now().toISOString()))),
    )
    .get('/authors', async (c) =>
      c.html(list('Authors', 'author', await store.listFollowTargets('author', deps.now().toISOString()))),
    )
    .get('/tag/:slug', async (c) => {
      const slug = c.req.param('slug');
      const name = SLUG.test(slug) ? await store.getTagName(slug, deps.now().toISOString()) : undefined;
      if (name === undefined) throw new NotFoundError(`no tag "${slug}"; every tag is listed at /tags`);
      const feed = tagFeed({ slug, name });
      const feeds = alternates(feed);
      const body = html`<p class="meta"><a href="/">Home</a> · <a href="/tags">Tags</a></p>
<h1>${name}</h1>
${feedLinks(feeds)}
${await headlines(feed, { tagSlug: slug }, c.req.query('before'))}`;
      return c.html(page(name, feeds, body));
    })
    .get('/author/:slug', async (c) => {
      const slug = c.req.param('slug');
      const author = SLUG.test(slug) ? await store.getAuthorProfile(slug, deps.now().toISOString()) : undefined;
      if (!author) throw new NotFoundError(`no author "${slug}"; every author is listed at /authors`);
      const feed = authorFeed({ slug, name: author.name });
      const feeds = alternates(feed);
      const body = html`<p class="meta"><a href="/">Home</a> · <a href="/authors">Authors</a></p>
<h1>${author.name}</h1>
${author.role ? html`<p class="meta">${author.role}</p>` : ''}
${author.bio ? html`<p class="bio">${author.bio}</p>` : ''}
${feedLinks(feeds)}
${await headlines(feed, { authorSlug: slug }, c.req.query('before'))}`;
      return c.html(page(author.name, feeds, body));
    });
}

function pageCursor(cursor: string): FeedPosition {
  const position = decodePageCursor(cursor);
  if (!position) throw new ValidationError(`"${cursor}" is not a page cursor; follow the "Older stories" link`);
  return position;
}

function headline(siteUrl: string, article: Article) {
  const date = article.publishedAt ? new Date(article.publishedAt).toUTCString().slice(5, 16) : '';
  return html`<li><a href="${articleUrl(siteUrl, article.categorySlug, article.slug)}">${article.title}</a> <span class="meta"><time datetime="${article.publishedAt}">${date}</time> · ${article.category}</span></li>`;
}
