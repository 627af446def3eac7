import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleUrlFor } from '../src/domain/article-url.ts';
import { refreshRelatedSince } from '../src/related/refresh-after-ingest.ts';
import { refreshRelatedForAllArticles, refreshRelatedForArticle } from '../src/related/refresh-related.ts';
import { selectQueryTerms } from '../src/related/select-query-terms.ts';
import type { Store } from '../src/store/store.ts';
import { NOW } from './make-article.ts';
import { makeItem } from './make-source.ts';
import { addExternal, openRelatedStore, story } from './related-fixture.ts';

const SITE = 'https://news.example';
const options = { now: NOW, siteUrl: SITE };

let store: Store;
let close: () => Promise<void>;

beforeEach(async () => {
  ({ store, close } = await openRelatedStore());
});

afterEach(async () => {
  await close();
});

const revisionOf = async (id: string) => (await store.getArticle(id))?.revision;

describe('refreshing related links', () => {
  it('gives an edited article fresh links and a new revision, and leaves an unchanged one alone', async () => {
    const rates = story(
      'Central bank raises interest rates again',
      'The central bank raised interest rates to fight inflation.',
    );
    const storm = story(
      'Storm floods the coastal towns',
      'Heavy rain and a storm surge flooded coastal towns overnight.',
    );
    const article = story(
      'Inflation worries grow as rates climb',
      'Shoppers feel inflation while the bank raises rates.',
    );
    for (const a of [rates, storm, article]) await store.createArticle(a);

    await refreshRelatedForArticle(store, article.id, options);
    expect((await store.getRelatedLinks(article.id, articleUrlFor(SITE))).map((l) => l.targetId)).toEqual([rates.id]);
    const revision = await revisionOf(article.id);

    const again = await refreshRelatedForArticle(store, article.id, options);
    expect(again.changed).toEqual([]);
    expect(await revisionOf(article.id)).toBe(revision);

    const current = await store.getArticle(article.id);
    if (!current) throw new Error('article vanished');
    await store.updateArticle({
      ...current,
      title: 'Coastal towns count the cost of the storm',
      summary: 'Flooded towns clean up after the storm.',
      bodyHtml: '<p>Towns on the coast clean up after the storm flooded streets.</p>',
      revision: current.revision + 1,
    });
    const edited = await refreshRelatedForArticle(store, article.id, options);
    expect(edited.changed).toContain(article.id);
    expect((await store.getRelatedLinks(article.id, articleUrlFor(SITE))).map((l) => l.targetId)).toEqual([storm.id]);
    expect(await revisionOf(article.id)).toBe((revision ?? 0) + 2);
  });

  it('adds newly ingested items to the articles they relate to, and only those', async () => {
    const eclipse = story('Eclipse darkens skies over the continent', 'Millions watched the total solar eclipse.');
    const budget = story(
      'City council passes the annual budget',
      'The council approved spending on schools and roads.',
    );
    for (const a of [eclipse, budget]) await store.createArticle(a);
    await refreshRelatedForArticle(store, eclipse.id, options);
    await refreshRelatedForArticle(store, budget.id, options);
    const budgetRevision = await revisionOf(budget.id);
    const since = NOW;

    const items = await addExternal(store, [
      makeItem('eclipse', {
        title: 'Photos: the total solar eclipse across the continent',
        summary: 'Skies went dark as the eclipse passed.',
        contentText: 'Crowds gathered to watch the solar eclipse darken the skies.',
      }),
    ]);
    const result = await refreshRelatedSince(store, since, options);
    expect(result.changed).toEqual([eclipse.id]);
    expect((await store.getRelatedLinks(eclipse.id, articleUrlFor(SITE))).map((l) => l.targetId)).toEqual([
      items[0]?.id,
    ]);
    expect(await revisionOf(budget.id)).toBe(budgetRevision);
  });

  it('drops a link whose story is deleted and moves the linking article to a new revision', async () => {
    const target = story('Volcano erupts on the island', 'Lava flows from the volcano forced evacuations.');
    const article = story(
      'Island evacuated after the volcano eruption',
      'The volcano eruption forced the island to evacuate.',
      {
        relatedLinks: [{ title: 'Volcano erupts on the island' }],
      },
    );
    for (const a of [target, article]) await store.createArticle(a);
    await refreshRelatedForArticle(store, article.id, options);
    expect((await store.getRelatedLinks(article.id, articleUrlFor(SITE)))[0]).toMatchObject({
      editorial: true,
      targetId: target.id,
    });
    const revision = await revisionOf(article.id);

    await store.deleteArticle(target.id);
    expect(await revisionOf(article.id)).toBe((revision ?? 0) + 1);
    expect(await store.getRelatedLinks(article.id, articleUrlFor(SITE))).toMatchObject([
      { editorial: true, title: target.title },
    ]);
    expect(await store.listUnresolvedEditorialLinks()).toEqual([{ articleId: article.id, title: target.title }]);
  });
});

