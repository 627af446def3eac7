/**
 * What a render thread runs (render-in-thread.ts): batches of a large publish run
 * (publish/split-render.ts), on its own SQLite connection to the same file (reads only) and its
 * own view of the feeds folder. Each answer carries the outcomes and the files written, for the
 * publishing thread's sink to take on.
 */
import { type RenderInput, type RenderOutcome, renderFeeds } from '../../../publish/render-feeds.ts';
import { documentRenderers } from '../../../render/index.ts';
import type { WrittenFile } from '../fs-feed-sink.ts';
import { startBackgroundThread } from './background-thread.ts';

export interface RenderAnswer {
  outcomes: RenderOutcome[];
  files: WrittenFile[];
}

const { config, store, sink, log } = startBackgroundThread();
const deps = { store, sink, renderers: documentRenderers, settings: config, log };

export default async function render(input: RenderInput): Promise<RenderAnswer> {
  const outcomes = await renderFeeds(deps, input);
  const written = outcomes.flatMap((outcome) => ('written' in outcome ? outcome.written : []));
  return { outcomes, files: sink.describeFiles(written) };
}
