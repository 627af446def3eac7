import type { FeedItem } from '../domain/article.ts';
import { renderContentHtml } from './content-html.ts';
import { toRfc3339 } from './feed-dates.ts';
import type { ContentBlocks, FeedSpec } from './feed-spec.ts';
import { itemCategories } from './item-categories.ts';
import { enclosureLength } from './media-image.ts';
import { stripInvalidXmlChars } from './strip-invalid-xml-chars.ts';

type Json = string | number | boolean | null | undefined | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), built from the domain
 * because feed 6 emits 1.0 (a single `author`, no `language`). What the spec has
 * no field for travels in the `_tidings` extension object (spec §"Extensions").
 * Output is pretty-printed with two spaces and a final newline.
 */
export function renderJsonFeed(spec: FeedSpec, items: FeedItem[]): string {
  return renderJsonFeedChunks(spec, items).join('');
}

/**
 * The same document in chunks that join to it: the feed's own members and its items printed
 * apart, so a wide character in the head (a tag's “quoted” name) leaves the items one-byte
 * strings (see XmlWriter.toChunks). `{ items }` printed alone has the indentation `items` has
 * as the last member of the whole feed; the chunks splice the two objects into one.
 */
export function renderJsonFeedChunks(spec: FeedSpec, items: FeedItem[]): string[] {
  const head = omitEmpty({
    version: 'https://jsonfeed.org/version/1.1',
    title: spec.title,
    home_page_url: spec.homeUrl,
    feed_url: spec.feedUrls.json,
    description: spec.description,
    language: spec.language,
    icon: spec.iconUrl,
    hubs: spec.hubUrl ? [{ type: 'WebSub', url: spec.hubUrl }] : undefined,
    // JSON Feed's paging: the URL of the next, older page.
    next_url: spec.nextPageUrls?.json,
    // JSON Feed has no tombstone: the ids of entries withdrawn lately, as Atom's at:deleted-entry.
    _tidings: spec.retracted?.length
      ? {
          retracted: spec.retracted.map((gone) => ({
            id: gone.guid,
            date_retracted: toRfc3339(gone.retractedAt, `retraction of ${gone.guid}`),
          })),
        }
      : undefined,
  });
  // `items` is required even when empty.
  const list = { items: items.map((item) => toJsonItem(item, spec.contentBlocks)) };
  // XML-illegal characters are stripped from every string, keeping JSON and XML documents of
  // the same feed identical in content. A pass over the values before JSON.stringify rather than
  // a replacer: a replacer function takes V8 off its fast serializer (same bytes, less CPU).
  const headJson = JSON.stringify(stripStrings(head), null, 2); // '{\n  "version": …\n}'
  const itemsJson = JSON.stringify(stripStrings(list), null, 2); // '{\n  "items": […]\n}'
  return [headJson.slice(0, -2), ',\n', itemsJson.slice(2), '\n'];
}

function stripStrings(value: Json): Json {
  if (typeof value === 'string') return stripInvalidXmlChars(value);
  if (Array.isArray(value)) return value.map(stripStrings);
  if (isPlainObject(value)) {
    const out: JsonObject = {};
    for (const key of Object.keys(value)) out[key] = stripStrings(value[key]);
    return out;
  }
  return value;
}

function toJsonItem(item: FeedItem, blocks: ContentBlocks | undefined): JsonObject {
  const { article } = item;
  const { author, image } = article;
  return omitEmpty({
    id: article.guid,
    url: item.url,
    title: article.title,
    summary: article.summary,
    content_html: renderContentHtml(item, blocks),
    image: image?.url,
    // JSON Feed's enclosure: mime_type is required, so only a measured image is an attachment.
    attachments: image?.type
      ? [
          omitEmpty({
            url: image.url,
            mime_type: image.type,
            title: image.caption,
            size_in_bytes: enclosureLength(image),
          }),
        ]
      : undefined,
    date_published: article.publishedAt && toRfc3339(article.publishedAt, `publishedAt of ${article.id}`),
    date_modified: toRfc3339(article.updatedAt, `updatedAt of ${article.id}`),
    authors: [omitEmpty({ name: author.name, url: author.url })],
    tags: itemCategories(article),
    _tidings: omitEmpty({
      category: article.category,
      related: item.related.map((story) =>
        omitEmpty({
          url: story.url,
          title: story.title,
          source: story.source,
          date_published: story.publishedAt && toRfc3339(story.publishedAt, `related story ${story.url}`),
        }),
      ),
      image: image && omitEmpty({ credit: image.credit, caption: image.caption, alt: image.alt }),
      author: omitEmpty({ role: author.role, bio: author.bio }),
    }),
  });
}

/** Drops members that say nothing: undefined, '', [] and {}. Key order is kept. */
function omitEmpty(object: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(object)) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (isPlainObject(value) && Object.keys(value).length === 0) continue;
    out[key] = value;
  }
  return out;
}

function isPlainObject(value: Json): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
