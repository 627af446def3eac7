import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { FeedFormat } from '../render/feed-spec.ts';

export interface AlternateFeed {
  title: string;
  url: string;
  format: FeedFormat;
}

const FEED_MEDIA_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
};

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/**
 * The HTML shell shared by our pages, with feed autodiscovery links (one per
 * feed and format), the site stylesheet (a file, never inline, for the CSP) and
 * whatever else a page puts in its head (meta tags, JSON-LD).
 */
export function renderPage(page: { title: string; language: string; feeds: AlternateFeed[]; head?: Html }, body: Html) {
  const { title, language, feeds } = page;
  return html`<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
${feeds.map((f) => html`<link rel="alternate" type="${FEED_MEDIA_TYPES[f.format]}" title="${f.title}" href="${f.url}">\n`)}
<link rel="stylesheet" href="/site.css">
${page.head ?? ''}
</head>
<body>
${body}
</body>
</html>`;
}

export const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b57a4"/><path d="M8 22a2 2 0 1 1 0 .1M8 15a9 9 0 0 1 9 9M8 8a16 16 0 0 1 16 16" stroke="#fff" stroke-width="3" fill="none"/></svg>';
