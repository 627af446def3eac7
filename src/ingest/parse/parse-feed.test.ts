import { describe, expect, it } from 'vitest';
import { parseFeed } from './parse-feed.ts';
import { detectXmlFormat } from './parse-xml-feed.ts';

describe('parseFeed', () => {
  it('reads RSS 2.0 items: guid, link, dates, content:encoded, categories and enclosure image', async () => {
    const feed = await parseFeed(`<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
      xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title><link>https://s.example/</link><ttl>45</ttl>
      <item><title>A&nbsp;b</title><link>https://s.example/a</link><guid isPermaLink="false">id-a</guid>
      <pubDate>Sun, 01 Mar 2026 10:00:00 GMT</pubDate><dc:creator>Ann</dc:creator><description>Lead</description>
      <content:encoded><![CDATA[<p>Full</p>]]></content:encoded><category>World</category><category>World</category>
      <enclosure url="https://s.example/a.jpg" type="image/jpeg" length="1"/></item></channel></rss>`);
    expect(feed).toMatchObject({ format: 'rss', title: 'T', link: 'https://s.example/', ttlMinutes: 45 });
    expect(feed.items).toEqual([
      {
        guid: 'id-a',
        link: 'https://s.example/a',
        title: 'A\u00a0b',
        contentHtml: '<p>Full</p>',
        summaryHtml: 'Lead',
        published: 'Sun, 01 Mar 2026 10:00:00 GMT',
        author: 'Ann',
        imageUrl: 'https://s.example/a.jpg',
        categories: ['World'],
      },
    ]);
  });

  it('reads Atom with media thumbnails and keeps a bad date for normalize() to judge', async () => {
    const feed = await parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
      <title>A</title><entry><id>urn:1</id><title type="html">&lt;b&gt;One&lt;/b&gt;</title><published>yesterday</published>
      <link rel="alternate" href="https://a.example/1"/><summary>S</summary><content type="html">&lt;p&gt;C&lt;/p&gt;</content>
      <media:thumbnail url="https://a.example/t.jpg"/><category term="tech"/></entry></feed>`);
    expect(feed.format).toBe('atom');
    expect(feed.items[0]).toMatchObject({
      guid: 'urn:1',
      title: '<b>One</b>',
      link: 'https://a.example/1',
      summaryHtml: 'S',
      contentHtml: '<p>C</p>',
      published: 'yesterday',
      imageUrl: 'https://a.example/t.jpg',
      categories: ['tech'],
    });
  });

  it('reads JSON Feed 1.0 authors and ignores fields of the wrong type', async () => {
    const feed = await parseFeed(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1',
        items: [{ id: 7, title: ['x'], author: { name: 'Old' } }],
      }),
    );
    expect(feed.items).toEqual([{ guid: '7', author: 'Old', categories: [] }]);
  });

  it('explains what is wrong with a document it cannot read', async () => {
    await expect(parseFeed('')).rejects.toThrow('the document is empty');
    await expect(parseFeed('hello')).rejects.toThrow('neither XML nor JSON');
    await expect(parseFeed('{"version": "2"}')).rejects.toThrow(/not a JSON Feed: version is not a JSON Feed 1.x/);
    await expect(parseFeed('{"a":')).rejects.toThrow(/not a readable JSON Feed/);
    await expect(parseFeed('<html><body/></html>')).rejects.toThrow(/Feed not recognized/);
  });
});

describe('detectXmlFormat', () => {
  it('names the format rss-parser reads a document as, by its root element', () => {
    expect(detectXmlFormat('<?xml version="1.0"?><!-- <feed> --><rss version="2.0"><channel/></rss>')).toBe('rss');
    expect(detectXmlFormat('\ufeff<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"/>')).toBe('atom');
    expect(detectXmlFormat('<!DOCTYPE x><rdf:RDF xmlns:rdf="…"><channel/></rdf:RDF>')).toBe('rdf');
  });
});
