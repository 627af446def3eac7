import type { NormalizedItem } from '../../src/domain/source.ts';

/** The fetch time both runtimes normalize with. */
export const FETCHED_AT = '2026-03-02T12:00:00.000Z';

/** Documents from tests/support/hostile-feeds.ts run through both runtimes, with the Content-Type served. */
export const PARITY_DOCUMENTS = {
  entityTitles: 'application/rss+xml',
  cdataScript: 'application/rss+xml',
  javascriptLinks: 'application/rss+xml',
  missingGuids: 'application/rss+xml',
  duplicateGuids: 'application/rss+xml',
  xmlBase: 'application/atom+xml',
  oddDates: 'application/rss+xml',
  atomXhtml: 'application/atom+xml',
  rss091: 'text/xml',
  rdf: 'application/rdf+xml',
  emptyFeed: 'application/rss+xml',
  jsonFeed: 'application/feed+json',
  wrongCharset: 'application/rss+xml; charset=ISO-8859-1',
  windows1252Undeclared: 'text/xml',
  utf8Bom: 'application/rss+xml',
  utf16WithBom: 'application/rss+xml',
  malformed: 'application/rss+xml',
  truncated: 'application/rss+xml',
} as const;

export type NodeResult = { items: NormalizedItem[] } | { error: string };
