import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '../../src/domain/errors.ts';
import { makeArticle } from '../make-article.ts';
import type { StoreContext } from '../store-contract.ts';

export function describeArticleCases({ store }: StoreContext): void {
  describe('articles', () => {
    it('returns a created article whole, every part intact', async () => {
      const article = makeArticle({
        tags: ['film', 'awards'],
        relatedLinks: [
          { title: 'Elsewhere', url: 'https://other.example/story' },
          { title: 'Ours', articleId: 'x' },
        ],
      });
      await store().createArticle(article);
      expect(await store().getArticle(article.id)).toEqual(article);
      expect(await store().getArticleBySlug(article.categorySlug, article.slug)).toEqual(article);
    });

    it('leaves optional parts absent rather than null', async () => {
      const { image: _image, publishedAt: _publishedAt, ...bare } = makeArticle({ status: 'draft' });
      await store().createArticle(bare);
      const stored = await store().getArticle(bare.id);
      expect(stored).toEqual(bare);
      expect(stored && 'image' in stored).toBe(false);
      expect(stored && 'publishedAt' in stored).toBe(false);
    });

    it('answers undefined for an unknown id or slug, and for a slug in another category', async () => {
      const article = makeArticle();
      await store().createArticle(article);
      expect(await store().getArticle('art_missing')).toBeUndefined();
      expect(await store().getArticleBySlug(article.categorySlug, 'no-such-slug')).toBeUndefined();
      expect(await store().getArticleBySlug('another-category', article.slug)).toBeUndefined();
    });

    it('rejects a taken slug with a ConflictError naming the field, and writes nothing', async () => {
      const first = makeArticle({ slug: 'same-slug' });
      await store().createArticle(first);
      const second = makeArticle({ slug: 'same-slug', title: 'Another headline' });
      const error = await store()
        .createArticle(second)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).details).toEqual({ field: 'slug' });
      expect(await store().getArticle(second.id)).toBeUndefined();
      expect(await store().getArticle(first.id)).toEqual(first);
    });

    it('rejects a second article with the same id', async () => {
      const first = makeArticle();
      await store().createArticle(first);
      await expect(store().createArticle({ ...first, slug: 'other-slug' })).rejects.toBeInstanceOf(ConflictError);
      expect(await store().getArticle(first.id)).toEqual(first);
    });

    it('updates every field but the id', async () => {
      const article = makeArticle();
      await store().createArticle(article);
      const edited = makeArticle({
        id: article.id,
        guid: article.guid,
        title: 'A new headline',
        slug: 'a-new-headline',
        category: 'Sport',
        categorySlug: 'sport',
        status: 'draft',
        revision: 2,
      });
      await store().updateArticle(edited);
      expect(await store().getArticle(article.id)).toEqual(edited);
      expect(await store().getArticleBySlug(article.categorySlug, article.slug)).toBeUndefined();
    });

    it('rejects an update of an unknown id with a NotFoundError', async () => {
      await expect(store().updateArticle(makeArticle())).rejects.toBeInstanceOf(NotFoundError);
    });

    it('rejects an update to a slug another article holds, leaving both as they were', async () => {
      const a = makeArticle();
      const b = makeArticle();
      await store().createArticle(a);
      await store().createArticle(b);
      await expect(store().updateArticle({ ...b, slug: a.slug, title: 'Changed' })).rejects.toBeInstanceOf(
        ConflictError,
      );
      expect(await store().getArticle(a.id)).toEqual(a);
      expect(await store().getArticle(b.id)).toEqual(b);
    });

    it('creates many articles in one write, or none of them when one slug is taken', async () => {
      const taken = makeArticle();
      await store().createArticle(taken);
      const batch = [makeArticle(), makeArticle(), makeArticle({ slug: taken.slug })];
      await expect(store().createArticles(batch)).rejects.toBeInstanceOf(ConflictError);
      for (const article of batch) expect(await store().getArticle(article.id)).toBeUndefined();
      const good = batch.slice(0, 2);
      await store().createArticles(good);
      for (const article of good) expect(await store().getArticle(article.id)).toEqual(article);
    });

    it('keeps the paths an article left (slug or category edits) and answers them with the article as it is now', async () => {
      const article = makeArticle({ slug: 'first-slug' });
      await store().createArticle(article);
      const renamed = { ...article, slug: 'second-slug', revision: 2 };
      await store().updateArticle(renamed);
      const moved = { ...renamed, category: 'Sport', categorySlug: 'sport', slug: 'third-slug', revision: 3 };
      await store().updateArticle(moved);
      expect(await store().getMovedArticle(article.categorySlug, 'first-slug')).toEqual(moved);
      expect(await store().getMovedArticle(article.categorySlug, 'second-slug')).toEqual(moved);
      expect(await store().getMovedArticle('sport', 'third-slug')).toBeUndefined(); // its current path
      expect(await store().getMovedArticle(article.categorySlug, 'never-used')).toBeUndefined();
      // Edits that keep the path add no history; going back to an old path makes it current again.
      await store().updateArticle({ ...moved, title: 'Same path', revision: 4 });
      await store().updateArticle({
        ...moved,
        category: article.category,
        categorySlug: article.categorySlug,
        slug: 'first-slug',
      });
      expect(await store().getMovedArticle(article.categorySlug, 'first-slug')).toBeUndefined();
      expect((await store().getMovedArticle('sport', 'third-slug'))?.slug).toBe('first-slug');
      // A failed edit (taken slug) records nothing; deleting the article drops its history.
      const other = makeArticle();
      await store().createArticle(other);
      await expect(store().updateArticle({ ...other, slug: 'first-slug' })).rejects.toBeInstanceOf(ConflictError);
      expect(await store().getMovedArticle(other.categorySlug, other.slug)).toBeUndefined();
      await store().deleteArticle(article.id);
      expect(await store().getMovedArticle('sport', 'third-slug')).toBeUndefined();
    });

    it('deletes an article once, then reports it gone', async () => {
      const article = makeArticle();
      await store().createArticle(article);
      expect(await store().deleteArticle(article.id)).toBe(true);
      expect(await store().getArticle(article.id)).toBeUndefined();
      expect(await store().deleteArticle(article.id)).toBe(false);
    });
  });
}
