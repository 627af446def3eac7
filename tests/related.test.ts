import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../src/domain/article.ts';
import { parsePublisherText } from '../src/domain/import-text.ts';
import {
  refreshRelatedForArticle,
  refreshRelatedForExternalItems,
  refreshRelatedSince,
} from '../src/related/refresh-related.ts';
import { selectQueryTerms } from '../src/related/select-query-terms.ts';
import { migrate } from '../src/store/migrate.ts';
import { createSqlStore } from '../src/store/sql-store.ts';
import { loadMigrations, openSqliteDatabase, type SqliteDatabase } from '../src/store/sqlite-database.ts';
import type { Store } from '../src/store/store.ts';
import { makeArticle, minutesAgo, NOW } from './make-article.ts';
import { makeFetch, makeItem, makeSource } from './make-source.ts';
import { addFillerArticles } from './related-filler.ts';

const SITE = 'https://news.example';
const options = { now: NOW, siteUrl: SITE };
const seedText = readFileSync(new URL('../../shared/fixtures/seed-article.txt', import.meta.url), 'utf8');

let dir: string;
let db: SqliteDatabase;
let store: Store;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tidings-related-'));
  db = openSqliteDatabase(join(dir, 'tidings.db'));
  await migrate(db, loadMigrations());
  store = createSqlStore(db);
  await addFillerArticles(store);
});

