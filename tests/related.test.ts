import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../src/domain/article.ts';
import { articleUrlFor } from '../src/domain/article-url.ts';
import { parsePublisherText } from '../src/domain/import-text.ts';
import { refreshRelatedForExternalItems } from '../src/related/refresh-after-ingest.ts';
import { refreshRelatedForArticle } from '../src/related/refresh-related.ts';
import type { Store } from '../src/store/store.ts';
import { makeArticle, minutesAgo, NOW } from './make-article.ts';
import { makeItem } from './make-source.ts';
import { addExternal, openRelatedStore, story } from './related-fixture.ts';

const SITE = 'https://news.example';
const options = { now: NOW, siteUrl: SITE };
const articleUrl = articleUrlFor(SITE);
const seedText = readFileSync(new URL('./fixtures/seed-article.txt', import.meta.url), 'utf8');

let store: Store;
let close: () => Promise<void>;

beforeEach(async () => {
  ({ store, close } = await openRelatedStore());
});

afterEach(async () => {
  await close();
});

const revisionOf = async (id: string) => (await store.getArticle(id))?.revision;

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
      store,
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

    const links = await store.getRelatedLinks(seed.id, articleUrlFor(SITE));
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

    const rendered = (await store.listRelatedStories([seed], articleUrlFor(SITE))).get(seed.id) ?? [];
    expect(rendered.slice(0, 3).map((s) => s.title)).toEqual(seed.relatedLinks.map((l) => l.title));
    expect(rendered.map((s) => s.url)).toContain(`${SITE}/${protests.categorySlug}/${protests.slug}`);
  });

  it('keeps an unmatched headline as a title and resolves it when a matching item arrives', async () => {
    const seed = seedArticle();
    await store.createArticle(seed);
    await refreshRelatedForArticle(store, seed.id, options);
    const before = await store.getRelatedLinks(seed.id, articleUrlFor(SITE));
    expect(before.filter((l) => l.editorial).map((l) => l.url)).toEqual([undefined, undefined, undefined]);
    expect((await store.listRelatedStories([seed], articleUrlFor(SITE))).get(seed.id)).toEqual([]);
    expect(await store.listUnresolvedEditorialLinks()).toHaveLength(3);
    const revision = await revisionOf(seed.id);

    const [item] = await addExternal(store, [
      makeItem('volunteer', { title: 'Russia’s attack on Ukraine turned me into a wartime volunteer overnight' }),
    ]);
    const result = await refreshRelatedForExternalItems(store, [item?.id ?? ''], options);
    expect(result.changed).toEqual([seed.id]);
    expect(await revisionOf(seed.id)).toBe((revision ?? 0) + 1);
    const third = (await store.getRelatedLinks(seed.id, articleUrlFor(SITE)))[2];
    expect(third).toMatchObject({ editorial: true, kind: 'external', targetId: item?.id, url: item?.link });
    expect(await store.listUnresolvedEditorialLinks()).toHaveLength(2);
  });
});

describe('near-copies (issue 10, item 20)', () => {
  it('never shows two imports of one story that differ only in their headline, nor a copy of the article itself', async () => {
    const imported = parsePublisherText(seedText);
    const copy = (title: string) =>
      makeArticle({
        title,
        summary: imported.summary,
        bodyHtml: imported.bodyHtml,
        category: imported.category,
        categorySlug: 'entertainment-and-news',
        tags: ['Russia', 'Ukraine', 'Mobilization'],
      });
    const first = copy(imported.title);
    const second = copy('Tearful goodbyes as Russian draftees leave for Putin’s war');
    const reader = story(
      'Russian draftees say goodbye to their families in Yakutsk',
      'Families gathered in Yakutsk as draftees boarded buses for Putin’s war in Ukraine. The video of the goodbyes spread.',
      { category: 'Entertainment And News', tags: ['Russia', 'Mobilization'] },
    );
    for (const a of [first, second, reader]) await store.createArticle(a);

    await refreshRelatedForArticle(store, reader.id, { ...options, cascade: false });
    const ids = (await store.getRelatedLinks(reader.id, articleUrl)).map((l) => l.targetId);
    expect(ids.filter((id) => id === first.id || id === second.id)).toHaveLength(1);

    await refreshRelatedForArticle(store, first.id, { ...options, cascade: false });
    const fromFirst = (await store.getRelatedLinks(first.id, articleUrl)).map((l) => l.targetId);
    expect(fromFirst).toContain(reader.id);
    expect(fromFirst).not.toContain(second.id);
  });

  it('never adds an ingested copy of a story already linked under another headline', async () => {
    const reader = story(
      'Dam failure floods the valley villages',
      'The old dam on the river failed overnight and flood water swept through three valley villages, forcing evacuations.',
    );
    await store.createArticle(reader);
    const summary =
      'Flood water from the failed river dam swept through three valley villages overnight, forcing hundreds to evacuate.';
    const [a] = await addExternal(
      store,
      [makeItem('dam-a', { title: 'Valley villages flooded as dam fails', summary })],
      'Wire A',
    );
    await refreshRelatedForArticle(store, reader.id, { ...options, cascade: false });
    expect((await store.getRelatedLinks(reader.id, articleUrl)).map((l) => l.targetId)).toContain(a?.id);

    const [b] = await addExternal(
      store,
      [makeItem('dam-b', { title: 'Hundreds evacuate after river dam gives way', summary })],
      'Wire B',
    );
    await refreshRelatedForExternalItems(store, [b?.id ?? ''], options);
    const ids = (await store.getRelatedLinks(reader.id, articleUrl)).map((l) => l.targetId);
    expect(ids.filter((id) => id === a?.id || id === b?.id)).toHaveLength(1);
  });
});
