import { z } from 'zod';
import { articleCursor } from './cursors.ts';
import { reservedSlugProblem } from './reserved-slugs.ts';
import { SLUG_PATTERN } from './slug.ts';

/** Input validation at the edges: every write to the store passes one of these. */

const isoDate = z.iso.datetime({ offset: true }).transform((value) => new Date(value).toISOString());
const httpUrl = z.url({ protocol: /^https?$/ }).max(2048);
const sitePath = z
  .string()
  .regex(/^\/[^\s]*$/, 'must be an absolute URL or a path starting with /')
  .max(2048);

/** A name that becomes a URL segment (category, tag, author): its slug must not be one of our routes. */
const routeName = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .superRefine((name, ctx) => {
      const problem = reservedSlugProblem(name);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });

export const imageSchema = z.strictObject({
  url: z.union([httpUrl, sitePath]),
  credit: z.string().trim().max(200).optional(),
  caption: z.string().trim().max(1000).optional(),
  alt: z.string().trim().max(500).optional(),
  type: z
    .string()
    .regex(/^image\/[a-z0-9.+-]+$/, 'must be an image MIME type')
    .optional(),
  length: z.number().int().nonnegative().optional(),
  /** Written by the measurement on save; accepted (and replaced) so a GET body can be sent back. */
  probeError: z.string().max(1000).optional(),
});

export const authorSchema = z.strictObject({
  name: routeName(200),
  role: z.string().trim().max(200).optional(),
  bio: z.string().trim().max(2000).optional(),
  url: httpUrl.optional(),
});

export const editorialLinkSchema = z.strictObject({
  title: z.string().trim().min(1).max(500),
  url: httpUrl.optional(),
  articleId: z.string().min(1).max(64).optional(),
});

export const articleInputSchema = z.strictObject({
  title: z.string().trim().min(1).max(500),
  slug: z.string().regex(SLUG_PATTERN, 'lower-case words joined by hyphens').max(80).optional(),
  summary: z.string().trim().max(2000).optional(),
  bodyHtml: z.string().max(500_000),
  category: routeName(100),
  tags: z.array(routeName(60)).max(30).default([]),
  image: imageSchema.optional(),
  author: authorSchema,
  status: z.enum(['draft', 'published']).default('draft'),
  publishedAt: isoDate.optional(),
  relatedLinks: z.array(editorialLinkSchema).max(20).default([]),
});
export type ArticleInput = z.infer<typeof articleInputSchema>;

/** PATCH semantics: every field optional; `null` clears an optional one. */
export const articlePatchSchema = articleInputSchema
  .extend({
    image: imageSchema.nullable().optional(),
    publishedAt: isoDate.nullable().optional(),
    tags: z.array(routeName(60)).max(30).optional(),
    status: z.enum(['draft', 'published']).optional(),
    relatedLinks: z.array(editorialLinkSchema).max(20).optional(),
  })
  .partial();
export type ArticlePatch = z.infer<typeof articlePatchSchema>;

export const articleListQuerySchema = z.strictObject({
  category: z.string().max(100).optional(),
  status: z.enum(['draft', 'published']).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  cursor: articleCursor.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
