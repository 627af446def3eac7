import type { FeedItem } from '../domain/article.ts';
import { contentXmlText } from './content-html.ts';
import { toRfc3339 } from './feed-dates.ts';
import type { ContentBlocks, FeedSpec } from './feed-spec.ts';
import { enclosureLength, MEDIA_RSS_NS, writeMediaContent } from './media-image.ts';
import { XmlWriter } from './xml-writer.ts';

/** RFC 6721 (The Atom "deleted-entry" Element), §2. */
const TOMBSTONES_NS = 'http://purl.org/atompub/tombstones/1.0';

/** Atom 1.0 (RFC 4287) with Media RSS for image credit and caption, and RFC 6721 tombstones. */
export function renderAtom(spec: FeedSpec, items: FeedItem[]): string {
  return writeAtom(spec, items).toString();
}

/** The same document in chunks that join to it (XmlWriter.toChunks), for the publish job. */
export function renderAtomChunks(spec: FeedSpec, items: FeedItem[]): string[] {
  return writeAtom(spec, items).toChunks();
}

function writeAtom(spec: FeedSpec, items: FeedItem[]): XmlWriter {
  const w = new XmlWriter();
  const retracted = spec.retracted ?? [];
  w.open('feed', {
    xmlns: 'http://www.w3.org/2005/Atom',
    'xmlns:media': MEDIA_RSS_NS,
    // Declared only when used, so feeds without tombstones keep their bytes.
    'xmlns:at': retracted.length > 0 ? TOMBSTONES_NS : undefined,
    'xml:lang': spec.language || undefined,
  });
  writeFeedHead(w, spec);
  // RFC 6721 §3: ref is the removed entry's atom:id, when the instant it was removed.
  for (const gone of retracted) {
    w.empty('at:deleted-entry', { ref: gone.guid, when: toRfc3339(gone.retractedAt, `retraction of ${gone.guid}`) });
  }
  for (const item of items) writeEntry(w, item, spec.contentBlocks);
  return w.close();
}

function writeFeedHead(w: XmlWriter, spec: FeedSpec): void {
  // The feed's id must never change (RFC 4287 §4.2.6); its Atom URL is as stable as we get.
  w.text('id', spec.feedUrls.atom)
    .text('title', spec.title)
    .text('subtitle', spec.description || undefined)
    .text('updated', toRfc3339(spec.updated, 'spec.updated'))
    .empty('link', { rel: 'self', type: 'application/atom+xml', href: spec.feedUrls.atom })
    .empty('link', { rel: 'alternate', type: 'text/html', href: spec.homeUrl });
  if (spec.hubUrl) w.empty('link', { rel: 'hub', href: spec.hubUrl });
  // RFC 5005 §3 paged feeds.
  if (spec.firstPageUrls)
    w.empty('link', { rel: 'first', type: 'application/atom+xml', href: spec.firstPageUrls.atom });
  if (spec.nextPageUrls) w.empty('link', { rel: 'next', type: 'application/atom+xml', href: spec.nextPageUrls.atom });
  w.text('generator', spec.generator || undefined)
    .text('rights', spec.copyright || undefined)
    .text('icon', spec.iconUrl || undefined);
}

function writeEntry(w: XmlWriter, item: FeedItem, blocks: ContentBlocks | undefined): void {
  const { article } = item;
  const { author, image } = article;
  w.open('entry')
    .text('id', article.guid)
    .text('title', article.title)
    .text('updated', toRfc3339(article.updatedAt, `updatedAt of ${article.id}`))
    .text('published', article.publishedAt && toRfc3339(article.publishedAt, `publishedAt of ${article.id}`));
  w.open('author')
    .text('name', author.name)
    .text('uri', author.url || undefined)
    .close();
  w.empty('category', { term: article.categorySlug, label: article.category });
  for (const tag of article.tags) if (tag.trim() !== '') w.empty('category', { term: tag.trim() });
  w.empty('link', { rel: 'alternate', type: 'text/html', href: item.url });
  if (image) {
    const length = enclosureLength(image);
    w.empty('link', {
      rel: 'enclosure',
      type: image.type || undefined,
      length,
      href: image.url,
      title: image.caption || undefined,
    });
  }
  for (const story of item.related) w.empty('link', { rel: 'related', href: story.url, title: story.title });
  w.text('summary', article.summary || undefined).escapedText('content', contentXmlText(item, blocks), {
    type: 'html',
  });
  if (image) writeMediaContent(w, image);
  w.close();
}
