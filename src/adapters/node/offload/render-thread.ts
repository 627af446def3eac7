/**
 * What a render thread runs (render-in-thread.ts): batches of a large publish run
 * (publish/split-render.ts), on its own SQLite connection to the same file (reads only) and its
 * own view of the feeds folder. Each answer carries the outcomes and the files written, for the
 * publishing thread's sink to take on.
 */
import { workerData } from 'node:worker_threads';
import type { Config } from '../../../config.ts';
import { createLogger } from '../../../log.ts';
import { type RenderInput, type RenderOutcome, renderFeeds } from '../../../publish/render-feeds.ts';
import { documentRenderers } from '../../../render/index.ts';
import { createSqlStore } from '../../../store/sql-store.ts';
import { createFsFeedSink, type WrittenFile } from '../fs-feed-sink.ts';
import { BACKGROUND_BUSY_TIMEOUT_MS, openSqliteDatabase } from '../sqlite-database.ts';
import { lowerThreadPriority } from './lower-thread-priority.ts';

export interface RenderAnswer {
  outcomes: RenderOutcome[];
  files: WrittenFile[];
}

const { config } = workerData as { config: Config };
lowerThreadPriority(config.workerNice); // polls first when the cores are busy
const db = openSqliteDatabase(config.databasePath, { busyTimeoutMs: BACKGROUND_BUSY_TIMEOUT_MS });
// Nothing is read back here: keeping written bodies in memory would only add to the peak.
const sink = createFsFeedSink(config.feedsDir, { maxCachedBytes: 0 });
const deps = {
  store: createSqlStore(db),
  sink,
  renderers: documentRenderers,
  settings: config,
  log: createLogger(config.logLevel),
};

export default async function render(input: RenderInput): Promise<RenderAnswer> {
  const outcomes = await renderFeeds(deps, input);
  const written = outcomes.flatMap((outcome) => ('written' in outcome ? outcome.written : []));
  return { outcomes, files: sink.describeFiles(written) };
}
