import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';

/** Documents that real feeds have served: odd, broken or hostile. Each builder returns what goes on the wire. */

export function rss(items: string, channelExtra = '', attributes = 'version="2.0"'): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<rss ${attributes}><channel><title>Hostile</title><link>https://news.example/</link>${channelExtra}
${items}
</channel></rss>`;
}

export function item(n: number | string, extra = ''): string {
  return `<item><title>Story ${n}</title><link>https://news.example/story/${n}</link><guid>story-${n}</guid>
<pubDate>Mon, 02 Mar 2026 10:00:00 GMT</pubDate><description>Body of story ${n}.</description>${extra}</item>`;
}

export const manyItems = (count: number) => rss(Array.from({ length: count }, (_, i) => item(i)).join('\n'));

export const malformed = rss(`${item(1)}<item><title>Broken</title><link>https://news.example/b</item>`);

export const truncated = rss([1, 2, 3].map((n) => item(n)).join('\n')).slice(0, 400);

/** Declares ISO-8859-1 but the bytes are UTF-8. */
export const wrongCharset = Buffer.from(
  rss(item(1)).replace('encoding="utf-8"', 'encoding="ISO-8859-1"').replace('Story 1', 'Café Müller – Zürich'),
  'utf8',
);

/** windows-1252 bytes, no declaration anywhere (the XML declaration omits encoding). */
export const windows1252Undeclared = iconv.encode(
  rss(item(1).replace('Story 1', 'Café “quoted” – €5')).replace(' encoding="utf-8"', ''),
  'windows-1252',
);

export const utf8Bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rss(item('bom')), 'utf8')]);

export const utf16WithBom = iconv.encode(
  rss(item('utf16').replace('Story utf16', 'Naïve Σ story')).replace('utf-8', 'utf-16'),
  'utf-16le',
  { addBOM: true },
);

export const entityTitles = rss(
  `<item><title>Caf&eacute; &amp;amp; Bar&nbsp;&mdash; &lt;b&gt;bold&lt;/b&gt; &#8220;ok&#8221;</title>
<link>https://news.example/entities?a=1&b=2</link><guid>ent-1</guid><description>x &copy; y</description></item>`,
);

export const cdataScript = rss(
  `<item><title><![CDATA[Scripted <script>alert("t")</script>title]]></title><link>https://news.example/cdata</link>
<guid>cdata-1</guid><description><![CDATA[<p onclick="steal()">Hello <b>reader</b></p><script>alert(1)</script>
<style>body{display:none}</style><iframe src="https://evil.example/"></iframe><img src="x.jpg" onerror="steal()">
<a href="javascript:alert(2)">click</a><a href="data:text/html,evil">data</a><a href="/ok">fine</a>]]></description></item>`,
);

export const javascriptLinks = rss(
  `<item><title>JS link</title><link>javascript:alert(document.cookie)</link><guid>js-1</guid>
<description>hello</description><enclosure url="javascript:alert(1)" type="image/png" length="1"/></item>`,
);

export const missingGuids = rss(
  [1, 2, 3]
    .map((n) => `<item><title>No guid ${n}</title><link>https://news.example/ng/${n}#comments</link></item>`)
    .join(''),
);

export const duplicateGuids = rss(
  `${item('dup')}<item><title>Story dup again</title><link>https://news.example/other</link><guid>story-dup</guid></item>${item('unique')}`,
);

export const xmlBase = `<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example/root/">
<title>Based</title><id>urn:based</id><updated>2026-03-01T00:00:00Z</updated>
<entry xml:base="posts/"><id>urn:b1</id><title>Relative</title><link href="one.html"/>
<updated>2026-03-01T00:00:00Z</updated><content type="html">&lt;a href="../two.html"&gt;two&lt;/a&gt; &lt;img src="pic.png"&gt;</content></entry>
</feed>`;

export const oddDates = rss(
  [
    '<item><title>EST date</title><guid>d1</guid><pubDate>Mon, 2 Mar 2026 10:00:00 EST</pubDate></item>',
    '<item><title>ISO no zone</title><guid>d2</guid><pubDate>2026-03-02 10:00:00</pubDate></item>',
    '<item><title>Garbage date</title><guid>d3</guid><pubDate>sometime last week</pubDate></item>',
    '<item><title>No date</title><guid>d4</guid></item>',
    '<item><title>Far future</title><guid>d5</guid><pubDate>Fri, 01 Jan 2100 00:00:00 GMT</pubDate></item>',
    '<item><title>Two-digit year</title><guid>d6</guid><pubDate>Mon, 02 Mar 26 10:00:00 +0100</pubDate></item>',
  ].join(''),
);

export const atomXhtml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>X</title><id>urn:x</id><updated>2026-03-01T00:00:00Z</updated>
<link href="https://xhtml.example/"/>
<entry><id>urn:x1</id><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">An <em>xhtml</em> title</div></title>
<link rel="alternate" href="https://xhtml.example/1"/><published>not a date</published><updated>2026-03-01T09:00:00Z</updated>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Rich <strong>content</strong></p><script>alert(1)</script></div></content>
</entry></feed>`;

export const rss091 = `<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Old school</title><link>https://old.example/</link><description>d</description><language>en</language>
<item><title>Ninety-one</title><link>https://old.example/91</link><description>From 1999</description></item></channel></rss>`;

export const rdf = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://rdf.example/"><title>RDF</title><link>https://rdf.example/</link><description>d</description></channel>
<item rdf:about="https://rdf.example/1"><title>RDF one</title><link>https://rdf.example/1</link><dc:date>2026-03-01T10:00:00+01:00</dc:date></item>
<item rdf:about="https://rdf.example/2"><title>RDF two</title><link>https://rdf.example/2</link></item>
</rdf:RDF>`;

export const emptyFeed = rss('');

export const jsonFeed = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'JSON',
  home_page_url: 'https://json.example/',
  items: [
    {
      id: 'j1',
      url: '/j/1',
      title: 'JSON one',
      content_html: '<p>One</p><script>x()</script>',
      date_published: '2026-03-01T08:00:00Z',
      authors: [{ name: 'Jay' }],
      tags: ['a'],
    },
    { id: 2, title: 'JSON two', content_text: 'Plain text two', image: 'https://json.example/2.png' },
    { id: 'j3', title: 42, url: { bad: true } },
  ],
});

export const htmlWithFeed = (feedPath: string) => `<!DOCTYPE html><html><head><title>Site</title>
<link rel="stylesheet" href="/s.css"><link rel="alternate" type="application/rss+xml" title="Feed" href="${feedPath}">
</head><body><p>Welcome</p></body></html>`;

export const htmlWithoutFeed = '<!DOCTYPE html><html><head><title>No feed</title></head><body>Hi</body></html>';

/** gzip of 64 MB of spaces: about 64 KB on the wire. */
export const gzipBomb = () => gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20), { level: 9 });

export const twentyMegabytes = () => Buffer.from(rss(`${item(1)}<!--${'x'.repeat(20 * 1024 * 1024)}-->`));
