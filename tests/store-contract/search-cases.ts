import { describe, expect, it } from 'vitest';
import { makeArticle } from '../make-article.ts';
import type { StoreContext } from '../store-contract.ts';

/** GET /api/articles?q=: every word in the title, summary or body, the last one as a prefix. */
export function describeSearchCases({ store }: StoreContext): void {
  describe('searching articles', () => {
    const ids = async (q: string, extra: { status?: 'draft' | 'published'; category?: string } = {}) =>
      (await store().listArticles({ q, limit: 10, ...extra })).items.map((a) => a.id);

    it('finds words in the title, the summary or the body, newest first, drafts included', async () => {
      const inTitle = makeArticle({ title: 'Harbour bridge reopens', status: 'draft' });
      const inSummary = makeArticle({ summary: 'The harbour authority met on Tuesday.' });
      const inBody = makeArticle({ bodyHtml: '<p>Ferries crossed the harbour all night.</p>' });
      const elsewhere = makeArticle({ title: 'Council budget', bodyHtml: '<p>Nothing about boats.</p>' });
      for (const a of [inTitle, inSummary, inBody, elsewhere]) await store().createArticle(a);
      expect(await ids('harbour')).toEqual([inBody.id, inSummary.id, inTitle.id]);
      expect(await ids('HARBOUR bridge')).toEqual([inTitle.id]); // every word, any case
      expect(await ids('harbour', { status: 'draft' })).toEqual([inTitle.id]);
      expect(await ids('submarine')).toEqual([]);
    });

    it('reads the last word as a prefix, so a half-typed query already finds', async () => {
      const article = makeArticle({ title: 'Referendum results announced' });
      await store().createArticle(article);
      expect(await ids('referend')).toEqual([article.id]);
      expect(await ids('results annou')).toEqual([article.id]);
      expect(await ids('referend results')).toEqual([]); // only the last word is a prefix
    });

    it('follows edits and deletes, and treats FTS5 syntax as plain words', async () => {
      const article = makeArticle({
        title: 'Storm warning',
        summary: 'Wind.',
        bodyHtml: '<p>Rain.</p>',
        category: 'Weather',
      });
      await store().createArticle(article);
      await store().updateArticle({ ...article, title: 'Heatwave warning', revision: 2 });
      expect(await ids('storm')).toEqual([]);
      expect(await ids('heatwave')).toEqual([article.id]);
      expect(await ids('"heatwave" OR NEAR(x) * :')).toEqual([]); // quoted as words: "OR", "NEAR", "x" do not occur
      expect(await ids('warning', { category: 'weather' })).toEqual([article.id]);
      expect(await ids('warning', { category: 'sport' })).toEqual([]);
      expect(await ids('*** ???')).toEqual([]); // no word at all: nothing matches, no FTS5 syntax error
      await store().deleteArticle(article.id);
      expect(await ids('heatwave')).toEqual([]);
    });

    it('pages search results with the same cursor as the plain list', async () => {
      const all = [1, 2, 3].map((n) => makeArticle({ title: `Election night ${n}` }));
      for (const a of all) await store().createArticle(a);
      const first = await store().listArticles({ q: 'election', limit: 2 });
      expect(first.nextCursor).toBeDefined();
      const second = await store().listArticles({ q: 'election', limit: 2, cursor: first.nextCursor ?? '' });
      expect([...first.items, ...second.items].map((a) => a.id)).toEqual(all.map((a) => a.id).reverse());
    });
  });
}
