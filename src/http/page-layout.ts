import { html, raw } from 'hono/html';
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

const STYLE = `
body{font:17px/1.6 Georgia,serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#222}
h1,h2,h3{font-family:system-ui,sans-serif;line-height:1.25}
a{color:#0b57a4}figure{margin:1.5rem 0}figure img{width:100%;height:auto}
figcaption,.meta,.feeds{font:14px/1.5 system-ui,sans-serif;color:#555}
.feeds a{margin-right:.75rem}ul.categories{padding:0;list-style:none}
ul.categories li{margin:1rem 0}.bio{border-top:1px solid #ddd;padding-top:1rem;font-style:italic}
`;

/** The HTML shell shared by our pages, with feed autodiscovery links (one per feed and format). */
export function renderPage(
  page: { title: string; language: string; feeds: AlternateFeed[] },
  body: HtmlEscapedString | Promise<HtmlEscapedString>,
) {
  const { title, language, feeds } = page;
  return html`<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
${feeds.map((f) => html`<link rel="alternate" type="${FEED_MEDIA_TYPES[f.format]}" title="${f.title}" href="${f.url}">\n`)}
<style>${raw(STYLE)}</style>
</head>
<body>
${body}
</body>
</html>`;
}

export const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b57a4"/><path d="M8 22a2 2 0 1 1 0 .1M8 15a9 9 0 0 1 9 9M8 8a16 16 0 0 1 16 16" stroke="#fff" stroke-width="3" fill="none"/></svg>';
