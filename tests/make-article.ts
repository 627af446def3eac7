import type { Article } from '../src/domain/article.ts';

/** The instant every store test treats as "now". */
export const NOW = '2026-03-01T12:00:00.000Z';

let sequence = 0;

/** An instant `minutes` before NOW, ISO 8601. */
export function minutesAgo(minutes: number): string {
  return new Date(Date.parse(NOW) - minutes * 60_000).toISOString();
}

/**
 * A complete, published Article with every optional part filled in. Ids
 * increase with each call, so creation order is id order (as newId gives);
 * pass overrides for whatever a test is about.
 */
export function makeArticle(overrides: Partial<Article> = {}): Article {
  sequence += 1;
  const n = String(sequence).padStart(6, '0');
  const id = overrides.id ?? `art_${n}`;
  const title = overrides.title ?? `Story number ${n}`;
  const category = overrides.category ?? 'World News';
  return {
    id,
    guid: `tag:news.example,2026-03-01:article/${id}`,
    slug: `story-${n}`,
    title,
    summary: `Summary of ${title}.`,
    bodyHtml: `<p>Body of ${title}, with <a href="https://example.org/x">a link</a>.</p>`,
    category,
    categorySlug: category.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    tags: ['alpha', 'beta'],
    image: {
      url: 'https://news.example/media/lead.jpg',
      credit: 'Twitter',
      caption: 'A caption with “quotes” & ampersands',
      alt: 'Alt text',
      type: 'image/jpeg',
      length: 48_213,
    },
    author: { name: 'Isaac Serna-Diez', role: 'Reporter', bio: 'Isaac Serna-Diez is a reporter.' },
    status: 'published',
    publishedAt: minutesAgo(sequence),
    createdAt: minutesAgo(1000),
    updatedAt: minutesAgo(500),
    relatedLinks: [],
    revision: 1,
    ...overrides,
  };
}