afterEach(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

/** The shared fixture as an article: its three RELATED headlines become editorial links. */
function seedArticle(): Article {
  const imported = parsePublisherText(seedText);
  return makeArticle({
    title: imported.title,
    summary: imported.summary,
    bodyHtml: imported.bodyHtml,
    category: imported.category,
    categorySlug: 'entertainment-and-news',
    tags: ['Russia', 'Ukraine', 'Mobilization'],
    relatedLinks: imported.relatedLinks,
  });
}

function story(title: string, body: string, overrides: Partial<Article> = {}): Article {
  return makeArticle({ title, summary: body.split('. ')[0] ?? body, bodyHtml: `<p>${body}</p>`, ...overrides });
}

async function addExternal(items: ReturnType<typeof makeItem>[], name = 'Wire Service') {
  const source = makeSource({ name });
  await store.createSource(source);
  await store.recordFetch(makeFetch(source.id, items));
  const page = await store.listExternalItems({ sourceId: source.id, limit: 100 });
  return page.items;
}

const revisionOf = async (id: string) => (await store.getArticle(id))?.revision;

describe('related stories for the seed article', () => {
  it('resolves its three RELATED headlines to our articles and an external item, then adds scored stories', async () => {
    // Retyped headlines: straight quotes, other case, "wartime" spelled apart.
    const fled = story(
      'I fled Ukraine to save my 3-year-old daughter. We want to go home',
      'A mother describes leaving Kharkiv with her daughter as Russian shelling grew closer.',
    );
    const volunteer = story(
      "Russia's Attack on Ukraine Turned Me Into a War-Time Volunteer Overnight",
      'A volunteer tells how the invasion of Ukraine changed her life in one night.',
    );
    const protests = story(
      'Russians protest the draft as Putin mobilizes 300,000 reservists',
      'Police detained protesters across Russia after Putin announced a partial mobilization of reservists. Draftees said goodbye to families.',
      { category: 'Entertainment And News', tags: ['Russia', 'Mobilization'] },
    );
    const football = story('Local team wins the cup final', 'The home side won the football cup final on penalties.');
    const seed = seedArticle();
    for (const a of [fled, volunteer, protests, football, seed]) await store.createArticle(a);
    const [culture] = await addExternal(
      [
        makeItem('culture', {
          title: '‘Assassins of the Mind’: How Russia is trying to destroy Ukrainian culture',
          summary: 'Museums and libraries in Ukraine are targets.',
          contentText: 'Russian forces looted museums and burned libraries across occupied Ukraine.',
          publishedAt: minutesAgo(30),
        }),
      ],
      'Culture Weekly',
    );

    const result = await refreshRelatedForArticle(store, seed.id, { ...options, cascade: false });
    expect(result.changed).toEqual([seed.id]);

    const links = await store.getRelatedLinks(seed.id, SITE);
    expect(links.slice(0, 3).map((l) => [l.editorial, l.kind, l.targetId, l.source])).toEqual([
      [true, 'own', fled.id, 'own'],
      [true, 'external', culture?.id, 'Culture Weekly'],
      [true, 'own', volunteer.id, 'own'],
    ]);
    expect(links[0]?.url).toBe(`${SITE}/world-news/${fled.slug}`);
    expect(links[1]?.url).toBe('https://elsewhere.example/culture');
    expect(links.slice(0, 3).every((l) => l.reasons.some((r) => r.type === 'editorial'))).toBe(true);

    const computed = links.slice(3);
    expect(computed.map((l) => l.targetId)).toContain(protests.id);
    expect(computed.map((l) => l.targetId)).not.toContain(seed.id);
    expect(computed.map((l) => l.targetId)).not.toContain(football.id);
    const protestLink = computed.find((l) => l.targetId === protests.id);
    expect(protestLink?.reasons.map((r) => r.type)).toEqual(['shared-terms', 'same-category', 'shared-tags']);
    expect(links.length).toBeLessThanOrEqual(5);

    const rendered = (await store.listRelatedStories([seed], SITE)).get(seed.id) ?? [];
    expect(rendered.slice(0, 3).map((s) => s.title)).toEqual(seed.relatedLinks.map((l) => l.title));
    expect(rendered.map((s) => s.url)).toContain(`${SITE}/${protests.categorySlug}/${protests.slug}`);
  });

  it('keeps an unmatched headline as a title and resolves it when a matching item arrives', async () => {
    const seed = seedArticle();
    await store.createArticle(seed);
    await refreshRelatedForArticle(store, seed.id, options);
    const before = await store.getRelatedLinks(seed.id, SITE);
    expect(before.filter((l) => l.editorial).map((l) => l.url)).toEqual([undefined, undefined, undefined]);
    expect((await store.listRelatedStories([seed], SITE)).get(seed.id)).toEqual([]);
    expect(await store.listUnresolvedEditorialLinks()).toHaveLength(3);
    const revision = await revisionOf(seed.id);

    const [item] = await addExternal([
      makeItem('volunteer', { title: 'Russia’s attack on Ukraine turned me into a wartime volunteer overnight' }),
    ]);
    const result = await refreshRelatedForExternalItems(store, [item?.id ?? ''], options);
    expect(result.changed).toEqual([seed.id]);
    expect(await revisionOf(seed.id)).toBe((revision ?? 0) + 1);
    const third = (await store.getRelatedLinks(seed.id, SITE))[2];
    expect(third).toMatchObject({ editorial: true, kind: 'external', targetId: item?.id, url: item?.link });
    expect(await store.listUnresolvedEditorialLinks()).toHaveLength(2);
  });
});

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
    expect((await store.getRelatedLinks(article.id, SITE)).map((l) => l.targetId)).toEqual([rates.id]);
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
    expect((await store.getRelatedLinks(article.id, SITE)).map((l) => l.targetId)).toEqual([storm.id]);
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

    const items = await addExternal([
      makeItem('eclipse', {
        title: 'Photos: the total solar eclipse across the continent',
        summary: 'Skies went dark as the eclipse passed.',
        contentText: 'Crowds gathered to watch the solar eclipse darken the skies.',
      }),
    ]);
    const result = await refreshRelatedSince(store, since, options);
    expect(result.changed).toEqual([eclipse.id]);
    expect((await store.getRelatedLinks(eclipse.id, SITE)).map((l) => l.targetId)).toEqual([items[0]?.id]);
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
    expect((await store.getRelatedLinks(article.id, SITE))[0]).toMatchObject({ editorial: true, targetId: target.id });
    const revision = await revisionOf(article.id);

    await store.deleteArticle(target.id);
    expect(await revisionOf(article.id)).toBe((revision ?? 0) + 1);
    expect(await store.getRelatedLinks(article.id, SITE)).toMatchObject([{ editorial: true, title: target.title }]);
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
});
