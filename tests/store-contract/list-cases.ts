import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/domain/article.ts';
import { makeArticle, minutesAgo, NOW } from '../make-article.ts';
import type { StoreContext } from '../store-contract.ts';

export function describeListCases({ store }: StoreContext): void {
  async function createAll(articles: Article[]): Promise<Article[]> {
    for (const article of articles) await store().createArticle(article);
    return articles;
  }

  describe('listing articles', () => {
    it('lists newest first (by creation) and pages with a cursor, without gaps or repeats', async () => {
      const created = await createAll(Array.from({ length: 7 }, () => makeArticle()));
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await store().listArticles({ limit: 3, ...(cursor ? { cursor } : {}) });
        seen.push(...page.items.map((a) => a.id));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor && pages < 10);
      expect(pages).toBe(3);
      expect(seen).toEqual(created.map((a) => a.id).reverse());
    });

    it('gives no cursor when the page holds the last article', async () => {
      await createAll([makeArticle(), makeArticle()]);
      const page = await store().listArticles({ limit: 2 });
      expect(page.items).toHaveLength(2);
      expect(page.nextCursor).toBeUndefined();
      expect(await store().listArticles({ limit: 5 })).toEqual({ items: page.items });
    });

    it('filters by category (slug or name) and by status, together', async () => {
      const [worldDraft, worldLive, sportLive] = await createAll([
        makeArticle({ category: 'World News', status: 'draft' }),
        makeArticle({ category: 'World News' }),
        makeArticle({ category: 'Sport' }),
      ]);
      const ids = async (filter: { category?: string; status?: Article['status'] }) =>
        (await store().listArticles({ limit: 10, ...filter })).items.map((a) => a.id);
      expect(await ids({ category: 'world-news' })).toEqual([worldLive?.id, worldDraft?.id]);
      expect(await ids({ category: 'World News' })).toEqual([worldLive?.id, worldDraft?.id]);
      expect(await ids({ status: 'published' })).toEqual([sportLive?.id, worldLive?.id]);
      expect(await ids({ category: 'world-news', status: 'draft' })).toEqual([worldDraft?.id]);
      expect(await ids({ category: 'nothing-here' })).toEqual([]);
    });

    it('pages within a filter', async () => {
      const sport = await createAll([1, 2, 3].map(() => makeArticle({ category: 'Sport' })));
      await createAll([makeArticle({ category: 'World News' })]);
      const first = await store().listArticles({ category: 'sport', limit: 2 });
      expect(first.nextCursor).toBeDefined();
      const second = await store().listArticles({ category: 'sport', limit: 2, cursor: first.nextCursor ?? '' });
      expect([...first.items, ...second.items].map((a) => a.id)).toEqual(sport.map((a) => a.id).reverse());
      expect(second.nextCursor).toBeUndefined();
    });
  });

  describe('categories', () => {
    it('counts every article per category and the ones visible now', async () => {
      await createAll([
        makeArticle({ category: 'World News' }),
        makeArticle({ category: 'World News', status: 'draft' }),
        makeArticle({ category: 'World News', publishedAt: minutesAgo(-60) }), // scheduled
        makeArticle({ category: 'Sport' }),
      ]);
      expect(await store().listCategories(NOW)).toEqual([
        { name: 'Sport', slug: 'sport', total: 1, published: 1 },
        { name: 'World News', slug: 'world-news', total: 3, published: 1 },
      ]);
      expect(await store().listCategories(minutesAgo(-120))).toContainEqual({
        name: 'World News',
        slug: 'world-news',
        total: 3,
        published: 2,
      });
    });

    it('lists no category for an empty store', async () => {
      expect(await store().listCategories(NOW)).toEqual([]);
    });
  });
}
