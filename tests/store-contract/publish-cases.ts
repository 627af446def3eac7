import { describe, expect, it } from 'vitest';
import type { FeedDocumentState, PublishRun } from '../../src/store/store.ts';
import { minutesAgo } from '../make-article.ts';
import type { StoreContext } from '../store-contract.ts';

function documentState(name: string, version: number): FeedDocumentState {
  return {
    name,
    fingerprint: `fp-${name}-${version}`,
    etag: `"etag-${name}-${version}"`,
    contentType: 'application/rss+xml; charset=utf-8',
    byteLength: 1000 + version,
    publishedAt: minutesAgo(10 - version),
  };
}

function run(minutes: number, overrides: Partial<PublishRun> = {}): PublishRun {
  return {
    startedAt: minutesAgo(minutes),
    durationMs: 12,
    trigger: 'schedule',
    feedsChecked: 9,
    feedsWritten: ['all.rss', 'all.atom'],
    errors: [],
    ...overrides,
  };
}

export function describePublishCases({ store }: StoreContext): void {
  describe('feed documents', () => {
    it('saves document states and lists them by name', async () => {
      const states = [documentState('world.rss', 1), documentState('all.json', 1), documentState('all.atom', 1)];
      await store().saveFeedDocuments(states);
      expect(await store().listFeedDocuments()).toEqual([states[2], states[1], states[0]]);
    });

    it('replaces the state of a document saved again and keeps the others', async () => {
      await store().saveFeedDocuments([documentState('all.rss', 1), documentState('all.json', 1)]);
      await store().saveFeedDocuments([documentState('all.rss', 2)]);
      expect(await store().listFeedDocuments()).toEqual([documentState('all.json', 1), documentState('all.rss', 2)]);
    });

    it('tells whether a document of a name was published', async () => {
      await store().saveFeedDocuments([documentState('tag/climate.rss', 1)]);
      expect(await store().hasFeedDocument('tag/climate.rss')).toBe(true);
      expect(await store().hasFeedDocument('tag/climate.atom')).toBe(false);
    });

    it('accepts an empty save', async () => {
      await store().saveFeedDocuments([]);
      expect(await store().listFeedDocuments()).toEqual([]);
    });

    it('moves the documents version by one for each save of states, and not for an empty one', async () => {
      const version = async () => (await store().readPublishState()).documentsVersion;
      expect(await version()).toBe(0);
      await store().saveFeedDocuments([documentState('all.rss', 1), documentState('all.json', 1)]);
      expect(await version()).toBe(1);
      await store().saveFeedDocuments([]);
      expect(await version()).toBe(1);
      await store().saveFeedDocuments([documentState('all.rss', 2)]);
      expect(await version()).toBe(2);
    });
  });

  describe('publish runs', () => {
    it('records runs and lists the latest first, up to the limit', async () => {
      const failed = run(1, { trigger: 'api', feedsWritten: [], errors: [{ feed: 'all.rss', message: 'boom' }] });
      await store().recordPublishRun(run(3));
      await store().recordPublishRun(run(2, { feedsWritten: [] }));
      await store().recordPublishRun(failed);
      const runs = await store().listPublishRuns(2);
      expect(runs).toEqual([failed, run(2, { feedsWritten: [] })]);
    });
  });
}
