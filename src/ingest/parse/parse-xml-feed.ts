import Parser from 'rss-parser';
import { type FeedFormat, FeedParseError, type ParsedFeed, type ParsedItem } from './parsed-feed.ts';
import { repairXml } from './repair-xml.ts';
import { firstText, textOf } from './xml-values.ts';

type Raw = Record<string, unknown>;

/**
 * Elements that rss-parser would spend work on that we throw away, or that can fail a whole
 * feed: it calls new Date(x).toISOString() on Atom <published> and <updated>, a RangeError for
 * one unreadable date, and it strips every RSS description and content:encoded into a text
 * snippet we never read. Renamed as xml2js reads the document (its tagNameProcessors, passed
 * through rss-parser's documented `xml2js` option), they never reach rss-parser's own handling;
 * customFields below hand them back to us untouched. Atom <content> keeps its name: rss-parser
 * serializes xhtml content for us, and that is worth its snippet.
 */
export const RENAMED_ELEMENTS: Readonly<Record<string, string>> = {
  published: 'tidings:published',
  updated: 'tidings:updated',
  description: 'tidings:description',
  'content:encoded': 'tidings:encoded',
};

export function renameElement(name: string): string {
  return RENAMED_ELEMENTS[name] ?? name;
}

const ITEM_FIELDS = [
  ['tidings:published', 'rawPublished'],
  ['tidings:updated', 'rawUpdated'],
  ['tidings:description', 'description'],
  ['tidings:encoded', 'content:encoded'],
  // xml2js keeps an element's attributes under "$": the whole object is the "array" kept.
  ['$', 'attributes', { keepArray: true }],
  ['media:content', 'mediaContent', { keepArray: true }],
  ['media:thumbnail', 'mediaThumbnail', { keepArray: true }],
  ['link', 'links', { keepArray: true }],
  ['category', 'rawCategories', { keepArray: true }],
  ['dc:subject', 'subjects', { keepArray: true }],
];
const FEED_FIELDS = [['$', 'attributes', { keepArray: true }]];

/**
 * RSS 0.9x/2.0, RDF and Atom through rss-parser's parseString (never parseURL, which does
 * its own HTTP), configured only through its public options; xml:base on the root and on
 * items is kept, and one entry with a bad date never fails the feed.
 */
export async function parseXmlFeed(text: string): Promise<ParsedFeed> {
  const xml = repairXml(text);
  let output: Raw;
  try {
    output = await parseWithRssParser(xml);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n').join(' ') : String(error);
    throw new FeedParseError(`not a readable feed: ${reason}`, { cause: error });
  }
  const items = Array.isArray(output.items) ? (output.items as Raw[]) : [];
  const format = detectXmlFormat(xml);
  const feed: ParsedFeed = { format, items: items.map((item) => toParsedItem(item, format === 'atom')) };
  assign(feed, 'title', textOf(output.title));
  assign(feed, 'link', textOf(output.link));
  assign(feed, 'base', baseOf(output.attributes));
  const ttl = Number(textOf(output.ttl));
  if (Number.isFinite(ttl) && ttl > 0) feed.ttlMinutes = ttl;
  return feed;
}

let shared: Parser | undefined;

/**
 * One parser for every document (parsing is synchronous inside, so calls never interleave),
 * replaced after a failure: xml2js keeps state between calls, and a failed parse can taint it.
 */
async function parseWithRssParser(xml: string): Promise<Raw> {
  shared ??= new Parser({
    defaultRSS: 2,
    xml2js: { tagNameProcessors: [renameElement] },
    customFields: { item: ITEM_FIELDS as unknown as string[], feed: FEED_FIELDS as unknown as string[] },
  });
  try {
    return (await shared.parseString(xml)) as unknown as Raw;
  } catch (error) {
    shared = undefined;
    throw error;
  }
}

function baseOf(attributes: unknown): string | undefined {
  const base = (attributes as Record<string, unknown> | undefined)?.['xml:base'];
  return typeof base === 'string' ? base : undefined;
}

/**
 * The format rss-parser reads the document as, which decides the fields that hold the content:
 * it takes a root element named "feed" for Atom, "rdf:RDF" for RSS 1.0, anything else for RSS.
 */
export function detectXmlFormat(xml: string): FeedFormat {
  const head = xml.slice(0, 4096).replace(/<!--[\s\S]*?-->/g, '');
  const root = /<(?![?!])([A-Za-z_][\w:.-]*)/.exec(head)?.[1];
  if (root === 'feed') return 'atom';
  return root === 'rdf:RDF' ? 'rdf' : 'rss';
}

function toParsedItem(raw: Raw, isAtom: boolean): ParsedItem {
  const item: ParsedItem = { categories: categoriesOf(raw) };
  assign(item, 'guid', textOf(raw.guid) ?? textOf(raw.id) ?? textOf(raw['rdf:about']));
  assign(item, 'link', textOf(raw.link) ?? firstText(raw.links));
  assign(item, 'title', textOf(raw.title));
  // rss-parser puts RSS <description> and Atom <content> both in `content`.
  assign(item, 'contentHtml', isAtom ? textOf(raw.content) : textOf(raw['content:encoded']));
  assign(item, 'summaryHtml', isAtom ? textOf(raw.summary) : (textOf(raw.description) ?? textOf(raw.summary)));
  assign(
    item,
    'published',
    textOf(raw.rawPublished) ?? textOf(raw.pubDate) ?? textOf(raw.date) ?? textOf(raw.rawUpdated),
  );
  assign(item, 'updated', textOf(raw.rawUpdated));
  const author = isAtom ? (textOf(raw.author) ?? textOf(raw.creator)) : (textOf(raw.creator) ?? textOf(raw.author));
  assign(item, 'author', author);
  assign(item, 'imageUrl', imageOf(raw));
  assign(item, 'base', baseOf(raw.attributes));
  return item;
}

function categoriesOf(raw: Raw): string[] {
  const values = [raw.categories, raw.rawCategories, raw.subjects].flatMap((v) => (Array.isArray(v) ? v : []));
  const names = values.map((v) => textOf(v) ?? textOf((v as { $?: { term?: unknown } })?.$?.term));
  return [...new Set(names.filter((n): n is string => !!n))];
}

function imageOf(raw: Raw): string | undefined {
  const enclosure = raw.enclosure as { url?: string; type?: string } | undefined;
  if (enclosure?.url && (enclosure.type ?? '').startsWith('image/')) return enclosure.url;
  for (const list of [raw.mediaContent, raw.mediaThumbnail]) {
    for (const media of Array.isArray(list) ? list : []) {
      const attributes = (media as { $?: { url?: string; medium?: string; type?: string } }).$;
      const isImage = !attributes?.medium || attributes.medium === 'image' || attributes.type?.startsWith('image/');
      if (attributes?.url && isImage) return attributes.url;
    }
  }
  for (const link of Array.isArray(raw.links) ? raw.links : []) {
    const attributes = (link as { $?: { rel?: string; type?: string; href?: string } }).$;
    if (attributes?.rel === 'enclosure' && attributes.type?.startsWith('image/') && attributes.href)
      return attributes.href;
  }
  const itunes = (raw.itunes as { image?: unknown } | undefined)?.image;
  return typeof itunes === 'string' ? itunes : undefined;
}

function assign<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined && value !== '') target[key] = value;
}
