import type { Article, FeedItem } from '../src/domain/article.ts';
import type { FeedSpec } from '../src/render/feed-spec.ts';

/**
 * Fixed feed items for render tests and the render benchmark. The first mirrors
 * tests/fixtures/seed-article.txt (a copy of the publisher's sample) as the importer stores it (RELATED lines
 * become related stories, the last paragraph the author's bio); the second is a
 * bare article with no image, tags or related stories. All dates are pinned.
 */

export const SITE = 'https://tidings.example';

const SEED_PARAGRAPHS = [
  'As Vladimir Putin’s Russia rests on its hind legs in preparation for yet another wave of invading Ukraine, families are being forced to say goodbye to their families for what might be the last time they see them.',
  'Some 300,000 civilians are being drafted into Putin’s invasion of Ukraine, meaning that many families, on either side of the border, will be ruined by senseless violence.',
  'A video shows Russian draftees saying goodbye to their families before being forced to fight in Ukraine.',
  'In the small town of Yakutsk, Russia, where the population sits just above 300,000, families are gathered outside of a building where they will say goodbye to their husbands, fathers, brothers, uncles, nephews, and sons as they climb aboard a bus that will take them to the war in Ukraine.',
  'The video opens with a man saying goodbye to his wife and daughter, as the men behind him stand fearing for their lives in the coming months.',
  'Families are drawn to tears by what the goodbyes mean, and men who are either too young, too old, or too injured to fight stay behind.',
  'Putin’s call for new soldiers is Russia’s first mobilization since World War II and is a desperate attempt to cauterize his wounded invasion force.',
  'There are reports across Russia that people are protesting against the draft, leading to arrests of civilians and fights against the authorities — all to no avail.',
  'CNN reports that, according to the independent monitoring group OVD-Info, at least four police stations in Moscow were drafting anti-war protesters directly into Russia’s military.',
  'Kremlin spokesman Dmitry Peskov did not deny the report, adding “This is not against the law.”',
  'Aside from the logistical difficulties of sending 300,000 people to the war front, the Russian reservists are “poorly trained to begin with” and “are unlikely to be combat effective for months.”',
  'If you want to help provide medical supplies & emergency care to the people of Ukraine, you can donate to the Ukrainian Red Cross here or to United Help Ukraine here.',
];

export const SEED_BIO =
  'Isaac Serna-Diez is an Assistant Editor who focuses on entertainment and news, social justice, and politics. Keep up with his rants about current events on his Twitter.';

export const SEED_TITLE =
  'Video Shows Russian Draftees’ Tearful Goodbyes To Their Families As They Join Putin’s War On Ukraine';

const SEED_SLUG = 'video-shows-russian-draftees-tearful-goodbyes-to-their-families-as-they-join-putins-war-on-ukraine';

export const seedArticle: Article = {
  id: 'art_01gdkz3m00seedarticle001',
  guid: 'tag:tidings.example,2022-09-22:article/art_01gdkz3m00seedarticle001',
  slug: SEED_SLUG,
  title: SEED_TITLE,
  summary: SEED_PARAGRAPHS[0] as string,
  bodyHtml: SEED_PARAGRAPHS.map((p) => `<p>${p.replaceAll('&', '&amp;')}</p>`).join('\n'),
  category: 'Entertainment And News',
  categorySlug: 'entertainment-and-news',
  tags: ['Russia', 'Ukraine', 'Vladimir Putin'],
  image: {
    url: `${SITE}/media/russian-draftees-leaving-families.jpg`,
    credit: 'Twitter',
    caption: 'Russian draftees leaving families',
    alt: 'Russian draftees hugging their families beside a bus in Yakutsk',
    type: 'image/jpeg',
    length: 48213,
  },
  author: {
    name: 'Isaac Serna-Diez',
    role: 'Assistant Editor',
    bio: SEED_BIO,
    url: `${SITE}/authors/isaac-serna-diez`,
  },
  status: 'published',
  publishedAt: '2022-09-22T14:00:00.000Z',
  createdAt: '2022-09-22T13:40:00.000Z',
  updatedAt: '2022-09-22T15:30:00.000Z',
  relatedLinks: [
    { title: 'I Fled Ukraine To Save My 3-Year-Old Daughter. We Want To Go Home.' },
    { title: '‘Assassins Of The Mind’: How Russia Is Trying To Destroy Ukrainian Culture' },
    { title: 'Russia’s Attack On Ukraine Turned Me Into A Wartime Volunteer Overnight' },
  ],
  revision: 3,
};

export const seedItem: FeedItem = {
  article: seedArticle,
  url: `${SITE}/entertainment-and-news/${SEED_SLUG}`,
  related: [
    {
      title: 'I Fled Ukraine To Save My 3-Year-Old Daughter. We Want To Go Home.',
      url: `${SITE}/personal/i-fled-ukraine-to-save-my-3-year-old-daughter`,
      source: 'own',
      publishedAt: '2022-09-10T09:00:00.000Z',
    },
    {
      title: '‘Assassins Of The Mind’: How Russia Is Trying To Destroy Ukrainian Culture',
      url: 'https://news.example.org/world/assassins-of-the-mind?utm_source=feed&ref=tidings',
      source: 'World Desk',
      publishedAt: '2022-09-18T17:45:00.000Z',
    },
    {
      title: 'Russia’s Attack On Ukraine Turned Me Into A Wartime Volunteer Overnight',
      url: 'https://essays.example.net/wartime-volunteer-overnight',
      source: 'Essays Weekly',
    },
  ],
};

const plainArticle: Article = {
  id: 'art_01gdhx0000plainarticle01',
  guid: 'tag:tidings.example,2022-09-20:article/art_01gdhx0000plainarticle01',
  slug: 'city-council-approves-new-bike-lanes',
  title: 'City Council Approves New Bike Lanes',
  summary: 'Twelve miles of protected lanes are coming downtown next spring.',
  bodyHtml: '<p>Twelve miles of protected lanes are coming downtown next spring.</p>',
  category: 'Local',
  categorySlug: 'local',
  tags: [],
  author: { name: 'Dana Whitfield' },
  status: 'published',
  publishedAt: '2022-09-20T08:00:00.000Z',
  createdAt: '2022-09-20T07:30:00.000Z',
  updatedAt: '2022-09-20T08:00:00.000Z',
  relatedLinks: [],
  revision: 1,
};

export const plainItem: FeedItem = { article: plainArticle, url: `${SITE}/local/${plainArticle.slug}`, related: [] };

/** Newest first, as the publisher hands them over. */
export const fixtureItems: FeedItem[] = [seedItem, plainItem];

/** The spec as the publish job builds it by default: every content block on, the 64 px PNG icon. */
export const PUBLISHED_SPEC: Partial<FeedSpec> = { contentBlocks: { leadImage: true, byline: true }, iconSize: 64 };

export function fixtureSpec(overrides: Partial<FeedSpec> = {}): FeedSpec {
  return {
    key: 'all',
    title: 'Tidings',
    description: 'Every story from Tidings',
    language: 'en',
    homeUrl: `${SITE}/`,
    feedUrls: { rss: `${SITE}/feeds/all.rss`, atom: `${SITE}/feeds/all.atom`, json: `${SITE}/feeds/all.json` },
    hubUrl: 'https://hub.example.com/',
    ttlMinutes: 15,
    updated: seedArticle.updatedAt,
    iconUrl: `${SITE}/favicon.png`,
    copyright: '© 2022 Tidings',
    generator: 'Tidings 0.1.0',
    ...overrides,
  };
}
