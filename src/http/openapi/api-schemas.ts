import { z } from 'zod';
import { authorSchema, editorialLinkSchema, imageSchema } from '../../domain/schemas.ts';

/**
 * The shapes the admin API answers with, for /api/openapi.json. Requests are
 * described by the domain's own input schemas (they validate them); these
 * describe responses only and are never used to parse anything.
 */

export const errorSchema = z
  .object({
    error: z.string().meta({ description: 'What failed, in words' }),
    details: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .optional()
      .meta({ description: 'For a 400: each failing field' }),
  })
  .meta({ id: 'Error', description: 'Every 4xx and 5xx answer of the admin API' });

const isoInstant = z.string().meta({ format: 'date-time', example: '2026-11-25T12:00:00.000Z' });

export const articleSchema = z
  .object({
    id: z.string().meta({ example: 'art_01jd6x0c8h2k9m3n4p5q6r7s8t' }),
    guid: z.string().meta({ description: 'Permanent feed id, a tag: URI (RFC 4151)' }),
    slug: z.string(),
    title: z.string(),
    summary: z.string(),
    bodyHtml: z.string(),
    category: z.string(),
    categorySlug: z.string(),
    tags: z.array(z.string()),
    image: imageSchema.optional(),
    author: authorSchema,
    status: z.enum(['draft', 'published']),
    publishedAt: isoInstant.optional().meta({ description: 'Visible in feeds from this instant; later = scheduled' }),
    createdAt: isoInstant,
    updatedAt: isoInstant,
    relatedLinks: z.array(editorialLinkSchema),
    revision: z.number().int(),
  })
  .meta({ id: 'Article' });

export const categorySchema = z
  .object({ name: z.string(), slug: z.string(), total: z.number().int(), published: z.number().int() })
  .meta({ id: 'Category' });

export const publishRunSchema = z
  .object({
    startedAt: isoInstant,
    durationMs: z.number().int(),
    trigger: z.string(),
    feedsChecked: z.number().int(),
    feedsWritten: z.array(z.string()),
    errors: z.array(z.object({ feed: z.string(), message: z.string() })),
  })
  .meta({ id: 'PublishRun' });

/** What POST /publish answers: the run as recorded, and the URLs whose bytes changed (announced to WebSub). */
export const publishResultSchema = publishRunSchema
  .extend({ changedUrls: z.array(z.string()) })
  .meta({ id: 'PublishResult' });

export const relatedAnswerSchema = z
  .object({
    articleId: z.string(),
    related: z.array(
      z.object({
        title: z.string(),
        url: z.string().nullable(),
        source: z.string().nullable().meta({ description: '"own" or the external source\'s name' }),
        kind: z.enum(['own', 'external']).nullable(),
        targetId: z.string().nullable(),
        publishedAt: isoInstant.nullable(),
        editorial: z.boolean(),
        resolved: z.boolean(),
        score: z.number(),
        reasons: z.array(
          z.object({
            type: z.enum(['editorial', 'shared-terms', 'same-category', 'shared-tags']),
            values: z.array(z.string()).optional(),
          }),
        ),
      }),
    ),
    changed: z.array(z.string()).optional().meta({ description: 'After a refresh: the articles whose links changed' }),
  })
  .meta({ id: 'RelatedStories' });

export const sourceSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    name: z.string(),
    categoryHint: z.string().optional(),
    pollIntervalMinutes: z.number().int(),
    enabled: z.boolean(),
    createdAt: isoInstant,
    updatedAt: isoInstant,
    health: z.object({
      etag: z.string().optional(),
      lastModified: z.string().optional(),
      lastFetchAt: isoInstant.optional(),
      lastSuccessAt: isoInstant.optional(),
      lastStatus: z.number().int().optional(),
      lastError: z.string().optional().meta({ description: 'Why the last fetch failed, in words' }),
      itemsStored: z.number().int(),
      consecutiveFailures: z.number().int(),
      nextPollAt: isoInstant,
    }),
  })
  .meta({ id: 'Source' });

export const externalItemSchema = z
  .object({
    id: z.string(),
    sourceId: z.string(),
    guid: z.string().optional(),
    link: z.string().optional(),
    title: z.string(),
    summary: z.string(),
    contentHtml: z.string(),
    contentText: z.string(),
    imageUrl: z.string().optional(),
    author: z.string().optional(),
    categories: z.array(z.string()),
    publishedAt: isoInstant,
    firstSeenAt: isoInstant,
    updatedAt: isoInstant,
  })
  .meta({ id: 'ExternalItem' });

/** A page of a list: follow nextCursor (absent on the last page). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().optional() });
}

/** `{ content: { 'application/json': { schema } }, description }`, the common response. */
export function json<T extends z.ZodType>(schema: T, description: string) {
  return { content: { 'application/json': { schema } }, description };
}

/** The error answers every admin route can give, plus the ones a route names. */
export function errors(...statuses: (400 | 404 | 409 | 413 | 415 | 422)[]) {
  const descriptions = {
    400: 'Invalid input: `details` names each failing field',
    404: 'No such resource',
    409: 'Conflicts with the current state (e.g. the slug is taken)',
    413: 'The body is larger than 1 MiB',
    415: 'Wrong Content-Type',
    422: 'Text that is not an article',
  } as const;
  return {
    401: json(errorSchema, 'No bearer token, or the wrong one'),
    503: json(errorSchema, 'The admin API is disabled (no ADMIN_TOKEN)'),
    ...Object.fromEntries(statuses.map((s) => [s, json(errorSchema, descriptions[s])])),
  };
}
