import type { Retraction } from '../store/store.ts';
import type { FeedDefinition } from './feed-catalog.ts';

/** A tombstone as renderers take it: the entry's permanent id and when it went. */
export interface Tombstone {
  guid: string;
  retractedAt: string;
}

const DAY_MS = 86_400_000;

/** The instant before which retractions no longer reach feeds (RETRACTION_DAYS). */
export function retractionWindowStart(now: string, days: number): string {
  return new Date(Date.parse(now) - days * DAY_MS).toISOString();
}

/** The retractions a feed carries: those of articles it would have listed. */
export function tombstonesFor(feed: FeedDefinition, retractions: Retraction[]): Tombstone[] {
  return retractions
    .filter((r) => {
      if (feed.kind === 'category') return r.categorySlug === feed.slug;
      if (feed.kind === 'tag') return r.tagSlugs.includes(feed.slug as string);
      if (feed.kind === 'author') return r.authorSlug === feed.slug;
      return true;
    })
    .map((r) => ({ guid: r.guid, retractedAt: r.retractedAt }));
}
