import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parsePublisherText } from '../src/domain/import-text.ts';
import { articleInputSchema } from '../src/domain/schemas.ts';
import { slugify } from '../src/domain/slug.ts';

/** The sample content `npm start` loads: data/seed/manifest.json, articles/*.txt, images/*.jpg. */
const seedDir = new URL('../data/seed/', import.meta.url);
const fixture = readFileSync(new URL('./fixtures/seed-article.txt', import.meta.url));

const IMAGE_MIN_BYTES = 20 * 1024;
const IMAGE_MAX_BYTES = 80 * 1024;
const SEEDED_ON = '2026-11-25T00:00:00.000Z';
const OLDEST = '2026-11-01T00:00:00.000Z';

const manifestSchema = z.array(
  z.strictObject({
    file: z.string().regex(/^articles\/[a-z0-9-]+\.txt$/),
    image: z.string().regex(/^images\/[a-z0-9-]+\.jpg$/),
    alt: z.string().min(1),
    tags: z.array(z.string().min(1)),
    publishedAt: z.iso.datetime(),
    authorUrl: z.url().optional(),
    status: z.literal('draft').optional(),
  }),
);

const manifest = manifestSchema.parse(JSON.parse(readFileSync(new URL('manifest.json', seedDir), 'utf8')));
const articles = manifest.map((entry) => ({
  entry,
  article: parsePublisherText(readFileSync(new URL(entry.file, seedDir), 'utf8')),
  image: readFileSync(new URL(entry.image, seedDir)),
}));

/** Width and height from the first SOFn segment (ITU T.81, B.2.2), walking the markers. */
function jpegSize(bytes: Buffer): { width: number; height: number } | undefined {
  let at = 2;
  while (at + 9 < bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1] ?? 0;
    const isFrameHeader = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrameHeader) return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
    at += 2 + bytes.readUInt16BE(at + 2);
  }
  return undefined;
}

function toArticleInput({ entry, article, image }: (typeof articles)[number]) {
  const { image: photo, author, ...rest } = article;
  return {
    ...rest,
    tags: entry.tags,
    publishedAt: entry.publishedAt,
    status: entry.status ?? 'published',
    author: { ...author, ...(entry.authorUrl ? { url: entry.authorUrl } : {}) },
    image: { url: `/${entry.image}`, alt: entry.alt, type: 'image/jpeg', length: image.length, ...photo },
  };
}

describe('seed content', () => {
  it('lists every article file exactly once and ships the shared fixture verbatim', () => {
    const files = readdirSync(new URL('articles/', seedDir)).map((name) => `articles/${name}`);
    expect(manifest.map((e) => e.file).sort()).toEqual(files.sort());
    const copies = files.filter((file) => readFileSync(new URL(file, seedDir)).equals(fixture));
    expect(copies).toEqual(['articles/russian-draftees-goodbyes.txt']);
  });

  it('has at least 13 articles in at least 4 categories, with unique headlines and slugs', () => {
    expect(articles.length).toBeGreaterThanOrEqual(13);
    expect(new Set(articles.map(({ article }) => article.category)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(articles.map(({ article }) => article.title)).size).toBe(articles.length);
    expect(new Set(articles.map(({ article }) => slugify(article.title))).size).toBe(articles.length);
  });

  it('gives every article a body, a summary and a named author', () => {
    for (const { entry, article } of articles) {
      expect(article.bodyHtml.match(/<p>/g)?.length, entry.file).toBeGreaterThanOrEqual(5);
      expect(article.bodyHtml, entry.file).not.toContain('RELATED');
      expect(article.summary.length, entry.file).toBeGreaterThan(40);
      expect(article.author.role, entry.file).toBeTruthy();
    }
    expect(new Set(articles.map(({ article }) => article.author.name)).size).toBeGreaterThanOrEqual(10);
  });

  it('ships one real JPEG per article within the size budget', () => {
    const images = readdirSync(new URL('images/', seedDir)).map((name) => `images/${name}`);
    expect(manifest.map((e) => e.image).sort()).toEqual(images.sort());
    for (const { entry, image } of articles) {
      expect([...image.subarray(0, 3)], entry.image).toEqual([0xff, 0xd8, 0xff]);
      expect([...image.subarray(-2)], entry.image).toEqual([0xff, 0xd9]);
      expect(image.length, entry.image).toBeGreaterThanOrEqual(IMAGE_MIN_BYTES);
      expect(image.length, entry.image).toBeLessThanOrEqual(IMAGE_MAX_BYTES);
      expect(jpegSize(image), entry.image).toEqual({ width: 1200, height: 675 });
    }
  });

  it('dates every article in the three weeks before the seed day, with exactly one draft', () => {
    for (const entry of manifest) {
      const at = new Date(entry.publishedAt).toISOString();
      expect(at > OLDEST && at < SEEDED_ON, `${entry.file} ${at}`).toBe(true);
    }
    expect(manifest.filter((e) => e.status === 'draft')).toHaveLength(1);
  });

  it('links every RELATED headline to a sample article with exactly that headline', () => {
    const titles = new Set(articles.map(({ article }) => article.title));
    const links = articles.flatMap(({ entry, article }) => article.relatedLinks.map((l) => [entry.file, l.title]));
    expect(links.length).toBeGreaterThanOrEqual(15);
    for (const [file, title] of links) expect(titles.has(title ?? ''), `${file}: ${title}`).toBe(true);
    const seed = articles.find(({ entry }) => entry.file === 'articles/russian-draftees-goodbyes.txt');
    expect(seed?.article.relatedLinks.every((l) => titles.has(l.title))).toBe(true);
    expect(seed?.article.relatedLinks).toHaveLength(3);
  });

  it('makes a valid ArticleInput from every manifest entry', () => {
    for (const seeded of articles) {
      const result = articleInputSchema.safeParse(toArticleInput(seeded));
      expect(result.error?.issues, seeded.entry.file).toBeUndefined();
    }
  });
});
