import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningTidings, startTidings } from './support/start-tidings.ts';

type Paged = { next_url?: string; items: { title: string }[] };

describe('paged feeds (RFC 5005): a reader walks back through the archive', () => {
  let tidings: RunningTidings;

  beforeAll(async () => {
    tidings = await startTidings({ FEED_ITEMS: '3' });
    for (let i = 1; i <= 7; i++) {
      const response = await tidings.admin('POST', '/api/articles', {
        title: `Story ${i}`,
        bodyHtml: `<p>Story ${i}.</p>`,
        category: 'World',
        author: { name: 'Ada Quill' },
        status: 'published',
        publishedAt: `2026-11-2${i % 3}T0${i}:00:00Z`,
      });
      expect(response.status).toBe(201);
    }
    await tidings.publish();
  });
  afterAll(() => tidings.stop());

  it('follows next_url from the JSON feed until every article was seen once, newest first', async () => {
    const seen: string[] = [];
    let url: string | undefined = `${tidings.baseUrl}/feeds/world.json`;
    while (url) {
      const page = (await (await fetch(url)).json()) as Paged;
      seen.push(...page.items.map((item) => item.title));
      url = page.next_url;
    }
    expect(seen).toEqual(['Story 5', 'Story 2', 'Story 7', 'Story 4', 'Story 1', 'Story 6', 'Story 3']);
  });

  it('links Atom and RSS pages with rel="next" and rel="first", and validates archive pages too', async () => {
    const first = await (await tidings.request('/feeds/world.atom')).text();
    const next = /<link rel="next" type="application\/atom\+xml" href="([^"]+)"\/>/.exec(first)?.[1];
    expect(next).toMatch(/\/feeds\/world\.atom\?before=/);
    const archive = await fetch(next ?? '');
    expect(archive.status).toBe(200);
    const body = await archive.text();
    expect(body).toContain(
      `<link rel="first" type="application/atom+xml" href="${tidings.baseUrl}/feeds/world.atom"/>`,
    );
    expect(body).toContain(`<link rel="self" type="application/atom+xml" href="${next?.replace(/&/g, '&amp;')}"/>`);
    expect((await new Parser().parseString(body)).items.map((i) => i.title)).toEqual(['Story 4', 'Story 1', 'Story 6']);

    const again = await fetch(next ?? '', { headers: { 'if-none-match': archive.headers.get('etag') ?? '' } });
    expect(again.status).toBe(304);

    const rss = await (await tidings.request('/feeds/world.rss')).text();
    expect(rss).toMatch(
      /<atom:link href="[^"]+\/feeds\/world\.rss\?before=[^"]+" rel="next" type="application\/rss\+xml"\/>/,
    );
  });

  it('answers a cursor that is not one with 400, and an unknown feed with 404', async () => {
    const bad = await tidings.request('/feeds/world.json?before=nonsense');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toContain('is not a page cursor');
    const first = (await (await tidings.request('/feeds/world.json')).json()) as Paged;
    const cursor = new URL(first.next_url ?? '').searchParams.get('before');
    expect((await tidings.request(`/feeds/nowhere.json?before=${cursor}`)).status).toBe(404);
  });
});
