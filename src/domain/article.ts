/** The publisher's article, as stored and as rendered into every feed format. */

export type ArticleStatus = 'draft' | 'published';

export interface Image {
  url: string;
  credit?: string;
  caption?: string;
  alt?: string;
  /** MIME type, e.g. image/jpeg; feeds need it for the RSS enclosure. */
  type?: string;
  /** Size in bytes; the RSS enclosure's required length attribute. */
  length?: number;
  /** Why the image could not be measured on save (no type or length): feeds then omit its enclosure. */
  probeError?: string;
}

export interface Author {
  name: string;
  role?: string;
  bio?: string;
  url?: string;
}

/** A link the editor chose (a `RELATED:` line); resolved to a URL or one of our articles when known. */
export interface EditorialLink {
  title: string;
  url?: string;
  articleId?: string;
}

export interface Article {
  id: string;
  /** The permanent feed id, a tag: URI (RFC 4151) minted at creation; never changes. */
  guid: string;
  slug: string;
  title: string;
  summary: string;
  bodyHtml: string;
  category: string;
  categorySlug: string;
  tags: string[];
  image?: Image;
  author: Author;
  status: ArticleStatus;
  /** ISO 8601, UTC. An article is visible in feeds from this instant on. */
  publishedAt?: string;
  createdAt: string;
  updatedAt: string;
  relatedLinks: EditorialLink[];
  /** Bumped on every change that can alter a rendered feed (edits, related links). */
  revision: number;
}

/** A story linked from an article: one of ours or an ingested external item. */
export interface RelatedStory {
  title: string;
  url: string;
  /** "own" for our archive, otherwise the external source's name. */
  source: string;
  publishedAt?: string;
}

/** What a feed renders per item: the article plus its related stories, editorial first. */
export interface FeedItem {
  article: Article;
  url: string;
  related: RelatedStory[];
}

export function isVisibleAt(article: Pick<Article, 'status' | 'publishedAt'>, now: string): boolean {
  return article.status === 'published' && article.publishedAt !== undefined && article.publishedAt <= now;
}
