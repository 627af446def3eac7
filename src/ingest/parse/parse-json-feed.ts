import { z } from 'zod';
import { FeedParseError, type ParsedFeed, type ParsedItem } from './parsed-feed.ts';

// Every optional field falls back to undefined when it has the wrong type, so one odd value
// costs that value, not the item or the feed.
const text = z
  .union([z.string(), z.number().transform(String)])
  .optional()
  .catch(undefined);
const author = z.looseObject({ name: text }).optional().catch(undefined);

const itemSchema = z.looseObject({
  id: text,
  url: text,
  external_url: text,
  title: text,
  content_html: text,
  content_text: text,
  summary: text,
  image: text,
  banner_image: text,
  date_published: text,
  date_modified: text,
  author, // JSON Feed 1.0
  authors: z.array(author).optional().catch(undefined), // 1.1
  tags: z.array(z.string()).optional().catch(undefined),
});

/** JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1). */
const feedSchema = z.looseObject({
  version: z.string().regex(/^https?:\/\/jsonfeed\.org\/version\/1(\.\d+)?$/, 'is not a JSON Feed 1.x version URL'),
  title: text,
  home_page_url: text,
  items: z.array(z.unknown()),
});

export function parseJsonFeed(text: string): ParsedFeed {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new FeedParseError(`not a readable JSON Feed: ${(error as Error).message}`, { cause: error });
  }
  const parsed = feedSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(document)'} ${i.message}`).join('; ');
    throw new FeedParseError(`not a JSON Feed: ${problems}`);
  }
  const feed: ParsedFeed = { format: 'json', items: [] };
  if (parsed.data.title) feed.title = parsed.data.title;
  if (parsed.data.home_page_url) feed.link = parsed.data.home_page_url;
  for (const raw of parsed.data.items) {
    const item = itemSchema.safeParse(raw);
    if (item.success) feed.items.push(toParsedItem(item.data));
  }
  return feed;
}

function toParsedItem(raw: z.infer<typeof itemSchema>): ParsedItem {
  const values: Omit<ParsedItem, 'categories'> = {
    guid: raw.id,
    link: raw.url ?? raw.external_url,
    title: raw.title,
    contentHtml: raw.content_html,
    contentText: raw.content_text,
    summaryHtml: raw.summary,
    published: raw.date_published ?? raw.date_modified,
    updated: raw.date_modified,
    author: raw.authors?.find((a) => a?.name)?.name ?? raw.author?.name,
    imageUrl: raw.image ?? raw.banner_image,
  };
  const item: ParsedItem = { categories: raw.tags ?? [] };
  for (const [key, value] of Object.entries(values)) {
    if (value) (item as unknown as Record<string, string>)[key] = value;
  }
  return item;
}
