import { XmlWriter } from './xml-writer.ts';

/** One feed in an OPML subscription list. */
export interface OpmlFeed {
  title: string;
  /** The feed document's URL. */
  xmlUrl: string;
  /** The HTML page the feed is of. */
  htmlUrl: string;
}

export interface OpmlGroup {
  title: string;
  feeds: OpmlFeed[];
}

/**
 * OPML 2.0 (http://opml.org/spec2.opml) subscription list: one outline per
 * group, and in it one `type="rss"` outline per feed with text, title, xmlUrl
 * and htmlUrl (§"Subscription lists"). Empty groups are left out. No
 * dateCreated: renderers never read the clock, so equal lists are equal bytes.
 */
export function renderOpml(title: string, groups: OpmlGroup[]): string {
  const w = new XmlWriter();
  w.open('opml', { version: '2.0' })
    .open('head')
    .text('title', title)
    .text('docs', 'http://opml.org/spec2.opml')
    .close()
    .open('body');
  for (const group of groups.filter((g) => g.feeds.length > 0)) {
    w.open('outline', { text: group.title, title: group.title });
    for (const feed of group.feeds) {
      w.empty('outline', {
        type: 'rss',
        text: feed.title,
        title: feed.title,
        xmlUrl: feed.xmlUrl,
        htmlUrl: feed.htmlUrl,
      });
    }
    w.close();
  }
  return w.close().close().toString();
}
