import { XMLParser } from 'fast-xml-parser';
import { parseAtomFeed, parseJsonFeed } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningTidings, startTidings } from './support/start-tidings.ts';
import { validateXml } from './xml-checks.ts';

type Created = { id: string; guid: string; slug: string; categorySlug: string };

/** Retractions reach aggregators (issue 11, item 7): RFC 6721 tombstones, JSON Feed `_tidings`, 410 Gone. */
describe('retracted articles', () => {
  let tidings: RunningTidings;
  let deleted: Created;
  let unpublished: Created;
  const create = async (title: string) => {
    const response = await tidings.admin('POST', '/api/articles', {
      title,
      bodyHtml: `<p>${title}.</p>`,
      category: 'World',
      tags: ['Coast'],
      author: { name: 'Ada Quill' },
      status: 'published',
      publishedAt: '2026-11-25T09:00:00Z',
    });
    return (await response.json()) as Created;
  };
  const tombstones = (atom: string) => {
    const feed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (n) => n === 'at:deleted-entry',
    }).parse(atom);
    return (feed.feed['at:deleted-entry'] ?? []) as { ref: string; when: string }[];
  };

  beforeAll(async () => {
    tidings = await startTidings({ RETRACTION_DAYS: '2' });
    deleted = await create('A story we deleted');
    unpublished = await create('A story we unpublished');
    await create('A story that stays');
    await tidings.publish();
    tidings.setNow('2026-11-25T12:30:00.000Z');
    expect((await tidings.admin('DELETE', `/api/articles/${deleted.id}`)).status).toBe(204);
    expect((await tidings.admin('PATCH', `/api/articles/${unpublished.id}`, { status: 'draft' })).status).toBe(200);
    await tidings.publish();
  });
  afterAll(() => tidings.stop());

  it('carries an at:deleted-entry for each in every Atom feed that listed it, and the feed still parses', async () => {
    for (const path of [
      '/feeds/all.atom',
      '/feeds/world.atom',
      '/feeds/tag/coast.atom',
      '/feeds/author/ada-quill.atom',
    ]) {
      const atom = await (await tidings.request(path)).text();
      validateXml(atom);
      expect(atom).toContain('xmlns:at="http://purl.org/atompub/tombstones/1.0"');
      expect(
        tombstones(atom)
          .map((t) => t.ref)
          .sort(),
      ).toEqual([deleted.guid, unpublished.guid].sort());
      expect(tombstones(atom).every((t) => t.when === '2026-11-25T12:30:00.000Z')).toBe(true);
      expect(parseAtomFeed(atom).entries?.map((e) => e.title?.value)).toEqual(['A story that stays']);
    }
  });

  it('lists the retracted ids in the JSON Feed `_tidings` extension', async () => {
    const feed = (await (await tidings.request('/feeds/tag/coast.json')).json()) as {
      _tidings?: { retracted: { id: string; date_retracted: string }[] };
    };
    expect(feed._tidings?.retracted.map((r) => r.id).sort()).toEqual([deleted.guid, unpublished.guid].sort());
    expect(parseJsonFeed(JSON.stringify(feed)).items?.map((i) => i.title)).toEqual(['A story that stays']);
  });

  it('answers the article URL with 410 Gone and a short HTML notice', async () => {
    for (const gone of [deleted, unpublished]) {
      const response = await tidings.request(`/${gone.categorySlug}/${gone.slug}`);
      expect(response.status).toBe(410);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await response.text()).toContain('<h1>This story was withdrawn</h1>');
    }
    expect((await tidings.request('/world/never-existed')).status).toBe(404);
  });

  it('drops the tombstones after RETRACTION_DAYS, and a republished story loses its tombstone', async () => {
    expect((await tidings.admin('PATCH', `/api/articles/${unpublished.id}`, { status: 'published' })).status).toBe(200);
    await tidings.publish();
    expect(tombstones(await (await tidings.request('/feeds/world.atom')).text()).map((t) => t.ref)).toEqual([
      deleted.guid,
    ]);
    expect((await tidings.request(`/${unpublished.categorySlug}/${unpublished.slug}`)).status).toBe(200);
    tidings.setNow('2026-11-28T12:31:00.000Z');
    await tidings.publish();
    const atom = await (await tidings.request('/feeds/world.atom')).text();
    expect(tombstones(atom)).toEqual([]);
    expect(atom).not.toContain('xmlns:at=');
  });
});
