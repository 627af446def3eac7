import type { Article, RelatedStory } from '../domain/article.ts';
import type { ExternalItem, NormalizedItem, Source } from '../domain/source.ts';

/**
 * The Store port: everything the app asks of its database, named by intent.
 * Adapters (SQLite on Node, D1 on Workers) share the SQL in sql-store.ts and
 * differ only in how a batch of statements runs atomically.
 */

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export interface ArticleFilter {
  category?: string;
  status?: Article['status'];
  cursor?: string;
  limit: number;
}

export interface CategorySummary {
  name: string;
  slug: string;
  total: number;
  published: number;
}

/** Which feed: one category (by slug) or everything. */
export interface FeedQuery {
  categorySlug?: string;
  /** Only articles published at or before this instant (ISO 8601). */
  now: string;
  limit: number;
}

/** Enough to tell whether a feed's inputs changed without loading the articles. */
export interface FeedHead {
  id: string;
  revision: number;
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

export interface ArticleStore {
  /** Throws ConflictError when the slug (or id) is taken. */
  createArticle(article: Article): Promise<void>;
  /** Throws NotFoundError for an unknown id, ConflictError for a taken slug. */
  updateArticle(article: Article): Promise<void>;
  deleteArticle(id: string): Promise<boolean>;
  getArticle(id: string): Promise<Article | undefined>;
  getArticleBySlug(categorySlug: string, slug: string): Promise<Article | undefined>;
  listArticles(filter: ArticleFilter): Promise<Page<Article>>;
  listCategories(now: string): Promise<CategorySummary[]>;
  listFeedHeads(query: FeedQuery): Promise<FeedHead[]>;
  listFeedArticles(query: FeedQuery): Promise<Article[]>;
  /** Related stories per article, editorial links first, ready to render. */
  listRelatedStories(articles: Article[], siteUrl: string): Promise<Map<string, RelatedStory[]>>;
}

export interface PublishStore {
  listFeedDocuments(): Promise<FeedDocumentState[]>;
  saveFeedDocuments(documents: FeedDocumentState[]): Promise<void>;
  recordPublishRun(run: PublishRun): Promise<void>;
  listPublishRuns(limit: number): Promise<PublishRun[]>;
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
  consecutiveFailures: number;
  nextPollAt: string;
  /** A permanent redirect (301/308) or autodiscovery moved the feed here. */
  movedTo?: string;
  items: NormalizedItem[];
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
  /** Saves the settings (url, name, category hint, interval, enabled, next poll); not the health. */
  updateSource(source: Source): Promise<void>;
  deleteSource(id: string): Promise<boolean>;
  getSource(id: string): Promise<Source | undefined>;
  listSources(filter: { cursor?: string; limit: number }): Promise<Page<Source>>;
  /** Enabled sources due at `now` and not claimed by another cycle, now claimed until `claimUntil`. */
  claimDueSources(now: string, claimUntil: string, limit: number): Promise<Source[]>;
  /** Claims one source whatever its schedule (ingest now); undefined when unknown or claimed. */
  claimSource(id: string, now: string, claimUntil: string): Promise<Source | undefined>;
  /** One atomic write: deduplicated items, retention, and the source's health. */
  recordFetch(record: FetchRecord): Promise<FetchRecordResult>;
  listExternalItems(filter: ExternalItemFilter): Promise<Page<ExternalItem>>;
}

export interface Store extends ArticleStore, PublishStore, SourceStore {}
