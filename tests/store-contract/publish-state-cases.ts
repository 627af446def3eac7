import { describe, expect, it } from 'vitest';
import type { FeedTarget } from '../../src/store/store.ts';
import { makeArticle, minutesAgo, NOW } from '../make-article.ts';
import type { StoreContext } from '../store-contract.ts';

const FAR_PAST = '2000-01-01T00:00:00.000Z';
const mark = { checkedAt: NOW, settingsDigest: 'digest-1', fullCheckAt: NOW };
const target = (kind: FeedTarget['kind'], slug: string): FeedTarget => ({ kind, slug });

/** The change log and the mark behind incremental publishing (migration 0011). */
export function describePublishStateCases({ store }: StoreContext): void {
  /** What the log holds now, with an empty scheduling window. */
  const logged = async () => {
    const { latestChange } = await store().readPublishState();
    const targets = await store().listFeedChanges({ upTo: latestChange, visibleAfter: NOW, visibleUntil: NOW });
    return { latestChange, targets };
  };

  describe('feed changes', () => {
    it('logs the category, author and tags of a new article, and has no mark before the first run', async () => {
      expect(await store().readPublishState()).toEqual({ latestChange: 0, loggedChanges: 0, documentsVersion: 0 });
      await store().createArticle(
        makeArticle({ category: 'World', tags: ['Rivers', 'AI'], author: { name: 'Ada Quill' } }),
      );
      expect((await logged()).targets).toEqual([
        target('author', 'ada-quill'),
        target('category', 'world'),
        target('tag', 'ai'),
        target('tag', 'rivers'),
      ]);
    });

    it('forgets the log up to the mark it saves, and keeps what came after', async () => {
      await store().createArticle(makeArticle({ category: 'World', tags: [] }));
      const { latestChange } = await logged();
      await store().createArticle(makeArticle({ category: 'Tech', tags: [], author: { name: 'Bo Ferris' } }));
      await store().savePublishMark(mark, latestChange);
      const state = await store().readPublishState();
      expect(state.mark).toEqual(mark);
      expect(state.loggedChanges).toBe(state.latestChange - latestChange); // the second article's entries
      expect((await logged()).targets).toEqual([target('author', 'bo-ferris'), target('category', 'tech')]);
      await store().savePublishMark({ ...mark, settingsDigest: 'digest-2' }, state.latestChange);
      expect((await logged()).targets).toEqual([]);
      expect((await store().readPublishState()).mark?.settingsDigest).toBe('digest-2');
    });

    it('logs both sides of an edit that moves an article, and the feeds of a deleted one', async () => {
      const article = makeArticle({ category: 'World', tags: ['Rivers'], author: { name: 'Ada Quill' } });
      await store().createArticle(article);
      await store().savePublishMark(mark, (await logged()).latestChange);
      await store().updateArticle({
        ...article,
        category: 'Tech',
        categorySlug: 'tech',
        tags: ['Chips'],
        author: { name: 'Bo Ferris' },
        revision: 2,
        updatedAt: NOW,
      });
      expect((await logged()).targets).toEqual([
        target('author', 'ada-quill'),
        target('author', 'bo-ferris'),
        target('category', 'tech'),
        target('category', 'world'),
        target('tag', 'chips'),
        target('tag', 'rivers'),
      ]);
      await store().savePublishMark(mark, (await logged()).latestChange);
      await store().deleteArticle(article.id, NOW);
      expect((await logged()).targets).toEqual([
        target('author', 'bo-ferris'),
        target('category', 'tech'),
        target('tag', 'chips'),
      ]);
    });

    it('names the feeds of articles whose scheduled time falls in the window, without a write', async () => {
      const scheduled = makeArticle({ category: 'World', tags: ['Rivers'], author: { name: 'Ada Quill' } });
      await store().createArticles([{ ...scheduled, publishedAt: minutesAgo(5) }, makeArticle({ status: 'draft' })]);
      const { latestChange } = await logged();
      await store().savePublishMark(mark, latestChange);
      const window = (visibleAfter: string, visibleUntil: string) =>
        store().listFeedChanges({ upTo: latestChange, visibleAfter, visibleUntil });
      expect(await window(minutesAgo(10), NOW)).toEqual([
        target('author', 'ada-quill'),
        target('category', 'world'),
        target('tag', 'rivers'),
      ]);
      expect(await window(minutesAgo(5), NOW)).toEqual([]); // it was visible at the last run already
      expect(await window(FAR_PAST, minutesAgo(6))).toEqual([]);
    });
  });

  describe('heads of named tag and author feeds', () => {
    it('gives the same names and digests as the listing of every feed, for the slugs that have articles', async () => {
      const ada = { name: 'Ada Quill' };
      await store().createArticles([
        makeArticle({ tags: ['Climate', 'Coast'], author: ada, publishedAt: minutesAgo(30) }),
        makeArticle({ tags: ['climate'], author: ada, publishedAt: minutesAgo(5) }),
        makeArticle({ tags: ['Football'], author: { name: 'Bo Ferris' }, status: 'draft' }),
      ]);
      for (const kind of ['tag', 'author'] as const) {
        const every = await store().listFollowFeedHeads(kind, NOW, 2);
        const slugs = [...every.map((feed) => feed.slug), 'nobody-at-all'];
        expect(await store().listFollowFeedHeadsOf(kind, slugs, NOW, 2)).toEqual(every);
      }
      expect(await store().listFollowFeedHeadsOf('tag', ['football'], NOW, 2)).toEqual([
        { slug: 'football', name: 'Football', heads: '' },
      ]);
    });

    it('reads more slugs than D1 binds in one query', async () => {
      const tags = Array.from({ length: 120 }, (_, i) => `Topic ${String(i).padStart(3, '0')}`);
      await store().createArticles([makeArticle({ tags: tags.slice(0, 60) }), makeArticle({ tags: tags.slice(60) })]);
      const slugs = tags.map((tag) => tag.toLowerCase().replace(' ', '-'));
      const found = await store().listFollowFeedHeadsOf('tag', slugs, NOW, 5);
      expect(found.map((feed) => feed.slug)).toEqual(slugs);
    });
  });
}
