import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningTidings, startTidings } from './support/start-tidings.ts';

const PLAYER =
  '<iframe src="https://www.youtube.com/embed/abc123" width="560" height="315" title="Storm footage" allowfullscreen onload="steal()"></iframe>';
const STRANGER = '<iframe src="https://evil.example/embed/abc123" width="560" height="315"></iframe>';
const BODY = `<p>Watch the storm.</p>${PLAYER}${STRANGER}<p>More below.</p>`;
/** What the player becomes: its safe attributes, sandboxed. */
const KEPT =
  /<iframe src="https:\/\/www\.youtube\.com\/embed\/abc123" width="560" height="315" title="Storm footage" allowfullscreen(="")? sandbox="allow-scripts allow-same-origin allow-popups allow-presentation"><\/iframe>/;

const FEED = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Elsewhere</title><link>https://elsewhere.example/</link>
<item><title>Storm footage from the coast</title><link>https://elsewhere.example/storm</link><guid>s-1</guid>
<pubDate>Tue, 24 Nov 2026 08:00:00 GMT</pubDate><content:encoded><![CDATA[${BODY}]]></content:encoded></item>
</channel></rss>`;

/**
 * Issue 10 item 2 (the embeds): with EMBED_HOSTS, an https iframe of a listed host survives the
 * one sanitizer, in what an editor sends and in what ingest stores; any other iframe is dropped.
 */
describe('EMBED_HOSTS', () => {
  let tidings: RunningTidings;
  const feedServer = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED);
  });
  beforeAll(async () => {
    feedServer.listen(0, '127.0.0.1');
    await once(feedServer, 'listening');
    tidings = await startTidings({
      EMBED_HOSTS: 'www.youtube.com, player.vimeo.com',
      OUTBOUND_ALLOW_NETWORKS: '127.0.0.1/32',
    });
  });
  afterAll(async () => {
    await tidings.stop();
    feedServer.close();
  });

  it("keeps a listed host's player in an article, its feeds and its page, and drops any other iframe", async () => {
    const created = await tidings.admin('POST', '/api/articles', {
      title: 'Storm Closes Northern Ports',
      bodyHtml: BODY,
      category: 'World',
      author: { name: 'Ada Quill' },
      status: 'published',
      publishedAt: '2026-11-24T09:00:00Z',
    });
    expect(created.status).toBe(201);
    const article = (await created.json()) as { bodyHtml: string; slug: string };
    await tidings.publish();

    const rss = await new Parser().parseString(await (await tidings.request('/feeds/world.rss')).text());
    const json = (await (await tidings.request('/feeds/world.json')).json()) as { items: { content_html: string }[] };
    const pageResponse = await tidings.request(`/world/${article.slug}`);
    // The page lets a browser frame the listed players, and nothing else.
    const policy = pageResponse.headers.get('content-security-policy') ?? '';
    expect(policy).toContain('frame-src https://www.youtube.com https://player.vimeo.com');
    expect(policy).toContain("script-src 'self'");
    const page = await pageResponse.text();
    for (const html of [
      article.bodyHtml,
      rss.items[0]?.['content:encoded'] ?? '',
      json.items[0]?.content_html ?? '',
      page,
    ]) {
      expect(html).toMatch(KEPT);
      expect(html).not.toMatch(/evil\.example|onload|steal\(\)/);
      expect(html).toContain('More below.');
    }
  });

  it("keeps a listed host's player in an ingested item, and drops any other iframe", async () => {
    const created = await tidings.admin('POST', '/api/sources', {
      url: `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/feed.xml`,
      name: 'Elsewhere',
    });
    const { id } = (await created.json()) as { id: string };
    expect((await tidings.admin('POST', `/api/sources/${id}/ingest`)).status).toBe(200);
    const listed = (await (await tidings.admin('GET', `/api/external-items?source=${id}`)).json()) as {
      items: { contentHtml: string }[];
    };
    const html = listed.items[0]?.contentHtml ?? '';
    expect(html).toMatch(KEPT);
    expect(html).not.toMatch(/evil\.example|onload|steal\(\)/);
  });
});

describe('without EMBED_HOSTS', () => {
  it('drops every iframe, a player of a well-known host too', async () => {
    const tidings = await startTidings();
    try {
      const created = await tidings.admin('POST', '/api/articles', {
        title: 'Storm Closes Northern Ports',
        bodyHtml: BODY,
        category: 'World',
        author: { name: 'Ada Quill' },
      });
      const { bodyHtml, status } = (await created.json()) as { bodyHtml: string; status: string };
      expect(status).toBe('draft'); // a JSON create makes a draft
      expect(bodyHtml).toBe('<p>Watch the storm.</p><p>More below.</p>');
      const page = await tidings.request('/');
      expect(page.headers.get('content-security-policy')).not.toContain('frame-src');
    } finally {
      await tidings.stop();
    }
  });
});
