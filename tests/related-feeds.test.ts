import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addFillerArticles } from './related-filler.ts';
import { type RunningTidings, startTidings } from './support/start-tidings.ts';
import { validateXml } from './xml-checks.ts';

/**
 * End to end: the seed article's RELATED headlines resolve to our own
 * articles and to an item ingested from a feed on a local server, and the
 * links arrive in RSS, Atom and JSON Feed as published and served; an edit
 * gives fresh links and a new ETag to that feed only.
 */
const seedText = readFileSync(new URL('./fixtures/seed-article.txt', import.meta.url), 'utf8');
const CULTURE = '‘Assassins Of The Mind’: How Russia Is Trying To Destroy Ukrainian Culture';

function externalFeed(base: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Culture Wire</title><link>${base}/</link>
<item><title>'Assassins of the Mind': How Russia is trying to destroy Ukrainian culture</title>
<link>${base}/culture</link><guid>cw-1</guid><pubDate>Wed, 25 Nov 2026 09:00:00 GMT</pubDate>
<description>Museums, libraries and theatres in occupied Ukraine are being looted and burned.</description></item>
<item><title>Reservists sent to the front weeks after Russia's partial mobilization</title>
<link>${base}/reservists</link><guid>cw-2</guid><pubDate>Wed, 25 Nov 2026 10:00:00 GMT</pubDate>
<description>Russian draftees who said goodbye to their families in Yakutsk are already at the front, relatives say. The partial mobilization of 300,000 reservists continues despite protests.</description></item>
</channel></rss>`;
}

/** The rel="related" hrefs of the Atom entry whose title starts with `title`, in order. */
function relatedHrefs(atom: string, title: string): string[] {
  const entry = atom.slice(atom.indexOf(`<title>${title}`));
  const body = entry.slice(0, entry.indexOf('</entry>'));
  return [...body.matchAll(/<link rel="related" href="([^"]*)"/g)].map((m) => m[1] ?? '');
}

describe('related stories in every feed format', () => {
  let tidings: RunningTidings;
  let base: string;
  const server = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(externalFeed(base));
  });
  const api = (path: string, init: RequestInit = {}) =>
    tidings.request(path, { ...init, admin: true, headers: { 'content-type': 'application/json', ...init.headers } });
  const createArticle = async (title: string, category: string, body: string) => {
    const response = await api('/api/articles', {
      method: 'POST',
      body: JSON.stringify({
        title,
        category,
        bodyHtml: `<p>${body}</p>`,
        author: { name: 'Desk' },
        status: 'published',
      }),
    });
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string; slug: string; categorySlug: string };
  };
  const feed = async (name: string) => {
    const response = await tidings.request(`/feeds/${name}`);
    expect(response.status).toBe(200);
    return { text: await response.text(), etag: response.headers.get('etag') };
  };

  beforeAll(async () => {
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    tidings = await startTidings({ OUTBOUND_ALLOW_NETWORKS: '127.0.0.1/32' });
    await addFillerArticles(tidings.ctx.store);
  });
  afterAll(async () => {
    await tidings.stop();
    server.close();
  });

  it('resolves the RELATED lines to our articles and an ingested item, in RSS, Atom and JSON Feed', async () => {
    const news = 'Entertainment And News';
    const fled = await createArticle(
      'I Fled Ukraine To Save My 3-Year-Old Daughter. We Want To Go Home.',
      news,
      'A mother tells how she left Kharkiv with her daughter.',
    );
    const volunteer = await createArticle(
      "Russia's Attack on Ukraine Turned Me Into a Wartime Volunteer Overnight",
      news,
      'How the invasion turned an office worker into a volunteer.',
    );
    await createArticle('Riverside United win the league', 'Sport', 'A late header won the title.');

    const imported = await api('/api/articles/import', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: seedText,
    });
    expect(imported.status).toBe(201);
    const seed = (await imported.json()) as { id: string };

    const source = await api('/api/sources', {
      method: 'POST',
      body: JSON.stringify({ url: `${base}/feed.xml`, name: 'Culture Wire' }),
    });
    expect(source.status).toBe(201);
    const cycle = await tidings.ctx.ingestCycle.run();
    expect(cycle.inserted).toBe(2);
    await tidings.ctx.publisher.publish('test');

    const related = (await (await api(`/api/articles/${seed.id}/related`)).json()) as {
      related: { title: string; url: string | null; source: string; editorial: boolean }[];
    };
    const fledUrl = `${tidings.baseUrl}/${fled.categorySlug}/${fled.slug}`;
    const volunteerUrl = `${tidings.baseUrl}/${volunteer.categorySlug}/${volunteer.slug}`;
    expect(related.related.slice(0, 3).map((r) => [r.url, r.source, r.editorial])).toEqual([
      [fledUrl, 'own', true],
      [`${base}/culture`, 'Culture Wire', true],
      [volunteerUrl, 'own', true],
    ]);
    expect(related.related.map((r) => r.url)).toContain(`${base}/reservists`);

    const atom = await feed('entertainment-and-news.atom');
    expect(validateXml(atom.text)).toBe(true);
    const parser = new Parser();
    const atomItem = (await parser.parseString(atom.text)).items.find((i) => i.title?.startsWith('Video Shows'));
    expect(atomItem).toBeDefined();
    for (const url of [fledUrl, `${base}/culture`, volunteerUrl, `${base}/reservists`]) {
      expect(atom.text).toContain(`<link rel="related" href="${url}"`);
    }
    expect(atom.text).toContain(`title="${CULTURE}"`);

    const rss = await feed('entertainment-and-news.rss');
    expect(validateXml(rss.text)).toBe(true);
    const rssItem = (await parser.parseString(rss.text)).items.find((i) => i.title?.startsWith('Video Shows'));
    const content = (rssItem as { 'content:encoded'?: string } | undefined)?.['content:encoded'] ?? '';
    for (const url of [fledUrl, `${base}/culture`, volunteerUrl]) {
      expect(content).toContain(`href="${url}"`);
      expect(rss.text).toContain(`<atom:link rel="related" href="${url}"`);
    }

    const json = JSON.parse((await feed('entertainment-and-news.json')).text) as {
      items: { title: string; _tidings?: { related?: { url: string; title: string; source: string }[] } }[];
    };
    const jsonItem = json.items.find((i) => i.title.startsWith('Video Shows'));
    expect(jsonItem?._tidings?.related?.slice(0, 3)).toEqual([
      expect.objectContaining({ url: fledUrl, source: 'own' }),
      expect.objectContaining({ url: `${base}/culture`, title: CULTURE, source: 'Culture Wire' }),
      expect.objectContaining({ url: volunteerUrl, source: 'own' }),
    ]);
  });

  it('gives an edited article fresh related links and a new ETag, and leaves other feeds alone', async () => {
    const before = await feed('entertainment-and-news.atom');
    const sport = await feed('sport.atom');
    const list = (await (await api('/api/articles?category=entertainment-and-news')).json()) as {
      items: { id: string; title: string }[];
    };
    const seed = list.items.find((a) => a.title.startsWith('Video Shows'));
    const patched = await api(`/api/articles/${seed?.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ relatedLinks: [{ title: 'Riverside United win the league' }] }),
    });
    expect(patched.status).toBe(200);
    tidings.setNow('2026-11-25T12:05:00.000Z');
    await tidings.ctx.publisher.publish('test');

    const after = await feed('entertainment-and-news.atom');
    expect(after.etag).not.toBe(before.etag);
    const [first, ...rest] = relatedHrefs(after.text, 'Video Shows');
    expect(first).toMatch(/\/sport\/riverside-united-win-the-league$/);
    expect(rest).not.toContain(first);
    expect(relatedHrefs(before.text, 'Video Shows')).not.toContain(first);
    expect((await feed('sport.atom')).etag).toBe(sport.etag);
  });
});
