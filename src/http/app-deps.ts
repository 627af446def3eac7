import type { Config } from '../config.ts';
import type { Article } from '../domain/article.ts';
import type { IngestOne } from '../ingest/run-ingest-cycle.ts';
import type { Logger } from '../log.ts';
import type { FeedSink } from '../publish/feed-sink.ts';
import type { Publisher } from '../publish/publisher.ts';
import type { Store } from '../store/store.ts';

/** A file we serve as-is, e.g. a sample image. */
export interface MediaFile {
  body: Uint8Array<ArrayBuffer>;
  contentType: string;
}

/** Everything the HTTP app needs, passed in by the entry (node.ts, worker.ts) or a test. */
export interface AppDeps {
  store: Store;
  sink: FeedSink;
  publisher: Publisher;
  config: Config;
  log: Logger;
  now: () => Date;
  /** Images and other media under /media/ (sample content on Node). */
  readMedia?: (name: string) => Promise<MediaFile | undefined>;
  /** Runs after an article is created or edited, e.g. to refresh its related stories. */
  afterArticleChange?: (article: Article) => Promise<void>;
  afterArticleDelete?: (article: Article) => Promise<void>;
  /** External sources: the admin API's /sources routes, with "ingest this source now". */
  ingest?: IngestOne;
}
