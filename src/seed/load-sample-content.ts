import { readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { z } from 'zod';
import type { Article } from '../domain/article.ts';
import { createArticleFromInput } from '../domain/article-factory.ts';
import { parsePublisherText } from '../domain/import-text.ts';
import { importedToInput } from '../domain/imported-article.ts';
import { articleInputSchema } from '../domain/schemas.ts';
import { slugify } from '../domain/slug.ts';
import { validate } from '../domain/validate.ts';
import type { Store } from '../store/store.ts';

const manifestSchema = z.array(
  z.object({
    file: z.string(),
    image: z.string().optional(),
    alt: z.string().optional(),
    tags: z.array(z.string()).default([]),
    publishedAt: z.string().optional(),
    status: z.enum(['draft', 'published']).default('published'),
    authorUrl: z.string().optional(),
  }),
);

export const IMAGE_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
};

export interface SeedContext {
  store: Store;
  seedDir: string;
  siteUrl: string;
  now: () => Date;
  afterArticleChange?: (article: Article) => Promise<void>;
}

/**
 * Loads data/seed/manifest.json: each entry is an article in the publisher's
 * text format plus what the format lacks (image file, tags, date). Articles
 * whose slug already exists are skipped, so it is safe to run again and
 * resumes an interrupted load. Returns the number of articles created.
 */
export async function loadSampleContent(ctx: SeedContext): Promise<number> {
  const manifest = manifestSchema.parse(JSON.parse(await readFile(join(ctx.seedDir, 'manifest.json'), 'utf8')));
  let created = 0;
  for (const entry of manifest) {
    const imported = parsePublisherText(await readFile(join(ctx.seedDir, entry.file), 'utf8'));
    if (await ctx.store.getArticleBySlug(slugify(imported.category), slugify(imported.title))) continue;
    const image = entry.image ? await describeImage(ctx.seedDir, entry.image) : undefined;
    const raw = importedToInput(imported, {
      status: entry.status,
      tags: entry.tags,
      ...(entry.publishedAt && { publishedAt: entry.publishedAt }),
      ...(entry.alt && { alt: entry.alt }),
      ...(entry.authorUrl && { authorUrl: entry.authorUrl }),
      ...(image && { image: image.url, imageType: image.type, imageLength: image.length }),
    });
    const input = validate(articleInputSchema, raw, `sample article ${entry.file}`);
    // A sample article reads as written when it was published, not when the demo started.
    const writtenAt =
      input.publishedAt && input.publishedAt < ctx.now().toISOString() ? input.publishedAt : ctx.now().toISOString();
    const article = createArticleFromInput(input, { now: writtenAt, siteUrl: ctx.siteUrl });
    await ctx.store.createArticle(article);
    await ctx.afterArticleChange?.(article);
    created++;
  }
  return created;
}

/** Sample images are served at /media/<file name>; their real type and size go into the enclosure. */
async function describeImage(seedDir: string, path: string) {
  const type = IMAGE_TYPES[extname(path).toLowerCase()];
  if (!type) throw new Error(`sample image ${path} has an unknown type`);
  const { size } = await stat(join(seedDir, path));
  return { url: `/media/${path.split('/').pop()}`, type, length: size };
}
