import { describe, expect, it } from 'vitest';
import { articleUrlFor } from '../../src/domain/article-url.ts';
import { makeArticle, minutesAgo, NOW } from '../make-article.ts';
import type { StoreContext } from '../store-contract.ts';

export function describeFeedCases({ store }: StoreContext): void {
  /** Two categories with one of each thing a feed must leave out. */
  async function seedFeeds() {
    const oldest = makeArticle({ category: 'Sport', publishedAt: minutesAgo(30) });
    const newest = makeArticle({ category: 'World News', publishedAt: minutesAgo(5) });
    const middle = makeArticle({ category: 'World News', publishedAt: minutesAgo(10), revision: 4 });
    const draft = makeArticle({ category: 'World News', status: 'draft', publishedAt: minutesAgo(1) });
    const scheduled = makeArticle({ category: 'World News', publishedAt: minutesAgo(-5) });
    const deleted = makeArticle({ category: 'World News', publishedAt: minutesAgo(2) });
    for (const a of [oldest, newest, middle, draft, scheduled, deleted]) await store().createArticle(a);
    await store().deleteArticle(deleted.id);
    return { oldest, newest, middle, draft, scheduled };
  }

  describe('feeds', () => {
    it('gives all visible articles newest first, leaving out drafts, scheduled and deleted ones', async () => {
      const { oldest, newest, middle } = await seedFeeds();
      const articles = await store().listFeedArticles({ now: NOW, limit: 50 });
      expect(articles).toEqual([newest, middle, oldest]);
    });

    it('gives one category by slug', async () => {
      const { newest, middle } = await seedFeeds();
      const ids = (await store().listFeedArticles({ categorySlug: 'world-news', now: NOW, limit: 50 })).map(
        (a) => a.id,
      );
      expect(ids).toEqual([newest.id, middle.id]);
      expect(await store().listFeedArticles({ categorySlug: 'empty', now: NOW, limit: 50 })).toEqual([]);
    });

    it('stops at the limit, keeping the newest', async () => {
      const { newest, middle } = await seedFeeds();
      expect((await store().listFeedArticles({ now: NOW, limit: 2 })).map((a) => a.id)).toEqual([newest.id, middle.id]);
    });

    it('lets a scheduled article in once its time has come', async () => {
      const { scheduled, newest } = await seedFeeds();
      const later = minutesAgo(-6);
      const ids = (await store().listFeedArticles({ now: later, limit: 2 })).map((a) => a.id);
      expect(ids).toEqual([scheduled.id, newest.id]);
    });

    it('gives heads (id and revision) matching the feed articles, in the same order', async () => {
      await seedFeeds();
      for (const query of [
        { now: NOW, limit: 50 },
        { categorySlug: 'world-news', now: NOW, limit: 1 },
      ]) {
        const articles = await store().listFeedArticles(query);
        const heads = await store().listFeedHeads(query);
        expect(heads.map(({ id, revision }) => ({ id, revision }))).toEqual(
          articles.map((a) => ({ id: a.id, revision: a.revision })),
        );
      }
    });

    it('orders articles published at the same instant by id, newest first', async () => {
      const at = minutesAgo(3);
      const a = makeArticle({ publishedAt: at });
      const b = makeArticle({ publishedAt: at });
      await store().createArticle(a);
      await store().createArticle(b);
      expect((await store().listFeedHeads({ now: NOW, limit: 5 })).map((h) => h.id)).toEqual([b.id, a.id]);
    });

    it('lists sitemap entries of visible articles only, newest first, since an instant when asked', async () => {
      const { oldest, newest, middle } = await seedFeeds();
      const entries = await store().listSitemapEntries({ now: NOW, limit: 50 });
      expect(entries).toEqual(
        [newest, middle, oldest].map((a) => ({
          categorySlug: a.categorySlug,
          slug: a.slug,
          title: a.title,
          publishedAt: a.publishedAt,
          updatedAt: a.updatedAt,
        })),
      );
      const recent = await store().listSitemapEntries({ now: NOW, since: minutesAgo(10), limit: 50 });
      expect(recent.map((e) => e.slug)).toEqual([newest.slug, middle.slug]);
      expect(await store().listSitemapEntries({ now: NOW, limit: 1 })).toHaveLength(1);
    });
  });

  describe('related stories', () => {
    it('resolves editorial links to our published articles and keeps external URLs', async () => {
      const target = makeArticle({ category: 'Sport', slug: 'the-match' });
      const draft = makeArticle({ status: 'draft' });
      const article = makeArticle({
        relatedLinks: [
          { title: 'The match', articleId: target.id },
          { title: 'Unpublished', articleId: draft.id },
          { title: 'Elsewhere', url: 'https://other.example/a/story' },
        ],
      });
      for (const a of [target, draft, article]) await store().createArticle(a);
      const related = await store().listRelatedStories([article], articleUrlFor('https://news.example'));
      expect(related.get(article.id)).toEqual([
        {
          title: 'The match',
          url: 'https://news.example/sport/the-match',
          source: 'own',
          publishedAt: target.publishedAt,
        },
        { title: 'Elsewhere', url: 'https://other.example/a/story', source: 'other.example' },
      ]);
    });
  });
}
