import type { Context } from 'hono';
import { html } from 'hono/html';
import type { Config } from '../../config.ts';
import type { Retraction } from '../../store/store.ts';
import { renderPage } from '../page-layout.ts';
import { formatDate, type SiteParts } from './site-parts.ts';

/**
 * 410 Gone (RFC 9110 §15.5.11) for the URL of an article that was deleted or
 * unpublished: unlike a 404 it tells crawlers and aggregators the story was
 * withdrawn on purpose and will not come back, so they can drop their copy.
 * Always a short HTML notice: the URL is a page, whoever asks.
 */
export function retractedPage(c: Context, config: Config, parts: SiteParts, retraction: Retraction) {
  const body = html`${parts.masthead()}
<main class="error-page">
<p class="status">410</p>
<h1>This story was withdrawn</h1>
<p>“${retraction.title}” is no longer published; it was withdrawn on <time datetime="${retraction.retractedAt}">${formatDate(retraction.retractedAt)}</time>.</p>
<p><a href="/">Go to the front page</a> for the latest stories.</p>
</main>`;
  return c.html(
    renderPage(
      { title: `Story withdrawn · ${config.siteTitle}`, language: config.language, feeds: parts.allFeeds() },
      body,
    ),
    410,
  );
}
