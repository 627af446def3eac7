import type { FeedItem } from '../domain/article.ts';
import { contentXmlText } from './content-html.ts';
import { toRfc822 } from './feed-dates.ts';
import type { ContentBlocks, FeedSpec } from './feed-spec.ts';
import { itemCategories } from './item-categories.ts';
import { enclosureLength, MEDIA_RSS_NS, writeMediaContent } from './media-image.ts';
import { XmlWriter } from './xml-writer.ts';

// Declared on <rss> whether or not a given document uses them all, so every
// document has the same root and a prefix is never used undeclared.
const NAMESPACES = {
  'xmlns:atom': 'http://www.w3.org/2005/Atom',
  'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
  'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
  'xmlns:media': MEDIA_RSS_NS,
};

/** RSS 2.0 (https://www.rssboard.org/rss-specification) with content, dc, media and atom extensions. */
export function renderRss(spec: FeedSpec, items: FeedItem[]): string {
  return writeRss(spec, items).toString();
}

/** The same document in chunks that join to it (XmlWriter.toChunks), for the publish job. */
export function renderRssChunks(spec: FeedSpec, items: FeedItem[]): string[] {
  return writeRss(spec, items).toChunks();
}

function writeRss(spec: FeedSpec, items: FeedItem[]): XmlWriter {
  const w = new XmlWriter();
  w.open('rss', { version: '2.0', ...NAMESPACES }).open('channel');
  writeChannel(w, spec);
  for (const item of items) writeItem(w, item, spec.contentBlocks);
  return w.close().close();
}

function writeChannel(w: XmlWriter, spec: FeedSpec): void {
  const updated = toRfc822(spec.updated, 'spec.updated');
  w.text('title', spec.title)
    .text('link', spec.homeUrl)
    .text('description', spec.description)
    .text('language', spec.language || undefined)
    .text('copyright', spec.copyright || undefined)
    .text('pubDate', updated)
    .text('lastBuildDate', updated)
    .text('generator', spec.generator || undefined)
    .text('docs', 'https://www.rssboard.org/rss-specification')
    .text('ttl', spec.ttlMinutes);
  if (spec.iconUrl) {
    // RSS 2.0 <image>: title and link must match the channel's; width at most 144, height 400.
    w.open('image').text('url', spec.iconUrl).text('title', spec.title).text('link', spec.homeUrl);
    if (spec.iconSize) w.text('width', Math.min(spec.iconSize, 144)).text('height', Math.min(spec.iconSize, 400));
    w.close();
  }
  // rss-parser and most readers take the first atom:link as the feed's own URL.
  w.empty('atom:link', { href: spec.feedUrls.rss, rel: 'self', type: 'application/rss+xml' });
  if (spec.hubUrl) w.empty('atom:link', { href: spec.hubUrl, rel: 'hub' });
  // RFC 5005 §3 paging links, as Atom link elements (RSS has none of its own).
  if (spec.firstPageUrls)
    w.empty('atom:link', { href: spec.firstPageUrls.rss, rel: 'first', type: 'application/rss+xml' });
  if (spec.nextPageUrls)
    w.empty('atom:link', { href: spec.nextPageUrls.rss, rel: 'next', type: 'application/rss+xml' });
}

function writeItem(w: XmlWriter, item: FeedItem, blocks: ContentBlocks | undefined): void {
  const { article } = item;
  w.open('item')
    .text('title', article.title)
    .text('link', item.url)
    // A tag: URI is not a URL a reader could open, hence isPermaLink="false".
    .text('guid', article.guid, { isPermaLink: 'false' })
    .text('pubDate', article.publishedAt && toRfc822(article.publishedAt, `publishedAt of ${article.id}`))
    .text('description', article.summary || undefined)
    .escapedText('content:encoded', contentXmlText(item, blocks))
    // RSS <author> must be an e-mail address; dc:creator carries a name.
    .text('dc:creator', article.author.name || undefined);
  for (const name of itemCategories(article)) w.text('category', name);
  const image = article.image;
  if (image) {
    const length = enclosureLength(image);
    if (image.type && length !== undefined) w.empty('enclosure', { url: image.url, length, type: image.type });
    writeMediaContent(w, image);
  }
  for (const story of item.related) w.empty('atom:link', { rel: 'related', href: story.url, title: story.title });
  w.close();
}
