import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { Config } from '../../../config.ts';
import type { RenderInput } from '../../../publish/render-feeds.ts';
import type { RenderElsewhere } from '../../../publish/split-render.ts';
import type { FsFeedSink } from '../fs-feed-sink.ts';
import type { RenderAnswer } from './render-thread.ts';
import { typeScriptExecArgv } from './thread-exec-argv.ts';

/** The render thread's old-generation heap, in MiB. */
const RENDER_THREAD_HEAP_MB = 128;

/**
 * A render thread for one large publish run (render-thread.ts), started when the run opens it
 * and ended with it: large runs are rare (a first publish, a settings change), so no thread
 * waits idle for them, and the job threads stay free for ingest meanwhile. `sink` is the
 * publishing thread's view of the same folder: it takes on what the render thread wrote.
 */
export function renderInThread(config: Config, sink: FsFeedSink): RenderElsewhere {
  return () => {
    const thread = new Piscina<RenderInput, RenderAnswer>({
      filename: fileURLToPath(new URL('./render-thread.ts', import.meta.url)),
      workerData: { config },
      minThreads: 1,
      maxThreads: 1,
      // The batch it holds beside the one it renders (split-render.ts): no wait between batches.
      concurrentTasksPerWorker: 2,
      execArgv: typeScriptExecArgv(),
      // What it holds at once is a few pages and their documents; without a cap V8 lets the heap
      // grow far past that while it renders 3,800 documents (peak RSS 388 against 336 MiB at 100,000
      // articles). Should a page ever need more, the thread fails and its feeds are rendered here.
      resourceLimits: { maxOldGenerationSizeMb: RENDER_THREAD_HEAP_MB },
    });
    return {
      async render(input) {
        const { outcomes, files } = await thread.run(input);
        sink.adoptFiles(files);
        return outcomes;
      },
      close: () => thread.destroy(),
    };
  };
}
