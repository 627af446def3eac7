/**
 * Related stories between our articles and ingested external items: the
 * values the related scorer produces, the store keeps and the API shows.
 */

/** Related links shown per article unless RELATED_LINKS says otherwise. */
export const DEFAULT_RELATED_LINKS = 5;
/**
 * Computed links stored per article: the most RELATED_LINKS and `?limit=`
 * may ask for, so any lookup is a read of stored candidates, and a candidate
 * that goes away (an article unpublished) leaves the next one in its place.
 */
export const MAX_RELATED_LINKS = 20;

/** Where a related story lives: one of our articles or an ingested external item. */
export type StoryKind = 'own' | 'external';

/** Why a story was chosen. `values` names the shared terms or tags, or the category. */
export interface RelatedReason {
  type: 'editorial' | 'shared-terms' | 'same-category' | 'shared-tags';
  values?: string[];
}

/** A story the full-text index found for a query, with what scoring needs. */
export interface StoryCandidate {
  kind: StoryKind;
  id: string;
  title: string;
  summary: string;
  /** Absent only for an unpublished article of ours. */
  url?: string;
  /** "own" for our archive, otherwise the external source's name. */
  source: string;
  category?: string;
  tags: string[];
  publishedAt?: string;
  /** The start of the story's text after the summary (plain text, a few hundred characters), when it has one. */
  lead?: string;
  /** BM25 relevance from the index, positive, higher is better; 0 when found by title alone. */
  textScore: number;
}

/**
 * One stored related link of an article, in rendering order. An editorial
 * link whose headline matches no story yet is kept unresolved (no kind, no
 * url) and resolved by a later refresh once a matching story arrives.
 */
export interface RelatedLink {
  position: number;
  editorial: boolean;
  kind?: StoryKind;
  targetId?: string;
  url?: string;
  title: string;
  source?: string;
  publishedAt?: string;
  score: number;
  reasons: RelatedReason[];
  /** The target's summary as last read (not stored): enough to tell a near-copy under another headline. */
  summary?: string;
}
