import { parseJsonFeed } from './parse-json-feed.ts';
import { parseXmlFeed } from './parse-xml-feed.ts';
import { FeedParseError, type ParsedFeed } from './parsed-feed.ts';

/** Detects the format and hands the text to its parser: JSON Feed, or RSS/RDF/Atom. */
export async function parseFeed(text: string): Promise<ParsedFeed> {
  const start = text.trimStart();
  if (start === '') throw new FeedParseError('the document is empty');
  if (start.startsWith('{')) return parseJsonFeed(start);
  if (!start.includes('<')) throw new FeedParseError('not a feed: neither XML nor JSON');
  return parseXmlFeed(start);
}
