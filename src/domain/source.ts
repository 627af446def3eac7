import { z } from 'zod';
import { externalItemCursor, sourceCursor } from './cursors.ts';

/** An external feed we poll, and what we last learned from polling it. */
export interface Source {
  id: string;
  url: string;
  name: string;
  categoryHint?: string;
  pollIntervalMinutes: number;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
  health: SourceHealth;
}

/** The source's own row records every fetch, so one broken feed explains itself and never stops a cycle. */
export interface SourceHealth {
  etag?: string;
  lastModified?: string;
  lastFetchAt?: string;
  lastSuccessAt?: string;
  /** The last HTTP status; absent when the request never got an answer. */
  lastStatus?: number;
  /** Why the last fetch failed, in words; absent after a success. */
  lastError?: string;
  itemsStored: number;
  consecutiveFailures: number;
  nextPollAt: string;
  /**
   * Why Tidings disabled the source itself (the feed answered 410 Gone); it stays disabled,
   * with this reason, until it is enabled again.
   */
  disabledReason?: string;
  /** Digest of the last document its items were read from: the same document again is not parsed. */
  bodyHash?: string;
}

/** A story from another site, kept to link from our articles; never republished as ours. */
export interface ExternalItem {
  id: string;
  sourceId: string;
  guid?: string;
  link?: string;
  title: string;
  /** Plain text, a few sentences. */
  summary: string;
  /** Sanitized HTML. */
  contentHtml: string;
  /** Plain text of the content, for full-text search. */
  contentText: string;
  imageUrl?: string;
  author?: string;
  categories: string[];
  publishedAt: string;
  firstSeenAt: string;
  updatedAt: string;
}

const httpUrl = z.url({ protocol: /^https?$/ }).max(2048);
const interval = z.number().int().min(1).max(10_080); // a week at most
const DEFAULT_INTERVAL_MINUTES = 60;

export const sourceInputSchema = z.strictObject({
  url: httpUrl,
  name: z.string().trim().min(1).max(200),
  categoryHint: z.string().trim().min(1).max(100).optional(),
  pollIntervalMinutes: interval.default(DEFAULT_INTERVAL_MINUTES),
  enabled: z.boolean().default(true),
});
export type SourceInput = z.infer<typeof sourceInputSchema>;

/** PATCH semantics: every field optional; `null` clears the category hint. */
export const sourcePatchSchema = z
  .strictObject({
    url: httpUrl,
    name: z.string().trim().min(1).max(200),
    categoryHint: z.string().trim().min(1).max(100).nullable(),
    pollIntervalMinutes: interval,
    enabled: z.boolean(),
  })
  .partial();
export type SourcePatch = z.infer<typeof sourcePatchSchema>;

/** The poll interval a source may ask for, as configured (INGEST_MIN/MAX_INTERVAL_MINUTES). */
export interface PollBounds {
  minIntervalMinutes: number;
  maxIntervalMinutes: number;
}

/**
 * The source schemas of one configuration: the interval must lie within its poll bounds. The
 * scheduler would clamp any other value anyway, so accepting one would store a number that is
 * never obeyed (issue 10 item 21); the 400 names the bounds instead.
 */
export function sourceSchemasWithin({ minIntervalMinutes: min, maxIntervalMinutes: max }: PollBounds) {
  const outside = { error: `must be a whole number of minutes from ${min} to ${max}, the configured poll bounds` };
  const within = z.number().int(outside).min(min, outside).max(max, outside);
  const fallback = Math.min(Math.max(DEFAULT_INTERVAL_MINUTES, min), max);
  return {
    input: sourceInputSchema.extend({ pollIntervalMinutes: within.default(fallback) }),
    patch: sourcePatchSchema.extend({ pollIntervalMinutes: within.optional() }),
  };
}

export const sourceListQuerySchema = z.strictObject({
  cursor: sourceCursor.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const externalItemQuerySchema = z.strictObject({
  source: z.string().min(1).max(64).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  cursor: externalItemCursor.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** An item as normalize() leaves it: clean, absolute, dated; the store gives it an id. */
export interface NormalizedItem {
  guid?: string;
  link?: string;
  /** Hash of title, link and content: the identity of last resort, and how an edit is noticed. */
  contentHash: string;
  /**
   * Hash of the cleaned title and text alone: the same story republished under a new GUID
   * and a new link still has it. Absent when the item has no text to compare.
   */
  storyHash?: string;
  title: string;
  summary: string;
  contentHtml: string;
  contentText: string;
  imageUrl?: string;
  author?: string;
  categories: string[];
  publishedAt: string;
  /** True when the feed gave no usable date and publishedAt is the first-seen time. */
  isDateGuessed: boolean;
}

/** The identity an item is deduplicated by: its GUID, else its canonical link, else its content hash. */
export function dedupeKey(item: Pick<NormalizedItem, 'guid' | 'link' | 'contentHash'>): string {
  if (item.guid) return `g:${item.guid}`;
  if (item.link) return `l:${item.link}`;
  return `h:${item.contentHash}`;
}

/** How a source is doing, for operators: the store counts sources by the same rule (countSourcesByState). */
export type SourceState = 'new' | 'healthy' | 'failing' | 'disabled';
export const SOURCE_STATES: readonly SourceState[] = ['new', 'healthy', 'failing', 'disabled'];

export function sourceState(source: Pick<Source, 'enabled' | 'health'>): SourceState {
  if (!source.enabled) return 'disabled';
  if (source.health.consecutiveFailures > 0) return 'failing';
  return source.health.lastSuccessAt ? 'healthy' : 'new';
}
