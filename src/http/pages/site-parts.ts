import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { Config } from '../../config.ts';
import type { Article } from '../../domain/article.ts';
import { articleUrl } from '../../domain/article-url.ts';
import { ALL_FEED_KEY, feedUrl } from '../../publish/feed-catalog.ts';
import { encodePageCursor } from '../../publish/feed-page.ts';
import { FEED_FORMATS } from '../../render/feed-spec.ts';
import type { AlternateFeed } from '../page-layout.ts';

/** Headlines per page of the home and category pages. */
export const HEADLINES_PER_PAGE = 20;

const FORMAT_LABELS = { rss: 'RSS', atom: 'Atom', json: 'JSON Feed' } as const;

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** The pieces every reader page is built from, bound to the site's configuration. */
export function createSiteParts(config: Config) {
  const feedsFor = (key: string, title: string): AlternateFeed[] =>
    FEED_FORMATS.map((format) => ({
      format,
      title: `${config.siteTitle}: ${title} (${FORMAT_LABELS[format]})`,
      url: feedUrl(config.publicUrl, key, format),
    }));
  const hrefOf = (article: Pick<Article, 'categorySlug' | 'slug'>) =>
    articleUrl(config.siteUrl, article.categorySlug, article.slug);

  return {
    feedsFor,
    allFeeds: () => feedsFor(ALL_FEED_KEY, 'All stories'),
    hrefOf,
    feedLinks: (feeds: AlternateFeed[]) =>
      html`<p class="feeds">${feeds.map((f) => html`<a href="${f.url}">${FORMAT_LABELS[f.format]}</a>`)}</p>`,
    masthead: () => html`<header class="masthead"><a href="/">${config.siteTitle}</a></header>`,

    /** One entry per article: image, headline, summary, author and date. */
    headlines(articles: Article[], showCategory: boolean): Html {
      return html`<ol class="headlines">${articles.map((a) => {
        const href = hrefOf(a);
        const image = a.image
          ? html`<a class="thumb" href="${href}" tabindex="-1"><img src="${a.image.url}" alt="${a.image.alt ?? ''}" loading="lazy"></a>`
          : '';
        const category = showCategory ? html` · <a href="/${a.categorySlug}">${a.category}</a>` : '';
        return html`<li><article class="headline">${image}<div>
<h2><a href="${href}">${a.title}</a></h2>
<p>${a.summary}</p>
<p class="meta">By ${a.author.name} · <time datetime="${a.publishedAt}">${formatDate(a.publishedAt)}</time>${category}</p>
</div></article></li>`;
      })}</ol>`;
    },
  };
}

export type SiteParts = ReturnType<typeof createSiteParts>;

/**
 * Paging by position, as the feeds page (RFC 5005 cursors): "older" continues
 * after the last article shown; "newest" goes back to the first page.
 */
export function pager(path: string, page: { older?: Article; isFirst: boolean }): Html {
  const { older } = page;
  if (!older?.publishedAt && page.isFirst) return html``;
  const olderLink =
    older?.publishedAt &&
    html`<a rel="next" href="${path}?before=${encodePageCursor({ publishedAt: older.publishedAt, id: older.id })}">Older stories</a>`;
  const newestLink = page.isFirst ? '' : html`<a href="${path}">Newest stories</a>`;
  return html`<nav class="pager" aria-label="Pages">${newestLink}${olderLink || ''}</nav>`;
}

export function formatDate(iso: string | undefined): string {
  return iso ? new Date(iso).toUTCString().slice(5, 16) : '';
}
