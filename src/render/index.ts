import { renderAtom, renderAtomChunks } from './atom.ts';
import type { FeedDocumentRenderer, FeedFormat, FeedRenderer } from './feed-spec.ts';
import { renderJsonFeed, renderJsonFeedChunks } from './json-feed.ts';
import { renderRss, renderRssChunks } from './rss.ts';

export const renderers: Record<FeedFormat, FeedRenderer> = {
  rss: renderRss,
  atom: renderAtom,
  json: renderJsonFeed,
};

/** The same documents in chunks, for the publish job, which encodes them (publish/utf8-bytes.ts) and never needs the whole string. */
export const documentRenderers: Record<FeedFormat, FeedDocumentRenderer> = {
  rss: renderRssChunks,
  atom: renderAtomChunks,
  json: renderJsonFeedChunks,
};
