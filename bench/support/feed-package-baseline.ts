import { Feed } from 'feed';
import type { FeedItem } from '../../src/domain/article.ts';
import type { FeedFormat, FeedSpec } from '../../src/render/feed-spec.ts';

/**
 * The same items through the `feed` package (6.0.0), as a baseline for our
 * renderers. It emits less than ours (no media:*, no related links, JSON Feed
 * 1.0 rather than 1.1), so it is a floor to compare against, not an equal.
 */
export function renderWithFeedPackage(spec: FeedSpec, items: FeedItem[], format: FeedFormat): string {
  const feed = new Feed({
    id: spec.feedUrls.atom,
    title: spec.title,
    description: spec.description,
    link: spec.homeUrl,
    language: spec.language,
    updated: new Date(spec.updated),
    ttl: spec.ttlMinutes,
    feedLinks: spec.feedUrls,
    copyright: spec.copyright,
    generator: spec.generator,
  });
  for (const { article, url } of items) {
    feed.addItem({
      title: article.title,
      id: article.guid,
      guid: article.guid,
      link: url,
      date: new Date(article.updatedAt),
      published: new Date(article.publishedAt ?? article.updatedAt),
      description: article.summary,
      content: article.bodyHtml,
      author: [{ name: article.author.name }],
      category: [{ name: article.category }, ...article.tags.map((name) => ({ name }))],
      ...(article.image && {
        image: { url: article.image.url, type: article.image.type, length: article.image.length },
      }),
    });
  }
  return format === 'rss' ? feed.rss2() : format === 'atom' ? feed.atom1() : feed.json1();
}
