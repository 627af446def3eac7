import type { Logger } from '../log.ts';
import type { FeedSink } from '../publish/feed-sink.ts';
import type { PublishStore, WebSubStore } from '../store/store.ts';
import type { CallbackClient } from './call-callback.ts';

/** Our own hub's policy; config.ts reads it from the WEBSUB_* variables. */
export interface WebSubSettings {
  lease: { defaultSeconds: number; minSeconds: number; maxSeconds: number };
  /** Verifications and deliveries in flight at once. */
  concurrency: number;
  /** Tries of one delivery before it is dropped. */
  maxAttempts: number;
  /** Wait before the first retry; each next retry waits twice as long. */
  retrySeconds: number;
  timeoutMs: number;
  /** Subscription requests a callback host may make an hour (request-limit.ts). */
  requestsPerHour: number;
  /** How long an ended subscription or a refused request stays visible before it is deleted. */
  forgetAfterDays: number;
}

/** What the hub's parts need; app/create-services.ts builds it once. */
export interface HubDeps {
  store: WebSubStore & Pick<PublishStore, 'hasFeedDocument'>;
  /** Published documents: a delivery sends the topic's current bytes. */
  sink: FeedSink;
  /** Outbound requests to callbacks, through the SSRF guard. */
  client: CallbackClient;
  settings: WebSubSettings;
  /** Our hub's URL, sent as rel="hub" with every delivery. */
  hubUrl: string;
  /** The feed document a topic URL stands for (the feed catalog's inverse of its URLs). */
  documentNameOf(topic: string): string | undefined;
  log: Logger;
  now: () => Date;
}
