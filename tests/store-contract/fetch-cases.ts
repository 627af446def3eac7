import { describe, expect, it } from 'vitest';
import { minutesAgo, NOW } from '../make-article.ts';
import { makeFetch, makeItem, makeSource } from '../make-source.ts';
import type { StoreContext } from '../store-contract.ts';

export function describeFetchCases({ store }: StoreContext): void {
  async function createSource() {
    const source = makeSource();
    await store().createSource(source);
    return source;
  }
  const titles = async (sourceId: string) =>
    (await store().listExternalItems({ sourceId, limit: 100 })).items.map((i) => i.title);

  describe('recording fetches', () => {
    it('stores new items and the source health in one write, and releases the claim', async () => {
      const source = await createSource();
      await store().claimSource(source.id, NOW, minutesAgo(-5));
      const result = await store().recordFetch(makeFetch(source.id, [makeItem('a'), makeItem('b')]));
      expect(result).toEqual({ inserted: 2, updated: 0, unchanged: 0, removed: 0, itemsStored: 2, sourceExists: true });
      const stored = await store().getSource(source.id);
      expect(stored?.health).toEqual({
        etag: '"v1"',
        lastModified: 'Sun, 01 Mar 2026 11:00:00 GMT',
        lastFetchAt: NOW,
        lastSuccessAt: NOW,
        lastStatus: 200,
        itemsStored: 2,
        consecutiveFailures: 0,
        nextPollAt: minutesAgo(-30),
      });
      expect((await store().claimSource(source.id, NOW, minutesAgo(-5)))?.id).toBe(source.id);
    });

    it('deduplicates by GUID: an edited item is updated, an unchanged one left alone', async () => {
      const source = await createSource();
      await store().recordFetch(makeFetch(source.id, [makeItem('a'), makeItem('b')]));
      const again = [makeItem('a'), makeItem('b', { title: 'Edited', contentHash: 'hash-b2' }), makeItem('a')];
      const result = await store().recordFetch(makeFetch(source.id, again, { fetchedAt: minutesAgo(-1) }));
      expect(result).toMatchObject({ inserted: 0, updated: 1, unchanged: 1, itemsStored: 2 });
      expect((await titles(source.id)).sort()).toEqual(['Edited', 'External story a']);
    });

    it('matches an item under a new GUID by its link, then by its story, and updates it in place', async () => {
      const source = await createSource();
      await store().recordFetch(makeFetch(source.id, [makeItem('a', { storyHash: 'story-a' })]));
      const [stored] = (await store().listExternalItems({ sourceId: source.id, limit: 10 })).items;
      // Same link, new GUID.
      const relinked = makeItem('a2', {
        link: 'https://elsewhere.example/a',
        contentHash: 'hash-a2',
        storyHash: 'story-a',
      });
      let result = await store().recordFetch(makeFetch(source.id, [relinked], { feedKeys: ['g:g-a2'] }));
      expect(result).toMatchObject({ inserted: 0, updated: 1, itemsStored: 1 });
      // New GUID and new link, same headline and text.
      const moved = makeItem('a3', { title: 'External story a', contentHash: 'hash-a3', storyHash: 'story-a' });
      result = await store().recordFetch(makeFetch(source.id, [moved], { feedKeys: ['g:g-a3'] }));
      expect(result).toMatchObject({ inserted: 0, updated: 1, itemsStored: 1 });
      const [after] = (await store().listExternalItems({ sourceId: source.id, limit: 10 })).items;
      expect(after).toMatchObject({ id: stored?.id, guid: 'g-a3', link: 'https://elsewhere.example/a3' });
    });

    it('never takes an item the document still carries for another GUID of the same link', async () => {
      const source = await createSource();
      const home = 'https://elsewhere.example/';
      await store().recordFetch(makeFetch(source.id, [makeItem('a', { link: home })]));
      const other = makeItem('b', { link: home, storyHash: 'story-b' });
      const result = await store().recordFetch(makeFetch(source.id, [other], { feedKeys: ['g:g-a', 'g:g-b'] }));
      expect(result).toMatchObject({ inserted: 1, updated: 0, itemsStored: 2 });
    });

    it('disables a gone source with the reason, keeps its items, and enabling it clears the reason', async () => {
      const source = await createSource();
      await store().recordFetch(makeFetch(source.id, [makeItem('a')]));
      const gone = makeFetch(source.id, [], {
        fetchedAt: minutesAgo(-30),
        status: 410,
        error: 'answered 410',
        consecutiveFailures: 1,
        disableReason: 'gone: answered 410 Gone',
      });
      await store().recordFetch(gone);
      const disabled = await store().getSource(source.id);
      expect(disabled).toMatchObject({ enabled: false, health: { disabledReason: 'gone: answered 410 Gone' } });
      expect(await store().claimDueSources(minutesAgo(-10_000), minutesAgo(-10_005), 10)).toEqual([]);
      expect(await titles(source.id)).toEqual(['External story a']);
      // A later failure without a reason (ingest now) keeps the reason; enabling clears it.
      await store().recordFetch({ ...gone, disableReason: undefined });
      expect((await store().getSource(source.id))?.health.disabledReason).toBe('gone: answered 410 Gone');
      await store().updateSource({ ...(disabled as NonNullable<typeof disabled>), name: 'Renamed' });
      expect((await store().getSource(source.id))?.health.disabledReason).toBe('gone: answered 410 Gone');
      await store().updateSource({ ...(disabled as NonNullable<typeof disabled>), enabled: true });
      const enabled = await store().getSource(source.id);
      expect(enabled?.enabled).toBe(true);
      expect(enabled?.health.disabledReason).toBeUndefined();
    });

    it('records a failure without losing items or validators', async () => {
      const source = await createSource();
      await store().recordFetch(makeFetch(source.id, [makeItem('a')]));
      const failure = makeFetch(source.id, [], {
        fetchedAt: minutesAgo(-30),
        status: 503,
        error: 'answered 503',
        consecutiveFailures: 1,
      });
      delete failure.etag;
      delete failure.lastModified;
      await store().recordFetch(failure);
      const health = (await store().getSource(source.id))?.health;
      expect(health).toMatchObject({ etag: '"v1"', lastStatus: 503, lastError: 'answered 503', lastSuccessAt: NOW });
      expect(health?.consecutiveFailures).toBe(1);
      expect(await titles(source.id)).toEqual(['External story a']);
    });

    it('keeps the newest items up to the retention limit', async () => {
      const source = await createSource();
      const items = [1, 2, 3, 4].map((m) => makeItem(`n${m}`, { publishedAt: minutesAgo(m) }));
      const result = await store().recordFetch(
        makeFetch(source.id, items, { retention: { maxItems: 2, maxAgeDays: 30 } }),
      );
      expect(result).toMatchObject({ inserted: 4, removed: 2, itemsStored: 2 });
      expect(await titles(source.id)).toEqual(['External story n1', 'External story n2']);
    });

    it('writes nothing for a source deleted while it was fetched, and deleting a source drops its items', async () => {
      const source = await createSource();
      await store().recordFetch(makeFetch(source.id, [makeItem('a')]));
      await store().deleteSource(source.id);
      expect((await store().recordFetch(makeFetch(source.id, [makeItem('b')]))).sourceExists).toBe(false);
      expect(await titles(source.id)).toEqual([]);
    });
  });

  describe('external items', () => {
    it('lists newest first across sources, pages with a cursor and searches titles and summaries', async () => {
      const one = await createSource();
      const two = await createSource();
      await store().recordFetch(
        makeFetch(one.id, [makeItem('x1', { publishedAt: minutesAgo(1), title: '100% cotton' })]),
      );
      await store().recordFetch(
        makeFetch(
          two.id,
          [2, 3].map((m) => makeItem(`x${m}`, { publishedAt: minutesAgo(m) })),
        ),
      );
      const first = await store().listExternalItems({ limit: 2 });
      const second = await store().listExternalItems({ limit: 2, cursor: first.nextCursor ?? '' });
      expect([...first.items, ...second.items].map((i) => i.guid)).toEqual(['g-x1', 'g-x2', 'g-x3']);
      expect(second.nextCursor).toBeUndefined();
      expect((await store().listExternalItems({ q: '100%', limit: 10 })).items.map((i) => i.guid)).toEqual(['g-x1']);
      expect((await store().listExternalItems({ q: 'in x3', limit: 10 })).items.map((i) => i.guid)).toEqual(['g-x3']);
      expect((await store().listExternalItems({ sourceId: two.id, limit: 10 })).items).toHaveLength(2);
    });
  });
}
