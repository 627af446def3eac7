import type { ExternalItem, Source } from '../../domain/source.ts';

/** One sources row as both engines return it. */
export interface SourceRow {
  id: string;
  url: string;
  name: string;
  category_hint: string | null;
  poll_interval_minutes: number;
  enabled: number;
  created_at: string;
  updated_at: string;
  etag: string | null;
  last_modified: string | null;
  last_fetch_at: string | null;
  last_success_at: string | null;
  last_status: number | null;
  last_error: string | null;
  items_stored: number;
  consecutive_failures: number;
  next_poll_at: string;
  disabled_reason: string | null;
  body_hash: string | null;
}

export const SOURCE_COLUMNS =
  'id, url, name, category_hint, poll_interval_minutes, enabled, created_at, updated_at, etag, last_modified, last_fetch_at, last_success_at, last_status, last_error, items_stored, consecutive_failures, next_poll_at, disabled_reason, body_hash';

export function sourceFromRow(row: SourceRow): Source {
  const source: Source = {
    id: row.id,
    url: row.url,
    name: row.name,
    pollIntervalMinutes: row.poll_interval_minutes,
    enabled: row.enabled === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    health: {
      itemsStored: row.items_stored,
      consecutiveFailures: row.consecutive_failures,
      nextPollAt: row.next_poll_at,
    },
  };
  if (row.category_hint !== null) source.categoryHint = row.category_hint;
  const h = source.health;
  if (row.etag !== null) h.etag = row.etag;
  if (row.last_modified !== null) h.lastModified = row.last_modified;
  if (row.last_fetch_at !== null) h.lastFetchAt = row.last_fetch_at;
  if (row.last_success_at !== null) h.lastSuccessAt = row.last_success_at;
  if (row.last_status !== null) h.lastStatus = row.last_status;
  if (row.last_error !== null) h.lastError = row.last_error;
  if (row.disabled_reason !== null) h.disabledReason = row.disabled_reason;
  if (row.body_hash !== null) h.bodyHash = row.body_hash;
  return source;
}

/** One external_items row. */
export interface ExternalItemRow {
  id: string;
  source_id: string;
  dedupe_key: string;
  guid: string | null;
  link: string | null;
  content_hash: string;
  title: string;
  summary: string;
  content_html: string;
  content_text: string;
  image_url: string | null;
  author: string | null;
  categories: string;
  published_at: string;
  first_seen_at: string;
  updated_at: string;
}

export const ITEM_COLUMNS =
  'id, source_id, dedupe_key, guid, link, content_hash, title, summary, content_html, content_text, image_url, author, categories, published_at, first_seen_at, updated_at';

export function itemFromRow(row: ExternalItemRow): ExternalItem {
  const item: ExternalItem = {
    id: row.id,
    sourceId: row.source_id,
    title: row.title,
    summary: row.summary,
    contentHtml: row.content_html,
    contentText: row.content_text,
    categories: JSON.parse(row.categories),
    publishedAt: row.published_at,
    firstSeenAt: row.first_seen_at,
    updatedAt: row.updated_at,
  };
  if (row.guid !== null) item.guid = row.guid;
  if (row.link !== null) item.link = row.link;
  if (row.image_url !== null) item.imageUrl = row.image_url;
  if (row.author !== null) item.author = row.author;
  return item;
}
