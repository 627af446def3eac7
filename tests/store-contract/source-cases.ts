import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '../../src/domain/errors.ts';
import { sourceState } from '../../src/domain/source.ts';
import { minutesAgo, NOW } from '../make-article.ts';
import { makeFetch, makeSource } from '../make-source.ts';
import type { StoreContext } from '../store-contract.ts';

export function describeSourceCases({ store }: StoreContext): void {
  describe('sources', () => {
    it('returns a created source whole, then its edited settings', async () => {
      const source = makeSource();
      await store().createSource(source);
      expect(await store().getSource(source.id)).toEqual(source);
      const edited = { ...source, name: 'Renamed', pollIntervalMinutes: 90, enabled: false, updatedAt: NOW };
      delete edited.categoryHint;
      await store().updateSource(edited);
      expect(await store().getSource(source.id)).toEqual(edited);
    });

    it('rejects a URL already registered, writing nothing', async () => {
      const first = makeSource();
      await store().createSource(first);
      const second = makeSource({ url: first.url });
      await expect(store().createSource(second)).rejects.toBeInstanceOf(ConflictError);
      expect(await store().getSource(second.id)).toBeUndefined();
      const other = makeSource();
      await store().createSource(other);
      await expect(store().updateSource({ ...other, url: first.url })).rejects.toBeInstanceOf(ConflictError);
      expect(await store().getSource(other.id)).toEqual(other);
    });

    it('rejects an update of an unknown source and deletes a source once', async () => {
      const source = makeSource();
      await expect(store().updateSource(source)).rejects.toBeInstanceOf(NotFoundError);
      await store().createSource(source);
      expect(await store().deleteSource(source.id)).toBe(true);
      expect(await store().deleteSource(source.id)).toBe(false);
      expect(await store().getSource(source.id)).toBeUndefined();
    });

    it('pages through sources in id order', async () => {
      const sources = [makeSource(), makeSource(), makeSource()];
      for (const s of sources) await store().createSource(s);
      const first = await store().listSources({ limit: 2 });
      const second = await store().listSources({ limit: 2, cursor: first.nextCursor ?? '' });
      expect([...first.items, ...second.items].map((s) => s.id)).toEqual(sources.map((s) => s.id));
      expect(second.nextCursor).toBeUndefined();
    });

    it('counts sources by state: never fetched, healthy, failing, disabled', async () => {
      expect(await store().countSourcesByState()).toEqual({ new: 0, healthy: 0, failing: 0, disabled: 0 });
      const [fresh, healthy, failing, disabled] = [
        makeSource(),
        makeSource(),
        makeSource(),
        makeSource({ enabled: false }),
      ];
      for (const s of [fresh, healthy, failing, disabled]) await store().createSource(s);
      await store().recordFetch(makeFetch(healthy.id, []));
      await store().recordFetch(
        makeFetch(failing.id, [], { status: 500, error: 'answered 500', consecutiveFailures: 1 }),
      );
      expect(await store().countSourcesByState()).toEqual({ new: 1, healthy: 1, failing: 1, disabled: 1 });
      const states = await Promise.all([fresh, healthy, failing, disabled].map((s) => store().getSource(s.id)));
      expect(states.map((s) => s && sourceState(s))).toEqual(['new', 'healthy', 'failing', 'disabled']);
    });
  });

  describe('claiming due sources', () => {
    it('claims enabled sources that are due, each once until the claim expires', async () => {
      const due = makeSource({ health: { itemsStored: 0, consecutiveFailures: 0, nextPollAt: minutesAgo(10) } });
      const later = makeSource({ health: { itemsStored: 0, consecutiveFailures: 0, nextPollAt: minutesAgo(-10) } });
      const disabled = makeSource({ enabled: false });
      for (const s of [due, later, disabled]) await store().createSource(s);
      const claimUntil = minutesAgo(-5);
      expect((await store().claimDueSources(NOW, claimUntil, 10)).map((s) => s.id)).toEqual([due.id]);
      // A second cycle at the same moment (a Cron Trigger that fired twice) gets nothing.
      expect(await store().claimDueSources(NOW, claimUntil, 10)).toEqual([]);
      expect(await store().claimSource(due.id, NOW, claimUntil)).toBeUndefined();
      // Once the claim has expired (the first cycle died), the source is due again.
      expect((await store().claimDueSources(minutesAgo(-6), minutesAgo(-11), 10)).map((s) => s.id)).toEqual([due.id]);
    });

    it('claims at most `limit` sources, the longest overdue first', async () => {
      const sources = [30, 10, 20].map((m) =>
        makeSource({ health: { itemsStored: 0, consecutiveFailures: 0, nextPollAt: minutesAgo(m) } }),
      );
      for (const s of sources) await store().createSource(s);
      const claimed = await store().claimDueSources(NOW, minutesAgo(-5), 2);
      expect(claimed.map((s) => s.id)).toEqual([sources[0]?.id, sources[2]?.id]);
    });

    it('claims one source on demand whatever its schedule, but not an unknown one', async () => {
      const source = makeSource({ health: { itemsStored: 0, consecutiveFailures: 0, nextPollAt: minutesAgo(-60) } });
      await store().createSource(source);
      expect((await store().claimSource(source.id, NOW, minutesAgo(-5)))?.id).toBe(source.id);
      expect(await store().claimSource('src_missing', NOW, minutesAgo(-5))).toBeUndefined();
    });
  });
}
