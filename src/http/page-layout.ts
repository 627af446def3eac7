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

/**
 * The same mark as a 64×64 PNG, for the RSS channel <image>: RSS 2.0 allows only GIF, JPEG
 * or PNG there (https://www.rssboard.org/rss-specification#ltimagegtSubelementOfLtchannelgt),
 * and the W3C Feed Validator flags an SVG. Atom <icon> and JSON Feed `icon` use it too;
 * publish/feed-catalog.ts states its size (FEED_ICON_SIZE).
 */
export const FEED_ICON_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAEAAAABACAYAAACqaXHeAAACtUlEQVR42u2boU7EQBCG1/cNUKd5A96AN6htMBjEKdAIHJJgLyRVIBAEDOIuCAwYSAiKBIIhCIoAgSr5mzZp7jq7e7tt93anm2xCmlKYb2f+/afpiihOhWSOojgdR3E6jeI0i+I092Rm5f88LmMgY5QFPvEoYNWcUCCagk88W+1lsiJRAUgCDHx+JhQADsEvQKjXfMYIQFZpQgVgwij4ujCKavVzpnMkyr2SK4CxKA0DVwBTwUz8FsRQMA6+mAMAk1+ixs3TRzEPzh7z7ePbfGPvkheApvH9+5df3L0XQNa2TvkBmB+AER/O+AKoxtvnT5EVbAHUQbjMCOcA6gK6vnPuB4AmMcO1zf3rYjWxCyCgZQcEs++y6NwHAEg6eymC0x24P0gjhNVFzeuMh9evXrZNJ05QF0QfEJxaYWiFawjOewHYZQTpCsJKNEMIDsKnghB8N6iC0MXuYASgKWVxreoE4QdsBFI22vYJnTlB7PtYMZOWWJYJeG6bjrEXK4zMWBaEDAKe52UvcHT1rK3muE+2O7TVQPXeDCEo3WzAfbIu0ttuEHWsC0FmltoQRCMATSqPa7sn98Ubn7YhULa5jSwQXRkbrJyqA9SFINsabbVAdO3wVBmha3OpLMDzV94JqswNdgebZ9j0CaLPFlg2dEqBKikbMez9hYiNuaHMkU0ZtAYAu4BODyDTBFUWQPAoMXUCALWH+q2nJn6WOT5cp1JZp9uzKaFWAaisqkzdKXOjs5LU22ZTHTAGgFXW8f4UPGqoyoiCh+u9AtB5zS1bUUoLVIFQOmDaIRpbYd1BrShss0kg1N/2DgD1DNW7P1n5eFUCMkU33Qm8EcEgANhsg0EAMDVCQQEwscLBiODwnWBAANh/Ksv+Y2n2n8uzPzDB/sjMcGhqODY3HJwcjs4Oh6e5Hp//B3Gpq4aUciCHAAAAAElFTkSuQmCC';
