import { describe, expect, it } from 'vitest';
import {
  fixtureItems,
  fixtureSpec,
  PUBLISHED_SPEC,
  plainItem,
  SEED_BIO,
  SEED_TITLE,
  seedItem,
} from '../../tests/render-fixtures.ts';
import { renderJsonFeed } from './json-feed.ts';

describe('renderJsonFeed', () => {
  const text = renderJsonFeed(fixtureSpec(PUBLISHED_SPEC), fixtureItems);
  const feed = JSON.parse(text);

  it('matches the pinned document', async () => {
    await expect(text).toMatchFileSnapshot('./__snapshots__/all.json');
  });

  it('is JSON Feed 1.1 with language, hubs and a feed_url', () => {
    expect(feed).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Tidings',
      home_page_url: 'https://tidings.example/',
      feed_url: 'https://tidings.example/feeds/all.json',
      description: 'Every story from Tidings',
      language: 'en',
      icon: 'https://tidings.example/favicon.png',
      hubs: [{ type: 'WebSub', url: 'https://hub.example.com/' }],
    });
    expect(feed.author).toBeUndefined();
  });

  it('carries every part of the seed article', () => {
    const [item] = feed.items;
    const article = seedItem.article;
    expect(item).toMatchObject({
      id: article.guid,
      url: seedItem.url,
      title: SEED_TITLE,
      summary: article.summary,
      image: article.image?.url,
      date_published: '2022-09-22T14:00:00.000Z',
      date_modified: '2022-09-22T15:30:00.000Z',
      authors: [{ name: 'Isaac Serna-Diez', url: article.author.url }],
      tags: ['Entertainment And News', 'Russia', 'Ukraine', 'Vladimir Putin'],
    });
    expect(item.content_html).toContain(article.bodyHtml);
    expect(item.author).toBeUndefined();
  });

  it('puts related stories, image credit and caption, and the author bio in _tidings', () => {
    const [item] = feed.items;
    expect(item._tidings).toEqual({
      category: 'Entertainment And News',
      related: [
        {
          url: seedItem.related[0]?.url,
          title: seedItem.related[0]?.title,
          source: 'own',
          date_published: '2022-09-10T09:00:00.000Z',
        },
        {
          url: seedItem.related[1]?.url,
          title: seedItem.related[1]?.title,
          source: 'World Desk',
          date_published: '2022-09-18T17:45:00.000Z',
        },
        { url: seedItem.related[2]?.url, title: seedItem.related[2]?.title, source: 'Essays Weekly' },
      ],
      image: { credit: 'Twitter', caption: 'Russian draftees leaving families', alt: seedItem.article.image?.alt },
      author: { role: 'Assistant Editor', bio: SEED_BIO },
    });
  });

  it('omits empty members instead of writing nulls or empty lists', () => {
    const item = JSON.parse(renderJsonFeed(fixtureSpec({ hubUrl: undefined, iconUrl: undefined }), [plainItem]));
    expect(item.hubs).toBeUndefined();
    expect(item.icon).toBeUndefined();
    expect(item.items[0]).toEqual({
      id: plainItem.article.guid,
      url: plainItem.url,
      title: 'City Council Approves New Bike Lanes',
      summary: plainItem.article.summary,
      content_html: plainItem.article.bodyHtml,
      date_published: '2022-09-20T08:00:00.000Z',
      date_modified: '2022-09-20T08:00:00.000Z',
      authors: [{ name: 'Dana Whitfield' }],
      tags: ['Local'],
      _tidings: { category: 'Local' },
    });
  });
});

describe('renderJsonFeed members that say nothing', () => {
  const bare = {
    ...plainItem,
    url: 'https://tidings.example/x\u0000',
    related: [{ title: '', url: '', source: '' }],
    article: {
      ...plainItem.article,
      title: '\u0001\uFFFE', // only characters XML cannot carry: stripped to "", still printed
      summary: '',
      tags: [],
      category: '',
      image: { url: 'https://tidings.example/i.jpg', credit: '', caption: '' },
      author: { name: 'Ann\uD800', role: '', bio: '' },
    },
  };
  const [item] = JSON.parse(renderJsonFeed(fixtureSpec(), [bare])).items;

  it('leaves out empty strings, lists and objects, and strips what it prints', () => {
    expect(item.url).toBe('https://tidings.example/x');
    expect(item.title).toBe('');
    expect(item).not.toHaveProperty('summary');
    expect(item.tags).toBeUndefined();
    expect(item.attachments).toBeUndefined();
    expect(item.authors).toEqual([{ name: 'Ann' }]);
  });

  it('keeps a list entry even when all its members are empty, and drops _tidings parts with none', () => {
    expect(item._tidings).toEqual({ related: [{}] });
  });

  it('prints an author with no name and no URL as an empty object, as before', () => {
    const nameless = { ...bare, article: { ...bare.article, author: { name: '' } } };
    const text = renderJsonFeed(fixtureSpec(), [nameless]);
    expect(text).toContain('"authors": [\n        {}\n      ]');
  });
});
