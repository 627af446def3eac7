import { describe, expect, it } from 'vitest';
import { articleUrlFor } from '../../src/domain/article-url.ts';
import type { RelatedLink } from '../../src/domain/related.ts';
import { makeArticle, minutesAgo, NOW } from '../make-article.ts';
import { makeFetch, makeItem, makeSource } from '../make-source.ts';
import type { StoreContext } from '../store-contract.ts';

const SITE = 'https://news.example';
const articleUrl = articleUrlFor(SITE);

function ownLink(position: number, targetId: string, title: string, editorial = false): RelatedLink {
  return { position, editorial, kind: 'own', targetId, title, score: editorial ? 0 : 0.5, reasons: [] };
}

/** FTS5 (migration 0003) behind the related-story search: D1 must rank and filter as SQLite does. */
export function describeRelatedCases({ store }: StoreContext): void {
  async function seedStories() {
    const storm = makeArticle({ title: 'Storm floods the coast road', category: 'Weather', slug: 'storm-floods' });
    const calm = makeArticle({ title: 'Council approves the budget', category: 'Politics', slug: 'budget' });
    const draft = makeArticle({ title: 'Storm warning draft', status: 'draft', slug: 'storm-draft' });
    const later = makeArticle({ title: 'Storm season outlook', publishedAt: minutesAgo(-60), slug: 'storm-outlook' });
    for (const a of [storm, calm, draft, later]) await store().createArticle(a);
    const source = makeSource({ name: 'Coast Gazette' });
    await store().createSource(source);
    await store().recordFetch(
      makeFetch(source.id, [makeItem('surge', { title: 'Storm surge hits the coast', publishedAt: minutesAgo(30) })]),
    );
    return { storm, calm, draft, later, source };
  }

  describe('related stories', () => {
    it('finds published articles and external items sharing terms, never drafts, future ones or itself', async () => {
      const { storm } = await seedStories();
      const search = {
        terms: ['storm', 'coast'],
        field: 'text' as const,
        now: NOW,
        articleUrl: articleUrlFor(SITE),
        limit: 10,
      };
      const found = (await store().searchStories(search)).candidates;
      expect(found.map((c) => c.title).sort()).toEqual(['Storm floods the coast road', 'Storm surge hits the coast']);
      expect(found.find((c) => c.kind === 'own')?.url).toBe(`${SITE}/weather/storm-floods`);
      expect(found.find((c) => c.kind === 'external')?.source).toBe('Coast Gazette');
      expect(found.every((c) => c.textScore > 0)).toBe(true);
      const others = await store().searchStories({ ...search, self: { kind: 'own', id: storm.id } });
      expect(others.candidates.map((c) => c.kind)).toEqual(['external']);
      expect(others.selfTextScore).toBeGreaterThan(0);
    });

    it('searches headlines alone, of one kind, and treats FTS syntax in terms as words', async () => {
      await seedStories();
      const base = { field: 'title' as const, now: NOW, articleUrl: articleUrlFor(SITE), limit: 10 };
      const own = await store().searchStories({ ...base, terms: ['storm'], kind: 'own' });
      expect(own.candidates.map((c) => c.title)).toEqual(['Storm floods the coast road']);
      const hostile = await store().searchStories({ ...base, terms: ['storm"', 'OR', 'NEAR(', '*'] });
      expect(hostile.candidates.length).toBeGreaterThan(0);
      expect(hostile.candidates.every((c) => c.title.startsWith('Storm'))).toBe(true);
    });

    it('merges the small segments of the related indexes without changing what a search finds', async () => {
      await seedStories();
      // Each save is a transaction of its own, so each writes segments of its own.
      for (let i = 0; i < 6; i++) {
        await store().createArticle(makeArticle({ title: `Storm damage report ${i}`, slug: `storm-damage-${i}` }));
      }
      const searches = [
        { terms: ['storm', 'coast', 'damage'], field: 'text' as const, now: NOW, articleUrl, limit: 10 },
        { terms: ['storm', 'report'], field: 'text' as const, kind: 'own' as const, now: NOW, articleUrl, limit: 10 },
      ];
      const before = await Promise.all(searches.map((s) => store().searchStories(s)));
      const counts = await store().countStoriesWithTerms(['storm', 'damage', 'coast'], 100);
      await store().mergeSmallIndexSegments();
      await store().mergeSmallIndexSegments(); // nothing left to merge: harmless
      expect(await Promise.all(searches.map((s) => store().searchStories(s)))).toEqual(before);
      expect(before[0]?.candidates.length).toBeGreaterThan(6);
      expect(await store().countStoriesWithTerms(['storm', 'damage', 'coast'], 100)).toEqual(counts);
    });

    it("keeps our articles' own index (0012) in step with edits and deletions", async () => {
      const { storm, calm } = await seedStories();
      const ownSearch = (terms: string[]) =>
        store().searchStories({ terms, field: 'text', kind: 'own', now: NOW, articleUrl, limit: 10 });
      const found = await ownSearch(['storm', 'budget']);
      expect(found.candidates.map((c) => c.id).sort()).toEqual([storm.id, calm.id].sort());
      expect(found.candidates.every((c) => c.kind === 'own' && c.textScore > 0)).toBe(true);

      await store().updateArticle({
        ...storm,
        title: 'Heatwave grips the coast road',
        summary: 'Hot.',
        bodyHtml: '<p>Heatwave.</p>',
      });
      expect((await ownSearch(['storm'])).candidates).toEqual([]);
      expect((await ownSearch(['heatwave'])).candidates.map((c) => c.id)).toEqual([storm.id]);

      await store().deleteArticle(calm.id);
      expect((await ownSearch(['budget'])).candidates).toEqual([]);
      // An external story is not in that index: it is never a candidate and has no score on its scale.
      const fromItem = await store().searchStories({
        terms: ['coast'],
        field: 'text',
        kind: 'own',
        self: { kind: 'external', id: 'any' },
        now: NOW,
        articleUrl,
        limit: 10,
      });
      expect(fromItem.candidates.map((c) => c.id)).toEqual([storm.id]);
      expect(fromItem.selfTextScore).toBeUndefined();
    });

    it('counts the stories in the index, of every kind and status', async () => {
      await seedStories();
      expect(await store().countStories()).toBe(5); // 4 articles (a draft and a scheduled one too) + 1 item
    });

    it('returns the start of each candidate body as plain text, for matching on headline and lead', async () => {
      const article = makeArticle({
        title: 'Lighthouse keeper retires',
        bodyHtml: '<p>After <strong>forty years</strong> the lighthouse keeper locked the door.</p>',
        slug: 'keeper',
      });
      await store().createArticle(article);
      const found = await store().searchStories({
        terms: ['lighthouse'],
        field: 'text',
        now: NOW,
        articleUrl,
        limit: 5,
      });
      expect(found.candidates[0]?.lead).toBe('After forty years the lighthouse keeper locked the door.');
    });

    it("indexes an external item's body by its first 2,000 characters (0014), and stores it whole", async () => {
      const source = makeSource({ name: 'Long Reads' });
      await store().createSource(source);
      const opening = `Lighthouse keeper retires after forty years. ${'The coast road was quiet that winter. '.repeat(60)}`;
      const contentText = `${opening.slice(0, 2000)} albatross`; // the one word past the indexed start
      const item = makeItem('long', { title: 'A long read', summary: 'Winter on the coast.', contentText });
      await store().recordFetch(makeFetch(source.id, [item]));
      const search = (terms: string[]) =>
        store().searchStories({ terms, field: 'text', kind: 'external', now: NOW, articleUrl, limit: 5 });
      expect((await search(['lighthouse'])).candidates.map((c) => c.title)).toEqual(['A long read']);
      expect((await search(['albatross'])).candidates).toEqual([]);
      const [found] = (await search(['lighthouse'])).candidates;
      expect((await store().getExternalStories([found?.id ?? '']))[0]?.text).toBe(contentText);

      await store().recordFetch(
        makeFetch(source.id, [{ ...item, contentHash: 'hash-long-2', contentText: `${contentText} edited` }]),
      );
      expect((await search(['lighthouse'])).candidates.map((c) => c.title)).toEqual(['A long read']);
      expect((await search(['edited'])).candidates).toEqual([]);
    });

    it('counts the stories holding each of many terms, up to a cap', async () => {
      await seedStories();
      const named = ['storm', 'coast', 'budget', 'council', 'nothing', 'road', 'surge', 'season', 'hits', 'zzz', 'the'];
      const terms = [...Array.from({ length: 34 }, (_, i) => `filler${i}`), ...named]; // 45: past one statement's 40
      const counts = await store().countStoriesWithTerms(terms, 2);
      expect(counts).toHaveLength(terms.length);
      // storm: 3 articles (draft and scheduled ones are indexed too) + 1 item, capped at 2.
      expect(Object.fromEntries(terms.map((t, i) => [t, counts[i]]))).toMatchObject({
        storm: 2,
        budget: 1,
        nothing: 0,
        surge: 1,
        zzz: 0,
      });
    });

    it('saves links in order, moves the revision only when what feeds show changes', async () => {
      const { storm, calm } = await seedStories();
      const links = [ownLink(0, calm.id, 'Council approves the budget', true)];
      expect(await store().saveRelatedLinks(storm.id, links)).toEqual({ changed: true });
      const revision = (await store().getArticle(storm.id))?.revision ?? 0;
      expect(revision).toBeGreaterThan(storm.revision);
      expect(await store().saveRelatedLinks(storm.id, links)).toEqual({ changed: false });
      expect((await store().getArticle(storm.id))?.revision).toBe(revision);
      const stored = await store().getRelatedLinks(storm.id, articleUrlFor(SITE));
      expect(stored.map((l) => [l.position, l.title, l.url])).toEqual([
        [0, 'Council approves the budget', `${SITE}/politics/budget`],
      ]);
    });

    it('stores more links than feeds show: reads cut to a limit, and only a change among the shown moves the revision', async () => {
      const { storm, calm, later } = await seedStories();
      const extra = makeArticle({ title: 'Harbour wall repaired', slug: 'harbour' });
      const gone = makeArticle({ title: 'Pier closed for repairs', slug: 'pier' });
      for (const a of [extra, gone]) await store().createArticle(a);
      const links = [
        ownLink(0, calm.id, 'Council approves the budget', true),
        ownLink(1, gone.id, 'Pier closed for repairs'),
        ownLink(2, extra.id, 'Harbour wall repaired'),
        ownLink(3, later.id, 'Storm season outlook'),
      ];
      await store().saveRelatedLinks(storm.id, links, 2);
      const revision = (await store().getArticle(storm.id))?.revision ?? 0;
      expect((await store().getRelatedLinks(storm.id, articleUrl)).map((l) => l.targetId)).toEqual([
        calm.id,
        gone.id,
        extra.id,
        later.id,
      ]);
      expect((await store().getRelatedLinks(storm.id, articleUrl, 2)).map((l) => l.targetId)).toEqual([
        calm.id,
        gone.id,
      ]);
      // The editor's links are never cut, even past the limit.
      expect((await store().getRelatedLinks(storm.id, articleUrl, 1)).map((l) => l.targetId)).toEqual([calm.id]);

      // A change past the shown links is saved, but no feed changes.
      const reordered = [links[0], links[1], links[3], links[2]].flatMap((l, position) =>
        l ? [{ ...l, position }] : [],
      );
      expect(await store().saveRelatedLinks(storm.id, reordered, 2)).toEqual({ changed: false });
      expect((await store().getArticle(storm.id))?.revision).toBe(revision);
      expect((await store().getRelatedLinks(storm.id, articleUrl)).map((l) => l.targetId)).toEqual([
        calm.id,
        gone.id,
        later.id,
        extra.id,
      ]);

      // Feeds show the limit, and a target that cannot be shown leaves its place to the next.
      const shown = async () =>
        ((await store().listRelatedStories([storm], articleUrl, 2)).get(storm.id) ?? []).map((r) => r.title);
      expect(await shown()).toEqual(['Council approves the budget', 'Pier closed for repairs']);
      const current = await store().getArticle(gone.id);
      if (current) await store().updateArticle({ ...current, status: 'draft' });
      expect(await shown()).toEqual(['Council approves the budget', 'Storm season outlook']);
    });

    it('reads the links of many articles at once as it reads them one by one', async () => {
      const { storm, calm, draft, later } = await seedStories();
      const many = Array.from({ length: 95 }, (_, i) => makeArticle({ title: `Filler ${i}`, slug: `filler-${i}` }));
      for (const a of many) await store().createArticle(a);
      await store().saveRelatedLinks(storm.id, [
        ownLink(0, calm.id, 'Council approves the budget', true),
        ownLink(1, draft.id, 'Storm warning draft'), // not published: never read back
        ownLink(2, later.id, 'Storm season outlook'),
      ]);
      await store().saveRelatedLinks(calm.id, [ownLink(0, storm.id, 'An old headline')]);
      // The last article is past one statement's 90: read in a second one.
      const last = many.at(-1)?.id ?? '';
      await store().saveRelatedLinks(last, [ownLink(0, storm.id, 'Storm floods the coast road')]);
      const ids = [storm.id, ...many.map((a) => a.id), calm.id, 'no-such-article'];
      const sets = await store().getRelatedLinkSets(ids, articleUrl);
      expect([...sets.keys()]).toEqual(ids);
      for (const id of ids) expect(sets.get(id)).toEqual(await store().getRelatedLinks(id, articleUrl));
      expect(sets.get(storm.id)?.map((l) => l.targetId)).toEqual([calm.id, later.id]);
      expect(sets.get(calm.id)?.map((l) => [l.title, l.url])).toEqual([
        ['Storm floods the coast road', `${SITE}/weather/storm-floods`],
      ]);
      expect(sets.get(last)?.map((l) => l.targetId)).toEqual([storm.id]);
      expect(sets.get('no-such-article')).toEqual([]);
    });

    it('saves the links of many articles, and names those whose feeds change', async () => {
      const { storm, calm, later } = await seedStories();
      const many = Array.from({ length: 55 }, (_, i) => makeArticle({ title: `Filler ${i}`, slug: `filler-${i}` }));
      for (const a of many) await store().createArticle(a);
      const toStorm = [ownLink(0, storm.id, 'Storm floods the coast road')];
      await store().saveRelatedLinks(calm.id, toStorm);
      // 57 articles: two batches of 50; calm's links are unchanged, only its score moved.
      const sets = [
        { articleId: calm.id, links: [{ ...toStorm[0], score: 0.6 } as RelatedLink] },
        ...many.map((a) => ({ articleId: a.id, links: toStorm })),
        { articleId: later.id, links: [ownLink(0, calm.id, 'Council approves the budget')] },
      ];
      const revision = (await store().getArticle(calm.id))?.revision;
      expect(await store().saveRelatedLinkSets(sets, 5)).toEqual([...many.map((a) => a.id), later.id]);
      expect((await store().getArticle(calm.id))?.revision).toBe(revision);
      const stored = await store().getRelatedLinkSets([calm.id, many[54]?.id ?? '', later.id], articleUrl);
      expect([...stored.values()].map((links) => links.map((l) => [l.targetId, l.score]))).toEqual([
        [[storm.id, 0.6]],
        [[storm.id, 0.5]],
        [[calm.id, 0.5]],
      ]);
    });

    it('keeps an editorial headline unresolved until a story answers it, and unresolves it when its target goes', async () => {
      const { storm, calm } = await seedStories();
      const waiting: RelatedLink = {
        position: 0,
        editorial: true,
        title: 'A story yet to come',
        score: 0,
        reasons: [],
      };
      await store().saveRelatedLinks(storm.id, [waiting, ownLink(1, calm.id, 'Council approves the budget', true)]);
      expect(await store().listUnresolvedEditorialLinks()).toEqual([
        { articleId: storm.id, title: 'A story yet to come' },
      ]);
      const before = (await store().getArticle(storm.id))?.revision ?? 0;
      await store().deleteArticle(calm.id);
      expect((await store().listUnresolvedEditorialLinks()).map((l) => l.title).sort()).toEqual([
        'A story yet to come',
        'Council approves the budget',
      ]);
      expect((await store().getArticle(storm.id))?.revision).toBe(before + 1);
    });

    it('lists the items an ingest cycle stored since it started, and reads them as stories', async () => {
      const { source } = await seedStories();
      const since = minutesAgo(-1);
      await store().recordFetch(
        makeFetch(source.id, [makeItem('late', { title: 'Late story' })], { fetchedAt: minutesAgo(-2) }),
      );
      const ids = await store().listExternalItemIdsSince(since, 10);
      expect(ids).toHaveLength(1);
      const [story] = await store().getExternalStories(ids);
      expect(story).toMatchObject({
        title: 'Late story',
        source: 'Coast Gazette',
        url: 'https://elsewhere.example/late',
      });
    });
  });
}
