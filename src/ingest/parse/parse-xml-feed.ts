import Parser from 'rss-parser';
import { type FeedFormat, FeedParseError, type ParsedFeed, type ParsedItem } from './parsed-feed.ts';
import { repairXml } from './repair-xml.ts';
import { firstText, textOf } from './xml-values.ts';

type Raw = Record<string, unknown>;
type ParserInternals = {
  parseItemAtom(entry: Raw): Raw;
  parseItemRss(item: Raw, fields: unknown): Raw;
  buildAtomFeed(xml: Raw): Raw;
};

const ITEM_FIELDS = [
  ['media:content', 'mediaContent', { keepArray: true }],
  ['media:thumbnail', 'mediaThumbnail', { keepArray: true }],
  ['link', 'links', { keepArray: true }],
  ['category', 'rawCategories', { keepArray: true }],
  ['dc:subject', 'subjects', { keepArray: true }],
  'description',
] as const;

/**
 * RSS 0.9x/2.0, RDF and Atom through rss-parser's parseString (never parseURL, which does
 * its own HTTP). The parser is made tolerant in two places it is not: one entry with a bad
 * Atom date no longer fails the whole feed, and xml:base on the root and items is kept.
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
  // The format rss-parser actually read decides which fields hold the content.
  const format: FeedFormat = output.isAtom === true ? 'atom' : detectRssFormat(xml);
  const feed: ParsedFeed = { format, items: items.map((item) => toParsedItem(item, format === 'atom')) };
  assign(feed, 'title', textOf(output.title));
  assign(feed, 'link', textOf(output.link));
  assign(feed, 'base', textOf(output.base));
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
  shared ??= createParser();
  try {
    return (await shared.parseString(xml)) as unknown as Raw;
  } catch (error) {
    shared = undefined;
    throw error;
  }
}

function createParser(): Parser {
  const parser = new Parser({ defaultRSS: 2, customFields: { item: ITEM_FIELDS as unknown as string[] } });
  const internals = parser as unknown as ParserInternals;
  const { parseItemAtom, parseItemRss, buildAtomFeed } = internals;
  internals.parseItemAtom = (entry) => {
    // rss-parser would also strip the content into a text snippet we never read (a tenth of the
    // parse time): content is copied here the way its getContent does, unless it is markup that
    // needs its XML builder, which is left to rss-parser.
    const content = Array.isArray(entry.content) ? entry.content[0] : undefined;
    const text = contentText(content);
    const source = text === undefined ? entry : { ...entry, content: undefined };
    let item: Raw;
    try {
      item = parseItemAtom.call(internals, source);
    } catch {
      // rss-parser calls new Date(published).toISOString(), which throws on a date it cannot read.
      item = parseItemAtom.call(internals, { ...source, published: undefined, updated: undefined });
    }
    if (text !== undefined) item.content = text;
    item.rawPublished = entry.published;
    item.rawUpdated = entry.updated;
    item.base = baseOf(entry);
    return item;
  };
  internals.parseItemRss = (xmlItem, fields) => {
    // RSS <description> is read through ITEM_FIELDS; rss-parser's own copy of it (`content`, and
    // a text snippet of it and of content:encoded) is never used, so it is not built.
    const { description, ...rest } = xmlItem;
    const item = parseItemRss.call(internals, rest, withoutSnippets(fields));
    const first = Array.isArray(description) ? description[0] : undefined;
    if (first !== undefined) item.description = contentText(first) ?? first;
    item.base = baseOf(xmlItem);
    return item;
  };
  internals.buildAtomFeed = (xml) => {
    const feed = buildAtomFeed.call(internals, xml);
    feed.base = baseOf(xml.feed);
    feed.isAtom = true;
    return feed;
  };
  return parser;
}

/** An element's text as rss-parser's getContent reads it; undefined when it holds child elements. */
function contentText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  const text = (value as { _?: unknown } | undefined)?._;
  return typeof text === 'string' ? text : undefined;
}

const plainFields = new WeakMap<object, unknown[]>();

/** rss-parser's item field list without its includeSnippet option (the list is built once per feed). */
function withoutSnippets(fields: unknown): unknown {
  if (!Array.isArray(fields)) return fields;
  let plain = plainFields.get(fields);
  if (!plain) {
    plain = fields.map((f) =>
      Array.isArray(f) && f.length > 2 ? [f[0], f[1], { ...f[2], includeSnippet: false }] : f,
    );
    plainFields.set(fields, plain);
  }
  return plain;
}

function baseOf(element: unknown): string | undefined {
  const attributes = (element as { $?: Record<string, unknown> } | undefined)?.$;
  const base = attributes?.['xml:base'];
  return typeof base === 'string' ? base : undefined;
}

function detectRssFormat(xml: string): FeedFormat {
  return /<rdf:RDF[\s>]/i.test(xml.slice(0, 4096)) ? 'rdf' : 'rss';
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
  assign(item, 'base', textOf(raw.base));
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
