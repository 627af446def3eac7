import type { FeedItem } from '../domain/article.ts';
import { contentJsonText } from './content-html.ts';
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
  const head: JsonObject = {
    version: 'https://jsonfeed.org/version/1.1',
    title: text(spec.title),
    home_page_url: text(spec.homeUrl),
    feed_url: text(spec.feedUrls.json),
    description: text(spec.description),
    language: text(spec.language),
    icon: text(spec.iconUrl),
    hubs: spec.hubUrl ? [{ type: 'WebSub', url: stripInvalidXmlChars(spec.hubUrl) }] : undefined,
    // JSON Feed's paging: the URL of the next, older page.
    next_url: text(spec.nextPageUrls?.json),
    // JSON Feed has no tombstone: the ids of entries withdrawn lately, as Atom's at:deleted-entry.
    _tidings: spec.retracted?.length
      ? {
          retracted: spec.retracted.map((gone) => ({
            id: stripInvalidXmlChars(gone.guid),
            date_retracted: toRfc3339(gone.retractedAt, `retraction of ${gone.guid}`),
          })),
        }
      : undefined,
  };
  // `items` is required even when empty.
  const list = { items: items.map((item) => toJsonItem(item, spec.contentBlocks)) };
  const headJson = JSON.stringify(head, null, 2); // '{\n  "version": …\n}'
  const itemsJson = JSON.stringify(list, null, 2); // '{\n  "items": […]\n}'
  return [headJson.slice(0, -2), ',\n', itemsJson.slice(2), '\n'];
}

/**
 * Members are built as they are printed, in one pass: a string that says nothing ('' or
 * undefined) becomes undefined, which JSON.stringify leaves out, and every other string is
 * stripped of XML-illegal characters, keeping JSON and XML documents of the same feed identical
 * in content. The emptiness test is on the string as given, so a string of illegal characters
 * only is printed as "" (as when members were dropped first and strings stripped after, in
 * two more passes over copies of every object). Dates (toRfc3339) are ASCII and need no strip.
 */
function text(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : stripInvalidXmlChars(value);
}

/** The list, or undefined when it is empty: `tags: []` says nothing. */
function nonEmpty<T extends Json>(list: T[]): T[] | undefined {
  return list.length > 0 ? list : undefined;
}

/** The object, or undefined when every member is undefined (it would print as `{}`). */
function unlessEmpty(object: JsonObject): JsonObject | undefined {
  for (const key in object) if (object[key] !== undefined) return object;
  return undefined;
}

function toJsonItem(item: FeedItem, blocks: ContentBlocks | undefined): JsonObject {
  const { article } = item;
  const { author, image } = article;
  return {
    id: text(article.guid),
    url: text(item.url),
    title: text(article.title),
    summary: text(article.summary),
    content_html: contentJsonText(item, blocks),
    image: text(image?.url),
    // JSON Feed's enclosure: mime_type is required, so only a measured image is an attachment.
    attachments: image?.type
      ? [
          {
            url: text(image.url),
            mime_type: text(image.type),
            title: text(image.caption),
            size_in_bytes: enclosureLength(image),
          },
        ]
      : undefined,
    date_published: article.publishedAt ? toRfc3339(article.publishedAt, `publishedAt of ${article.id}`) : undefined,
    date_modified: toRfc3339(article.updatedAt, `updatedAt of ${article.id}`),
    authors: [{ name: text(author.name), url: text(author.url) }],
    tags: nonEmpty(itemCategories(article).map(stripInvalidXmlChars)),
    _tidings: unlessEmpty({
      category: text(article.category),
      related: nonEmpty(
        item.related.map((story) => ({
          url: text(story.url),
          title: text(story.title),
          source: text(story.source),
          date_published: story.publishedAt ? toRfc3339(story.publishedAt, `related story ${story.url}`) : undefined,
        })),
      ),
      image: image && unlessEmpty({ credit: text(image.credit), caption: text(image.caption), alt: text(image.alt) }),
      author: unlessEmpty({ role: text(author.role), bio: text(author.bio) }),
    }),
  };
}
