import type { NormalizedItem, Source } from '../src/domain/source.ts';
import type { FetchRecord } from '../src/store/store.ts';
import { minutesAgo, NOW } from './make-article.ts';

let sequence = 0;

/** An enabled source, due now, that has never been fetched. */
export function makeSource(overrides: Partial<Source> = {}): Source {
  sequence += 1;
  const n = String(sequence).padStart(6, '0');
  return {
    id: `src_${n}`,
    url: `https://feeds${n}.example/rss.xml`,
    name: `Source ${n}`,
    categoryHint: 'World News',
    pollIntervalMinutes: 30,
    enabled: true,
    createdAt: minutesAgo(600),
    updatedAt: minutesAgo(600),
    health: { itemsStored: 0, consecutiveFailures: 0, nextPollAt: minutesAgo(1) },
    ...overrides,
  };
}

/** A normalized item whose identity is its GUID (`g-<key>`); pass fields to change. */
export function makeItem(key: string, overrides: Partial<NormalizedItem> = {}): NormalizedItem {
  return {
    guid: `g-${key}`,
    link: `https://elsewhere.example/${key}`,
    contentHash: `hash-${key}`,
    title: `External story ${key}`,
    summary: `What happened in ${key}.`,
    contentHtml: `<p>What happened in ${key}.</p>`,
    contentText: `What happened in ${key}.`,
    categories: ['news'],
    publishedAt: minutesAgo(60),
    isDateGuessed: false,
    ...overrides,
  };
}

/** A successful 200 fetch of `sourceId` at NOW carrying `items`. */
export function makeFetch(
  sourceId: string,
  items: NormalizedItem[],
  overrides: Partial<FetchRecord> = {},
): FetchRecord {
  return {
    sourceId,
    fetchedAt: NOW,
    status: 200,
    etag: '"v1"',
    lastModified: 'Sun, 01 Mar 2026 11:00:00 GMT',
    consecutiveFailures: 0,
    nextPollAt: minutesAgo(-30),
    items,
    retention: { maxItems: 100, maxAgeDays: 30 },
    ...overrides,
  };
}
