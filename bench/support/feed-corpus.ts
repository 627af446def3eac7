/**
 * Real-looking feeds for the ingest benchmarks: news sites' RSS 2.0 with content:encoded and
 * media, Atom blogs with HTML content, RDF digests. Deterministic (a seeded generator).
 */
const WORDS =
  'government minister said report week city council police market election league season coach inflation bank rate storm coast climate hospital school court trial border summit talks energy prices workers strike film festival album museum science study researchers space launch water drought'.split(
    ' ',
  );

export function createRandom(seed = 42): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const pick = <T>(random: () => number, list: T[]): T => list[Math.floor(random() * list.length)] as T;
const sentence = (random: () => number, words: number) => {
  const text = Array.from({ length: words }, () => pick(random, WORDS)).join(' ');
  return `${text[0]?.toUpperCase()}${text.slice(1)}.`;
};
const paragraphs = (random: () => number, n: number, site: string) =>
  Array.from(
    { length: n },
    (_, i) =>
      `<p>${sentence(random, 18)} ${i === 1 ? `<a href="https://${site}/related/${i}">${sentence(random, 3)}</a> ` : ''}${sentence(random, 14)} <em>${sentence(random, 4)}</em></p>`,
  ).join('\n');

function rssFeed(random: () => number, f: number, items: number): string {
  const site = `news${f}.example`;
  const entries = Array.from({ length: items }, (_, i) => {
    const day = 1 + (i % 28);
    return `<item>
  <title>${sentence(random, 9)} &amp; ${pick(random, WORDS)}</title>
  <link>https://${site}/2026/03/${day}/story-${i}?utm_source=rss</link>
  <guid isPermaLink="false">${site}-${i}</guid>
  <pubDate>Sun, ${String(day).padStart(2, '0')} Mar 2026 ${String(i % 24).padStart(2, '0')}:15:00 +0000</pubDate>
  <dc:creator>${pick(random, ['Ann Lee', 'Bo Park', 'Cy Diaz', 'Di Moss'])}</dc:creator>
  <category>${pick(random, WORDS)}</category><category>${pick(random, WORDS)}</category>
  <description><![CDATA[<p>${sentence(random, 25)}</p>]]></description>
  <content:encoded><![CDATA[<figure><img src="/img/${i}.jpg" alt="photo"><figcaption>${sentence(random, 6)}</figcaption></figure>
${paragraphs(random, 6, site)}]]></content:encoded>
  <media:content url="https://${site}/img/${i}.jpg" medium="image" type="image/jpeg"/>
</item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
<channel><title>News ${f}</title><link>https://${site}/</link><description>All the news</description><ttl>15</ttl>
${entries.join('\n')}
</channel></rss>`;
}

function atomFeed(random: () => number, f: number, items: number): string {
  const site = `blog${f}.example`;
  const entries = Array.from(
    { length: items },
    (_, i) => `<entry><id>tag:${site},2026:${i}</id><title type="html">${sentence(random, 7)}</title>
<link rel="alternate" href="https://${site}/posts/${i}"/><published>2026-03-${String(1 + (i % 28)).padStart(2, '0')}T08:00:00Z</published>
<updated>2026-03-${String(1 + (i % 28)).padStart(2, '0')}T09:00:00Z</updated><author><name>Blogger ${f}</name></author>
<summary>${sentence(random, 20)}</summary><content type="html">${paragraphs(random, 5, site).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</content>
<category term="${pick(random, WORDS)}"/></entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Blog ${f}</title>
<link href="https://${site}/"/><id>tag:${site},2026:feed</id><updated>2026-03-28T09:00:00Z</updated>
${entries.join('\n')}</feed>`;
}

function rdfFeed(random: () => number, f: number, items: number): string {
  const site = `digest${f}.example`;
  const entries = Array.from(
    { length: items },
    (
      _,
      i,
    ) => `<item rdf:about="https://${site}/${i}"><title>${sentence(random, 8)}</title><link>https://${site}/${i}</link>
<description>${sentence(random, 30)}</description><dc:date>2026-03-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00+01:00</dc:date></item>`,
  );
  return `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://${site}/"><title>Digest ${f}</title><link>https://${site}/</link><description>d</description></channel>
${entries.join('\n')}</rdf:RDF>`;
}

/** `feeds` documents of `items` items each: 60% RSS, 30% Atom, 10% RDF. */
export function createFeedCorpus(feeds: number, items: number, seed = 42): string[] {
  const random = createRandom(seed);
  return Array.from({ length: feeds }, (_, f) => {
    const kind = f % 10;
    if (kind < 6) return rssFeed(random, f, items);
    if (kind < 9) return atomFeed(random, f, items);
    return rdfFeed(random, f, items);
  });
}
