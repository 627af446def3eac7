import type { Article, Author, RelatedStory } from '../domain/article.ts';
import type { ArticleUrlFor } from '../domain/article-url.ts';
import type { RelatedLink, StoryCandidate, StoryKind } from '../domain/related.ts';
import type { ExternalItem, NormalizedItem, Source, SourceState } from '../domain/source.ts';
import type {
  Delivery,
  DeliveryOutcome,
  SubscriptionRequest,
  SubscriptionState,
  SubscriptionStatus,
} from '../domain/subscription.ts';

/**
 * The Store port: everything the app asks of its database, named by intent.
 * One implementation (sql-store.ts, with its SQL by area in articles/, sources/,
 * related/ and publish/) runs on the SqlDatabase port; its two drivers, SQLite on
 * Node and D1 on Workers (src/adapters), differ only in how a batch of statements
 * runs atomically.
 */

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export interface ArticleFilter {
  category?: string;
  status?: Article['status'];
  /** Words that must all occur in the title, summary or body (the last one as a prefix); newest first. */
  q?: string;
  cursor?: string;
  limit: number;
}

export interface CategorySummary {
  name: string;
  slug: string;
  total: number;
  published: number;
}

/** Which feed: one category, tag or author (by slug; at most one), or everything. */
export interface FeedQuery {
  categorySlug?: string;
  tagSlug?: string;
  authorSlug?: string;
  /** Only articles published at or before this instant (ISO 8601). */
  now: string;
  limit: number;
  /** Paging: only articles older than this one in feed order (published_at DESC, id DESC). */
  before?: FeedPosition;
}

export interface FeedPosition {
  publishedAt: string;
  id: string;
}

/** Enough to tell whether a feed's inputs changed without loading the articles. */
export interface FeedHead {
  id: string;
  revision: number;
  publishedAt: string;
}

/** A tag's or author's feed and a digest of its newest heads ("id:revision:published_at ..."). */
export interface FollowFeedHeads {
  slug: string;
  name: string;
  heads: string;
}

/** A tag or author with its number of visible articles, for the lists readers browse. */
export interface FollowTarget {
  slug: string;
  name: string;
  published: number;
}

/** A once-visible article that was deleted or unpublished, and where it was listed. */
export interface Retraction {
  articleId: string;
  guid: string;
  slug: string;
  categorySlug: string;
  authorSlug: string;
  tagSlugs: string[];
  title: string;
  retractedAt: string;
}

export interface FeedDocumentState {
  name: string;
  fingerprint: string;
  etag: string;
  contentType: string;
  byteLength: number;
  publishedAt: string;
}

export interface PublishRun {
  startedAt: string;
  durationMs: number;
  trigger: string;
  feedsChecked: number;
  feedsWritten: string[];
  errors: { feed: string; message: string }[];
}

/** What a sitemap says of one visible article. */
export interface SitemapEntry {
  categorySlug: string;
  slug: string;
  title: string;
  publishedAt: string;
  updatedAt: string;
}

export interface SitemapQuery {
  /** Visible at this instant (ISO 8601). */
  now: string;
  /** Only those published at or after this instant (the news sitemap's 48 hours). */
  since?: string;
  limit: number;
}

export interface ArticleStore {
  /** Throws ConflictError when the slug (or id) is taken. */
  createArticle(article: Article): Promise<void>;
  /** Creates all or none (one transaction): bulk loads and imports. */
  createArticles(articles: Article[]): Promise<void>;
  /** Throws NotFoundError for an unknown id, ConflictError for a taken slug. */
  updateArticle(article: Article): Promise<void>;
  /** Deleting an article visible at `now` records its retraction (tombstones, 410 Gone). */
  deleteArticle(id: string, now?: string): Promise<boolean>;
  getArticle(id: string): Promise<Article | undefined>;
  getArticleBySlug(categorySlug: string, slug: string): Promise<Article | undefined>;
  /**
   * The article that was at /<categorySlug>/<slug> before a slug or category edit moved it
   * (its slug history), as it is now; undefined when no article ever left that path.
   */
  getMovedArticle(categorySlug: string, slug: string): Promise<Article | undefined>;
  listArticles(filter: ArticleFilter): Promise<Page<Article>>;
  listCategories(now: string): Promise<CategorySummary[]>;
  /** Every category that has articles, cheaply (no counts): what the publish job needs. */
  listFeedCategories(): Promise<{ slug: string; name: string }[]>;
  listFeedHeads(query: FeedQuery): Promise<FeedHead[]>;
  listFeedArticles(query: FeedQuery): Promise<Article[]>;
  /** Visible articles, newest first, without their bodies: what sitemaps list. */
  listSitemapEntries(query: SitemapQuery): Promise<SitemapEntry[]>;
}