describe('choosing query words', () => {
  it('leaves out words found in too many stories, unless too few would be left', async () => {
    for (let i = 0; i < 4; i++) await store.createArticle(story(`Storm report ${i}`, 'The storm moved east.'));
    const counts = new Map<string, number>();
    const terms = ['storm', 'volcano', 'lava', 'island', 'ash'];
    expect(await selectQueryTerms(store, terms, { commonCap: 3, termCounts: counts })).toEqual(terms.slice(1));
    expect(counts.get('storm')).toBe(3); // counting stops at the cap
    expect(await selectQueryTerms(store, ['storm', 'lava'], { commonCap: 3, termCounts: counts })).toEqual([
      'lava',
      'storm',
    ]);
  });

  it('counts only the words it still needs, best first', async () => {
    for (let i = 0; i < 4; i++) await store.createArticle(story(`Storm report ${i}`, 'The storm moved east.'));
    const counted: string[][] = [];
    const counting = {
      countStoriesWithTerms: (terms: string[], cap: number) => {
        counted.push(terms);
        return store.countStoriesWithTerms(terms, cap);
      },
    };
    const terms = ['storm', 'volcano', 'lava', 'island', 'ash', 'crater'];
    const choice = { commonCap: 3, maxQueryTerms: 4, termCounts: new Map<string, number>() };
    expect(await selectQueryTerms(counting, terms, choice)).toEqual(['volcano', 'lava', 'island', 'ash']);
    // Four wanted, "storm" too common: one more word is counted, and no word after it.
    expect(counted).toEqual([['storm', 'volcano', 'lava', 'island'], ['ash']]);
  });
});

describe('refreshing a whole archive', () => {
  it('gives every article its links, once each, and reports progress', async () => {
    const a = story('Volcano erupts on the island', 'Lava flows from the volcano forced evacuations.');
    const b = story('Island volcano eruption forces evacuation', 'The volcano erupted overnight.');
    for (const x of [a, b]) await store.createArticle(x);
    const progress: number[] = [];
    const result = await refreshRelatedForAllArticles(store, options, (done) => progress.push(done));
    expect(result.refreshed).toHaveLength(14); // 12 filler stories and these two
    expect(new Set(result.refreshed).size).toBe(14);
    expect(progress.at(-1)).toBe(14);
    expect((await store.getRelatedLinks(a.id, articleUrlFor(SITE))).map((l) => l.targetId)).toEqual([b.id]);
    expect((await store.getRelatedLinks(b.id, articleUrlFor(SITE))).map((l) => l.targetId)).toEqual([a.id]);
  });
});

describe('when a linked article of ours changes', () => {
  it('moves the linking article to a new revision and shows the new headline and URL', async () => {
    const target = story('Volcano erupts on the island', 'Lava flows from the volcano forced evacuations.');
    const article = story('Island volcano eruption forces evacuation', 'The volcano erupted overnight.');
    for (const x of [target, article]) await store.createArticle(x);
    await refreshRelatedForArticle(store, article.id, { ...options, cascade: false });
    const revision = await revisionOf(article.id);

    const current = await store.getArticle(target.id);
    if (!current) throw new Error('target vanished');
    await store.updateArticle({ ...current, title: 'Volcano eruption: lava reaches the sea', slug: 'lava-sea' });
    expect(await revisionOf(article.id)).toBe((revision ?? 0) + 1);
    const [story1] = (await store.listRelatedStories([article], articleUrlFor(SITE))).get(article.id) ?? [];
    expect(story1).toMatchObject({
      title: 'Volcano eruption: lava reaches the sea',
      url: `${SITE}/world-news/lava-sea`,
    });

    await store.updateArticle({
      ...current,
      title: 'Volcano eruption: lava reaches the sea',
      slug: 'lava-sea',
      bodyHtml: '<p>More.</p>',
    });
    expect(await revisionOf(article.id)).toBe((revision ?? 0) + 1); // a body edit changes no link
  });
});
