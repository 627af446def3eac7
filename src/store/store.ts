import type { Article, RelatedStory } from '../domain/article.ts';

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

export interface Store extends ArticleStore, PublishStore {}
