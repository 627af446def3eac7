import { describe, expect, it } from 'vitest';
import { minutesAgo } from '../make-article.ts';
import { makeFetch, makeItem, makeSource } from '../make-source.ts';
import type { StoreContext } from '../store-contract.ts';

/** What ingest keeps to poll cheaply: the digest of the last document read, and how often a source posts. */
export function describeDocumentCases({ store }: StoreContext): void {
  describe('document digests and posting frequency', () => {
    it('keeps the digest of the last document read until a fetch sets or clears it', async () => {
      const source = makeSource();
      await store().createSource(source);
      expect((await store().getSource(source.id))?.health.bodyHash).toBeUndefined();
      await store().recordFetch(makeFetch(source.id, [makeItem('a')], { bodyHash: 'digest-1' }));
      expect((await store().getSource(source.id))?.health.bodyHash).toBe('digest-1');
      // A 304 (or a failure before any body) says nothing about the document: the digest holds.
      await store().recordFetch(makeFetch(source.id, [], { status: 304, fetchedAt: minutesAgo(-5) }));
      expect((await store().getSource(source.id))?.health.bodyHash).toBe('digest-1');
      await store().recordFetch(
        makeFetch(source.id, [], { error: 'parse-feed: broken', bodyHash: null, consecutiveFailures: 1 }),
      );
      expect((await store().getSource(source.id))?.health.bodyHash).toBeUndefined();
    });

    it("counts one source's items published since an instant", async () => {
      const source = makeSource();
      const other = makeSource();
      await store().createSource(source);
      await store().createSource(other);
      const items = [10, 20, 3000, 9000].map((m) => makeItem(`f${m}`, { publishedAt: minutesAgo(m) }));
      await store().recordFetch(makeFetch(source.id, items, { retention: { maxItems: 100, maxAgeDays: 3650 } }));
      await store().recordFetch(makeFetch(other.id, [makeItem('o1', { publishedAt: minutesAgo(5) })]));
      expect(await store().countItemsPublishedSince(source.id, minutesAgo(20))).toBe(2);
      expect(await store().countItemsPublishedSince(source.id, minutesAgo(5000))).toBe(3);
      expect(await store().countItemsPublishedSince(source.id, minutesAgo(1))).toBe(0);
      expect(await store().countItemsPublishedSince('src_unknown', minutesAgo(5000))).toBe(0);
    });
  });
}
