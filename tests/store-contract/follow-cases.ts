import { describe, expect, it } from 'vitest';
import { makeArticle, minutesAgo, NOW } from '../make-article.ts';
import type { StoreContext } from '../store-contract.ts';

/** Tag and author feeds, the lists behind their pages, and retractions (migration 0007). */
export function describeFollowCases({ store }: StoreContext): void {
  async function seed() {
    const ada = { name: 'Ada Quill', bio: 'Ada writes.' };
    const older = makeArticle({ tags: ['Climate', 'Coast'], author: ada, publishedAt: minutesAgo(30) });
    const newer = makeArticle({
      tags: ['climate', ' '],
      author: { ...ada, bio: 'Ada writes a lot.' },
      publishedAt: minutesAgo(5),
    });
    const other = makeArticle({ tags: ['Football'], author: { name: 'Bo Ferris' }, publishedAt: minutesAgo(10) });
    const draft = makeArticle({ tags: ['Climate'], author: ada, status: 'draft' });
    const scheduled = makeArticle({ tags: ['Climate'], author: ada, publishedAt: minutesAgo(-5) });
    await store().createArticles([older, newer, other, draft, scheduled]);
    return { older, newer, other, draft, scheduled };
  }

  describe('tag and author feeds', () => {
    it('gives a tag feed newest first, one tag whatever its case, leaving out drafts and scheduled articles', async () => {
      const { older, newer } = await seed();
      const ids = (await store().listFeedArticles({ tagSlug: 'climate', now: NOW, limit: 10 })).map((a) => a.id);
      expect(ids).toEqual([newer.id, older.id]);
      const heads = await store().listFeedHeads({ tagSlug: 'climate', now: NOW, limit: 1 });
      expect(heads.map((h) => h.id)).toEqual([newer.id]);
    });

    it('gives an author feed by the slug of the name, and pages with before', async () => {
      const { older, newer } = await seed();
      const page = await store().listFeedArticles({ authorSlug: 'ada-quill', now: NOW, limit: 1 });
      expect(page.map((a) => a.id)).toEqual([newer.id]);
      const before = { publishedAt: newer.publishedAt as string, id: newer.id };
      const next = await store().listFeedArticles({ authorSlug: 'ada-quill', now: NOW, limit: 5, before });
      expect(next.map((a) => a.id)).toEqual([older.id]);
    });

    it('lists every tag and author with the digest of its newest visible heads, in one call each', async () => {
      const { older, newer, other } = await seed();
      const tags = await store().listFollowFeedHeads('tag', NOW, 5);
      expect(tags.map((t) => t.slug)).toEqual(['climate', 'coast', 'football']);
      expect(tags[0]?.name).toMatch(/^climate$/i);
      expect(tags[0]?.heads).toBe([newer, older].map((a) => `${a.id}:${a.revision}:${a.publishedAt}`).join(' '));
      const authors = await store().listFollowFeedHeads('author', NOW, 1);
      expect(authors).toEqual([
        { slug: 'ada-quill', name: 'Ada Quill', heads: `${newer.id}:1:${newer.publishedAt}` },
        { slug: 'bo-ferris', name: 'Bo Ferris', heads: `${other.id}:1:${other.publishedAt}` },
      ]);
    });

    it('moves a tag feed when an article is edited: new revision, new tags, unpublished', async () => {
      const { newer, older } = await seed();
      await store().updateArticle({ ...newer, tags: ['Coast'], revision: 2, updatedAt: NOW });
      expect((await store().listFeedHeads({ tagSlug: 'coast', now: NOW, limit: 5 })).map((h) => h.revision)).toEqual([
        2, 1,
      ]);
      expect((await store().listFeedHeads({ tagSlug: 'climate', now: NOW, limit: 5 })).map((h) => h.id)).toEqual([
        older.id,
      ]);
      await store().updateArticle({ ...older, status: 'draft', updatedAt: NOW });
      expect(await store().listFeedHeads({ tagSlug: 'climate', now: NOW, limit: 5 })).toEqual([]);
    });

    it('counts visible articles per tag and author, and names the author by the newest article', async () => {
      await seed();
      expect(await store().listFollowTargets('tag', NOW)).toEqual([
        { slug: 'climate', name: expect.stringMatching(/^climate$/i), published: 2 },
        { slug: 'coast', name: 'Coast', published: 1 },
        { slug: 'football', name: 'Football', published: 1 },
      ]);
      expect((await store().listFollowTargets('author', NOW)).map((a) => [a.slug, a.published])).toEqual([
        ['ada-quill', 2],
        ['bo-ferris', 1],
      ]);
      expect(await store().getAuthorProfile('ada-quill', NOW)).toEqual({ name: 'Ada Quill', bio: 'Ada writes a lot.' });
      expect(await store().getAuthorProfile('nobody', NOW)).toBeUndefined();
      expect(await store().getTagName('football', NOW)).toBe('Football');
      expect(await store().getTagName('nothing', NOW)).toBeUndefined();
      // A tag only a draft or a scheduled article has is not named anywhere yet.
      await store().createArticles([
        makeArticle({ tags: ['Secret Merger'], status: 'draft' }),
        makeArticle({ tags: ['Embargoed'], publishedAt: minutesAgo(-5) }),
      ]);
      expect(await store().getTagName('secret-merger', NOW)).toBeUndefined();
      expect(await store().getTagName('embargoed', NOW)).toBeUndefined();
    });

    it('has nothing to index for articles written through the store', async () => {
      await seed();
      expect(await store().indexFollowTargets(100)).toBe(0);
    });
  });

  describe('retractions', () => {
    it('records a visible article that is deleted, with where it was listed; not a draft', async () => {
      const { older, draft } = await seed();
      expect(await store().deleteArticle(older.id, NOW)).toBe(true);
      await store().deleteArticle(draft.id, NOW);
      expect(await store().listRetractions(minutesAgo(60))).toEqual([
        {
          articleId: older.id,
          guid: older.guid,
          slug: older.slug,
          categorySlug: older.categorySlug,
          authorSlug: 'ada-quill',
          tagSlugs: ['climate', 'coast'],
          title: older.title,
          retractedAt: NOW,
        },
      ]);
      expect(await store().listRetractions(minutesAgo(-1))).toEqual([]);
      expect((await store().getRetraction(older.categorySlug, older.slug))?.guid).toBe(older.guid);
      expect(await store().getRetraction(older.categorySlug, 'elsewhere')).toBeUndefined();
    });

    it('records an unpublished article at the time of the edit, and forgets it once it is published again', async () => {
      const { newer } = await seed();
      await store().updateArticle({ ...newer, status: 'draft', updatedAt: NOW });
      expect((await store().listRetractions(minutesAgo(60))).map((r) => [r.articleId, r.retractedAt])).toEqual([
        [newer.id, NOW],
      ]);
      await store().updateArticle({ ...newer, status: 'published', updatedAt: minutesAgo(-1) });
      expect(await store().listRetractions(minutesAgo(60))).toEqual([]);
    });
  });
}
