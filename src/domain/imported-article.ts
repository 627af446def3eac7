import type { ImportedArticle } from './import-text.ts';
import { withoutUndefined } from './without-undefined.ts';

export interface ImportOptions {
  status: 'draft' | 'published';
  image?: string;
  publishedAt?: string;
  alt?: string;
  tags?: string[];
  imageType?: string;
  imageLength?: number;
  authorUrl?: string;
}

/**
 * An imported text article as article input. The text format names a photo's
 * credit and caption but not the file, so the image needs its URL from the
 * caller; without one, the article has no lead image.
 */
export function importedToInput(imported: ImportedArticle, options: ImportOptions): Record<string, unknown> {
  const input: Record<string, unknown> = {
    title: imported.title,
    summary: imported.summary,
    bodyHtml: imported.bodyHtml,
    category: imported.category,
    tags: options.tags ?? [],
    author: options.authorUrl ? { ...imported.author, url: options.authorUrl } : imported.author,
    status: options.status,
    relatedLinks: imported.relatedLinks,
  };
  if (options.publishedAt) input.publishedAt = options.publishedAt;
  if (options.image) {
    input.image = withoutUndefined({
      url: options.image,
      credit: imported.image?.credit,
      caption: imported.image?.caption,
      alt: options.alt ?? imported.image?.caption,
      type: options.imageType,
      length: options.imageLength,
    });
  }
  return input;
}