/** Tags and authors as things to follow (issue 11), and what was retracted. */
export interface FollowStore {
  /** Every tag (or author) with articles, with the digest of its newest `limit` visible heads, in one query. */
  listFollowFeedHeads(kind: 'tag' | 'author', now: string, limit: number): Promise<FollowFeedHeads[]>;
  /** The same for these slugs only (those that have articles): an incremental publish. */
  listFollowFeedHeadsOf(
    kind: 'tag' | 'author',
    slugs: string[],
    now: string,
    limit: number,
  ): Promise<FollowFeedHeads[]>;
  /** Tags (or authors) with visible articles, by slug, with their counts. */
  listFollowTargets(kind: 'tag' | 'author', now: string): Promise<FollowTarget[]>;
  /** The tag's name, when it has a visible article: a draft's tag is not shown anywhere. */
  getTagName(slug: string, now: string): Promise<string | undefined>;
  /** The author as their newest visible article presents them. */
  getAuthorProfile(slug: string, now: string): Promise<Author | undefined>;
  /** Fills in author slugs and tags of up to `limit` articles written before migration 0007; how many it did. */
  indexFollowTargets(limit: number): Promise<number>;
  /** Retractions at or after `since`, newest first. */
  listRetractions(since: string): Promise<Retraction[]>;
  /** The newest retraction of the article that lived at this URL path, if any. */
  getRetraction(categorySlug: string, slug: string): Promise<Retraction | undefined>;
}

export interface PublishStore {
  listFeedDocuments(): Promise<FeedDocumentState[]>;
  /** Whether a document of this name was published (a WebSub topic must be one). */
  hasFeedDocument(name: string): Promise<boolean>;
  /** Saves the states in one batch and moves the documents version by one (none for an empty save). */
  saveFeedDocuments(documents: FeedDocumentState[]): Promise<void>;
  recordPublishRun(run: PublishRun): Promise<void>;
  listPublishRuns(limit: number): Promise<PublishRun[]>;
}

/** A feed's subject as an article write touched it; the publish job maps it to a feed key. */
export interface FeedTarget {
  kind: 'category' | 'tag' | 'author';
  slug: string;
}

/** What the last publish checked, so the next can check only what changed since. */
export interface PublishMark {
  /** The instant it published at: articles scheduled after it become visible without a write. */
  checkedAt: string;
  /** Digest of the settings every feed's fingerprint reads: a change re-checks every feed. */
  settingsDigest: string;
  /** When every feed was last checked. */
  fullCheckAt: string;
}

export interface PublishStateStore {
  /**
   * The last run's mark (none before the first run), the newest entry of the change log, at
   * most how many entries it holds (a bulk import logs thousands), and the documents version:
   * how many saves of feed document states there were.
   */
  readPublishState(): Promise<{
    mark?: PublishMark;
    latestChange: number;
    loggedChanges: number;
    documentsVersion: number;
  }>;
  /**
   * Every category, tag and author an article write touched (change log entries up to
   * `upTo`), and those of articles that became visible in (visibleAfter, visibleUntil].
   */
  listFeedChanges(query: { upTo: number; visibleAfter: string; visibleUntil: string }): Promise<FeedTarget[]>;
  /** Saves the mark and forgets the change log up to `forgetUpTo`, in one batch. */
  savePublishMark(mark: PublishMark, forgetUpTo: number): Promise<void>;
}

export interface ExternalItemFilter {
  sourceId?: string;
  /** Words to look for in the title or summary. */
  q?: string;
  cursor?: string;
  limit: number;
}

