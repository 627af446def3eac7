import { NotFoundError, ValidationError } from '../domain/errors.ts';
import { strongEtag } from '../publish/digest.ts';
import {
  type FeedDefinition,
  type FeedSettings,
  feedPageSize,
  feedScope,
  findFeed,
  parseFeedDocumentName,
} from '../publish/feed-catalog.ts';
import { decodePageCursor, loadFeedPage } from '../publish/feed-page.ts';
import type { FeedDocument } from '../publish/feed-sink.ts';
import { CONTENT_TYPES, type FeedFormat, type FeedRenderer } from '../render/feed-spec.ts';
import type { FeedPosition, Store } from '../store/store.ts';

export interface FeedArchiveDeps {
  store: Store;
  settings: FeedSettings;
  now: () => Date;
  /** One renderer per format, chosen by the assembly (app/create-services.ts). */
  renderers: Record<FeedFormat, FeedRenderer>;
}

/** Rendered archive pages kept at once; old cursors and versions fall out first. */
const MAX_PAGES = 256;
/**
 * How long a page's version, once checked, is trusted without asking the store again. Caches may
 * keep a page for FEED_MAX_AGE anyway; a second keeps a burst of polls off the database.
 */
const RECHECK_MS = 1000;

interface CachedPage {
  /** The heads (ids, revisions, dates) the page was rendered from: its version. */
  version: string;
  /** When the version was last confirmed (ms, the app's clock). */
  checkedAt: number;
  document: FeedDocument;
}

export interface FeedArchive {
  /** The page when it is cached and its version was confirmed within RECHECK_MS: no I/O. */
  peek(name: string, cursor: string): FeedDocument | undefined;
  /** The page at its current version, rendered when that version is not cached. */
  get(name: string, cursor: string): Promise<FeedDocument>;
}

/**
 * Older pages of a feed (RFC 5005 §3 paged feeds: the published document links
 * its `next` page), as FeedDocuments the feed route serves like published ones
 * (same prepared headers, gzip, Vary, 304). A page is rendered once per cursor
 * and version: the version is the heads of its articles (what the publish job
 * fingerprints too), read with one indexed query, so an edit, a deletion or a
 * related-links change re-renders it and a repeated poll costs no rendering.
 */
export function createFeedArchive(deps: FeedArchiveDeps): FeedArchive {
  const pages = new Map<string, CachedPage>();

  const versionOf = async (feed: FeedDefinition, now: string, before: FeedPosition) =>
    JSON.stringify(
      await deps.store.listFeedHeads({ ...feedScope(feed), now, limit: feedPageSize(feed, deps.settings) + 1, before }),
    );

  const peek = (name: string, cursor: string) => {
    const cached = pages.get(`${name} ${cursor}`);
    return cached && deps.now().getTime() - cached.checkedAt < RECHECK_MS ? cached.document : undefined;
  };

  const get = async (name: string, cursor: string): Promise<FeedDocument> => {
    const position = decodePageCursor(cursor);
    if (!position) throw new ValidationError(`"${cursor}" is not a page cursor; follow the feed's rel="next" link`);
    const parsed = parseFeedDocumentName(name);
    if (!parsed) throw new NotFoundError(`no feed named "${name}"; the list of feeds is at /`);
    const checkedAt = deps.now().getTime();
    const now = new Date(checkedAt).toISOString();
    const feed = await findFeed(deps.store, parsed.key, now);
    if (!feed) throw new NotFoundError(`no feed named "${name}"; the list of feeds is at /`);
    const key = `${name} ${cursor}`;
    const version = await versionOf(feed, now, position);
    const cached = pages.get(key);
    if (cached?.version === version) {
      cached.checkedAt = checkedAt;
      return cached.document;
    }

    const { spec, items } = await loadFeedPage(deps, feed, now, position);
    const body = new TextEncoder().encode(deps.renderers[parsed.format](spec, items));
    const document: FeedDocument = {
      name,
      contentType: CONTENT_TYPES[parsed.format],
      body,
      etag: await strongEtag(body),
      lastModified: spec.updated,
    };
    pages.delete(key);
    pages.set(key, { version, checkedAt, document });
    if (pages.size > MAX_PAGES) pages.delete(pages.keys().next().value as string);
    return document;
  };

  return { peek, get };
}
