import { FEED_FORMATS } from '../render/feed-spec.ts';
import { feedDocumentName } from './feed-catalog.ts';
import { type RenderDeps, type RenderInput, type RenderOutcome, renderFeeds, type StaleFeed } from './render-feeds.ts';

/**
 * Somewhere else to render feeds during one run (Node: a thread of its own, on its own SQLite
 * connection, writing the same feeds folder), so that a large run uses a second core. The
 * caller's sink must know afterwards what was written there, as if it had written it.
 */
export interface RenderHelper {
  /** Renders a batch; it may be given the next before it answers. */
  render(input: RenderInput): Promise<RenderOutcome[]>;
  close(): Promise<void>;
}

/** Opens a helper for one run. */
export type RenderElsewhere = () => RenderHelper;

/**
 * Below this many feeds to render, a run renders them all itself: a helper's start (a thread
 * loading its modules, ~1 s) would cost more than it saves. A run after one edit renders about
 * five feeds; a first publish, a settings change or a new renderer version render all 2,551
 * of issue 11's bench.
 */
export const SPLIT_AT = 256;
/** Feeds per batch: a fraction of a second of rendering, so neither side waits long for the other at the end. */
const BATCH_FEEDS = 32;
/** Batches the helper holds at once: it has the next in hand when it answers one. */
const HELPER_BATCHES = 2;

/**
 * Renders the feeds, sharing them with a helper when there are many and there is one: both
 * take batches from the same list until it is empty, so the helper's start and a busier core
 * cost only the batches it did not take. Outcomes come in the feeds' order.
 */
export async function renderSplit(
  deps: RenderDeps & { renderElsewhere?: RenderElsewhere },
  input: RenderInput,
): Promise<RenderOutcome[]> {
  if (!deps.renderElsewhere || input.feeds.length < SPLIT_AT) return renderFeeds(deps, input);
  const batches: StaleFeed[][] = [];
  for (let at = 0; at < input.feeds.length; at += BATCH_FEEDS) batches.push(input.feeds.slice(at, at + BATCH_FEEDS));
  const results: RenderOutcome[][] = new Array(batches.length);
  let next = 0;
  const take = () => (next < batches.length ? next++ : undefined);
  const here = (index: number) => renderFeeds(deps, { ...input, feeds: batches[index] ?? [] });

  const renderHere = async () => {
    for (let index = take(); index !== undefined; index = take()) {
      results[index] = await here(index);
      // Rendering never waits on I/O here: a turn of the event loop lets the helper's answers
      // in, so that it is handed its next batch at once.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  };
  const helper = deps.renderElsewhere();
  const renderThere = async () => {
    for (let index = take(); index !== undefined; index = take()) {
      const feeds = batches[index] ?? [];
      try {
        results[index] = await helper.render({
          feeds,
          previous: pick(input.previous, feeds),
          stored: pick(input.stored, feeds),
          now: input.now,
        });
      } catch (error) {
        // Whatever the helper wrote of it is written again here, with the same bytes; the rest is left here.
        deps.log.warn('publish: rendering in another thread failed, rendering its feeds here', { error });
        results[index] = await here(index);
        return;
      }
    }
  };
  try {
    await Promise.all([renderHere(), ...Array.from({ length: HELPER_BATCHES }, renderThere)]);
  } finally {
    await helper.close();
  }
  return results.flat();
}

/** The entries of these feeds' documents: all that crosses to the other side. */
function pick<T>(byName: ReadonlyMap<string, T>, feeds: StaleFeed[]): Map<string, T> {
  const picked = new Map<string, T>();
  for (const { entry } of feeds) {
    for (const format of FEED_FORMATS) {
      const name = feedDocumentName(entry.feed.key, format);
      const value = byName.get(name);
      if (value !== undefined) picked.set(name, value);
    }
  }
  return picked;
}
