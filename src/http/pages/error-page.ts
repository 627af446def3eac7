import type { Context } from 'hono';
import { html } from 'hono/html';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Config } from '../../config.ts';
import { renderPage } from '../page-layout.ts';
import type { SiteParts } from './site-parts.ts';

/** A heading for each status we answer with; the message below it says what exactly. */
const TITLES: Partial<Record<ContentfulStatusCode, string>> = {
  400: 'That link is not right',
  401: 'You need to sign in for that',
  403: 'That is not allowed',
  404: 'Page not found',
  405: 'That is not something this page does',
  409: 'That clashes with what is already here',
  413: 'That is too large',
  415: 'That kind of content is not accepted here',
  422: 'That could not be read',
  500: 'Something went wrong on our side',
  503: 'Not available right now',
};

/**
 * The reader site's error page, for every error status a browser can meet: the site's
 * masthead, what went wrong in words, and the way back home. Feed autodiscovery stays, so even
 * a dead link offers the site's feeds. Clients that do not ask for HTML get the JSON error body.
 * The site-wide security headers give it the page policy (security-headers.ts).
 */
export function errorPage(c: Context, config: Config, parts: SiteParts, status: ContentfulStatusCode, message: string) {
  if (!wantsHtml(c)) return c.json({ error: message }, status); // API clients and scripts get JSON, as elsewhere
  const title = TITLES[status] ?? 'Something went wrong';
  const body = html`${parts.masthead()}
<main class="error-page">
<p class="status">${status}</p>
<h1>${title}</h1>
<p>${message}</p>
<p><a href="/">Go to the front page</a> for the latest stories.</p>
</main>`;
  return c.html(
    renderPage({ title: `${title} · ${config.siteTitle}`, language: config.language, feeds: parts.allFeeds() }, body),
    status,
  );
}

/** Browsers ask for HTML when they navigate; API clients and feed readers do not. */
export function wantsHtml(c: Context): boolean {
  return (c.req.header('accept') ?? '').includes('text/html');
}
