import type { Context } from 'hono';
import { html } from 'hono/html';
import type { Config } from '../../config.ts';
import { renderPage } from '../page-layout.ts';
import type { SiteParts } from './site-parts.ts';

const TITLES: Record<number, string> = { 400: 'That link is not right', 404: 'Page not found' };

/**
 * The reader site's error page: the site's masthead, what went wrong in words,
 * and the way back home. Feed autodiscovery stays, so even a dead link offers
 * the site's feeds. Clients that do not ask for HTML get the JSON error body.
 */
export function errorPage(c: Context, config: Config, parts: SiteParts, status: 400 | 404, message: string) {
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
