import { describe, expect, it } from 'vitest';
import { feedBaseOf, identifyItem, normalizeFeed } from './normalize/normalize.ts';
import type { ParsedFeed } from './parse/parsed-feed.ts';
import { selectRetained } from './select-retained.ts';

const NOW = '2026-03-01T12:00:00.000Z';
const context = { responseUrl: 'https://feeds.example/rss.xml', now: NOW };
const document: ParsedFeed = {
  format: 'rss',
  link: 'https://site.example/',
  items: [
    { guid: 'old', title: 'Too old', published: '2020-01-01T00:00:00Z', categories: [] },
    { guid: 'a', title: 'A', link: '/a?utm_source=rss', published: '2026-02-28T00:00:00Z', categories: ['x'] },
    { title: 'No guid', link: 'b', contentHtml: '<p>Body <b>b</b></p>', categories: [] },
    { guid: 'c', title: 'C', published: '2026-02-27T00:00:00Z', categories: [] },
  ],
};

describe('selectRetained', () => {
  it('keeps the newest items within the age limit, in document order, with their identities', () => {
    const { feed, keys, identities } = selectRetained(document, context, { maxItems: 2, maxAgeDays: 30 });
    expect(feed.items.map((item) => item.title)).toEqual(['A', 'No guid']);
    const base = feedBaseOf(document, context.responseUrl);
    expect(identities).toEqual(feed.items.map((item) => identifyItem(item, base)));
    expect(keys).toEqual(identities.map((identity) => identity.key));
  });

  it('hands normalizeFeed identities that give the items it would compute itself', () => {
    const { feed, identities } = selectRetained(document, context, { maxItems: 10, maxAgeDays: 30 });
    expect(normalizeFeed(feed, { ...context, identities })).toEqual(normalizeFeed(feed, context));
  });
});
