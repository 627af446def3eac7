import { renderAtom } from './atom.ts';
import type { FeedFormat, FeedRenderer } from './feed-spec.ts';
import { renderJsonFeed } from './json-feed.ts';
import { renderRss } from './rss.ts';

export const renderers: Record<FeedFormat, FeedRenderer> = {
  rss: renderRss,
  atom: renderAtom,
  json: renderJsonFeed,
};