/** Everything one fetch of one source produced: written in one batch, items and health together. */
export interface FetchRecord {
  sourceId: string;
  /** When the fetch started (ISO 8601). */
  fetchedAt: string;
  status?: number;
  /** Why the fetch failed, in words; absent on success (a 304 is a success). */
  error?: string;
  /** Validators for the next conditional GET; undefined keeps the stored ones. */
  etag?: string | null;
  lastModified?: string | null;
  /** Digest of the document read (ingest/fetch/document-digest.ts); undefined keeps the stored one, null clears it. */
  bodyHash?: string | null;
  consecutiveFailures: number;
  nextPollAt: string;
  /** A permanent redirect (301/308) or autodiscovery moved the feed here. */
  movedTo?: string;
  /** The feed is gone (410): disable the source, with this reason, until it is enabled again. */
  disableReason?: string;
  items: NormalizedItem[];
  /**
   * The identity of every item the document still carries, unchanged ones included. A stored
   * item whose identity is among them is its own story: it is never taken for a new GUID's
   * old self by link or text. Absent: every stored item may be matched.
   */
  feedKeys?: string[];
  retention: { maxItems: number; maxAgeDays: number };
}

export interface FetchRecordResult {
  inserted: number;
  updated: number;
  unchanged: number;
  removed: number;
  itemsStored: number;
  /** False when the source was deleted while it was being fetched. */
  sourceExists: boolean;
}

export interface SourceStore {
  /** Throws ConflictError when the URL is already registered. */
  createSource(source: Source): Promise<void>;
  /** Creates many in one batch; a URL already registered is skipped. Per source: was it created? */
  createSources(sources: Source[]): Promise<boolean[]>;
  /** Saves the settings (url, name, category hint, interval, enabled, next poll); not the health. */
  updateSource(source: Source): Promise<void>;
  deleteSource(id: string): Promise<boolean>;
  getSource(id: string): Promise<Source | undefined>;
  listSources(filter: { cursor?: string; limit: number }): Promise<Page<Source>>;
  /** How many sources are in each state (domain/source.ts sourceState), every state present. */
  countSourcesByState(): Promise<Record<SourceState, number>>;
  /** Enabled sources due at `now` and not claimed by another cycle, now claimed until `claimUntil`. */
  claimDueSources(now: string, claimUntil: string, limit: number): Promise<Source[]>;
  /** Claims one source whatever its schedule (ingest now); undefined when unknown or claimed. */
  claimSource(id: string, now: string, claimUntil: string): Promise<Source | undefined>;
  /** The identity and version of every stored item of a source, so unchanged items can skip normalization. */
  listItemHashes(sourceId: string): Promise<Map<string, string>>;
  /** How many of a source's stored items were published at or after `since`: how often it posts. */
  countItemsPublishedSince(sourceId: string, since: string): Promise<number>;
  /** One atomic write: deduplicated items, retention, and the source's health. */
  recordFetch(record: FetchRecord): Promise<FetchRecordResult>;
  listExternalItems(filter: ExternalItemFilter): Promise<Page<ExternalItem>>;
}

/** A full-text query for related stories (src/related builds it; the store runs it on FTS5). */
export interface RelatedSearch {
  /** Plain words; the store quotes each one, so no FTS5 syntax gets through. */
  terms: string[];
  /** Search headlines only (resolving an editorial link) or title, summary and body. */
  field: 'title' | 'text';
  /** Keep to one kind of story. */
  kind?: StoryKind;
  /** The story the query was built from: its own score scales the others'. */
  self?: { kind: StoryKind; id: string };
  /** Our articles count only when published at or before this instant. */
  now: string;
  /** Builds our articles' URLs (the domain's policy; the store only knows their slugs). */
  articleUrl: ArticleUrlFor;
  limit: number;
}

export interface RelatedSearchResult {
  /** Best first; never includes `self`. */
  candidates: StoryCandidate[];
  /** BM25 of `self` for the same query, when it is indexed and matches. */
  selfTextScore?: number;
}

/** An ingested item as related-story matching reads it. */
export interface ExternalStory {
  id: string;
  title: string;
  summary: string;
  text: string;
  url?: string;
  source: string;
  category?: string;
  tags: string[];
  publishedAt: string;
}

export interface UnresolvedEditorialLink {
  articleId: string;
  title: string;
}

