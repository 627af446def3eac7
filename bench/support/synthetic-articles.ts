import type { Article } from '../../src/domain/article.ts';

const WORDS =
  'government minister council river harbour storm election market energy climate court police school hospital museum festival science research satellite rocket vaccine farmer drought wildfire bridge railway airport union strike budget tax bank trade port tourism cinema theatre music football tennis match record mayor village city region border ceasefire talks summit'.split(
    ' ',
  );

/** Deterministic filler text: the same i always gives the same words. */
function words(seed: number, count: number): string {
  const out: string[] = [];
  let x = seed * 2654435761;
  for (let i = 0; i < count; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out.push(WORDS[x % WORDS.length] as string);
  }
  return out.join(' ');
}

/** How many distinct tags and authors to spread articles over (two tags each); defaults keep older benchmarks' data. */
export interface FollowSpread {
  tags: number;
  authors: number;
}

/** The i-th synthetic article: one of `categories` categories, published i minutes before `now`. */
export function syntheticArticle(i: number, categories: number, now: Date, spread?: FollowSpread): Article {
  const category = `Category ${i % categories}`;
  const published = new Date(now.getTime() - (i + 1) * 60_000).toISOString();
  const id = `art_${String(i).padStart(8, '0')}`;
  const paragraphs = Array.from({ length: 6 }, (_, p) => `<p>${words(i * 10 + p, 40)}.</p>`).join('\n');
  return {
    id,
    guid: `tag:news.example,2026-01-01:article/${id}`,
    slug: `story-${i}`,
    title: `Story ${i}: ${words(i, 8)}`,
    summary: words(i + 1, 30),
    bodyHtml: paragraphs,
    category,
    categorySlug: `category-${i % categories}`,
    tags: spread
      ? [`Topic ${i % spread.tags}`, `Topic ${(i * 7 + 1) % spread.tags}`]
      : [WORDS[i % WORDS.length] as string, WORDS[(i * 7) % WORDS.length] as string],
    image: {
      url: `/media/${i}.jpg`,
      credit: 'Staff',
      caption: words(i + 2, 8),
      alt: 'A photo',
      type: 'image/jpeg',
      length: 48_000 + i,
    },
    author: ((n) => ({ name: `Writer ${n}`, role: 'Reporter', bio: `Writer ${n} is a reporter.` }))(
      i % (spread?.authors ?? 97),
    ),
    status: 'published',
    publishedAt: published,
    createdAt: published,
    updatedAt: published,
    relatedLinks: [],
    revision: 1,
  };
}