export interface RelatedStore {
  searchStories(search: RelatedSearch): Promise<RelatedSearchResult>;
  /** How many stories the related index holds (articles of any status and external items). */
  countStories(): Promise<number>;
  /** How many stories contain each term (title, summary or body), counted up to `cap`. */
  countStoriesWithTerms(terms: string[], cap: number): Promise<number[]>;
  /**
   * Merges the related indexes' small recent segments, a bounded amount of work (a few ms),
   * before a refresh that looks up thousands of terms: each lookup probes every segment.
   * Changes no search result.
   */
  mergeSmallIndexSegments(): Promise<void>;
  getExternalStories(ids: string[]): Promise<ExternalStory[]>;
  /** Items inserted or updated at or after `since` (an ingest cycle's start), oldest first. */
  listExternalItemIdsSince(since: string, limit: number): Promise<string[]>;
  /** Editorial `RELATED:` headlines that matched no story yet. */
  listUnresolvedEditorialLinks(): Promise<UnresolvedEditorialLink[]>;
  /**
   * The stored links of one article in order, own targets' URLs built from their current slug;
   * with `limit`, every editorial link and then computed ones up to `limit` in all.
   */
  getRelatedLinks(articleId: string, articleUrl: ArticleUrlFor, limit?: number): Promise<RelatedLink[]>;
  /** The same, every link, for many articles at once: a map with an entry (maybe empty) for each id. */
  getRelatedLinkSets(articleIds: string[], articleUrl: ArticleUrlFor): Promise<Map<string, RelatedLink[]>>;
  /**
   * Replaces an article's links in one batch. When what feeds show changes (targets, titles,
   * order of the first `shown` links; all of them without it), the article's revision moves
   * too, so the publish job re-renders its feeds.
   */
  saveRelatedLinks(articleId: string, links: RelatedLink[], shown?: number): Promise<{ changed: boolean }>;
  /** The same for many articles, in few batches; returns the ids whose feeds will change. */
  saveRelatedLinkSets(sets: { articleId: string; links: RelatedLink[] }[], shown?: number): Promise<string[]>;
  /** Related stories per article, editorial links first, at most `limit` (editorial ones always), ready to render. */
  listRelatedStories(
    articles: Article[],
    articleUrl: ArticleUrlFor,
    limit?: number,
  ): Promise<Map<string, RelatedStory[]>>;
}

/** The WebSub hub's state (src/websub): requests awaiting verification, subscriptions, queued deliveries. */
export interface WebSubStore {
  /** Records a request as pending, replacing an earlier request for the same topic and callback. */
  saveSubscriptionRequest(request: SubscriptionRequest): Promise<void>;
  /** Pending requests not claimed by another run, oldest first, now claimed until `claimUntil`. */
  claimSubscriptionRequests(now: string, claimUntil: string, limit: number): Promise<SubscriptionRequest[]>;
  /**
   * The callback confirmed the request (§5.3.1): one batch applies it. Subscribe makes (or renews)
   * the subscription, its lease counted from `verifiedAt`; unsubscribe deletes it and its queued
   * delivery. Ignored when the request was replaced since it was claimed.
   */
  confirmSubscriptionRequest(request: SubscriptionRequest, verifiedAt: string): Promise<void>;
  /** Verification failed: the request is kept as refused, with the reason; any subscription is left as it was. */
  refuseSubscriptionRequest(request: SubscriptionRequest, error: string): Promise<void>;
  /**
   * Queues one delivery per subscription of these topics whose lease has not ended at `now`;
   * one already queued is due again now, its tries counted afresh. Returns how many are queued.
   */
  queueDeliveries(topics: string[], now: string): Promise<number>;
  /** Due deliveries of live subscriptions, claimed until `claimUntil`; those of ended leases are dropped. */
  claimDeliveries(now: string, claimUntil: string, limit: number): Promise<Delivery[]>;
  /** Applies how deliveries ended, to them and their subscriptions, in one batch. */
  recordDeliveries(outcomes: DeliveryOutcome[]): Promise<void>;
  /** When the next queued delivery is due (ISO 8601), or undefined when none is queued. */
  nextDeliveryAt(): Promise<string | undefined>;
  /**
   * Deletes what no longer does anything: subscriptions whose lease ended before `before` (with
   * any delivery still queued) and requests refused before it. Returns how many rows went.
   */
  forgetEndedSubscriptions(before: string): Promise<number>;
  /** Every request and subscription, by topic then callback; the state is as of `now`. */
  listSubscriptions(filter: { topic?: string; state?: SubscriptionState; now: string }): Promise<SubscriptionStatus[]>;
}

export interface Store
  extends ArticleStore,
    FollowStore,
    PublishStore,
    PublishStateStore,
    SourceStore,
    RelatedStore,
    WebSubStore {}
