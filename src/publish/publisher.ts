import { type PublishDeps, type PublishResult, publishFeeds } from './publish-feeds.ts';

export interface Publisher {
  /**
   * Publishes now. Runs never overlap: a call during a run waits for it and
   * then runs once more (edits made meanwhile must be published), and calls
   * that pile up during a run share that one follow-up run.
   */
  publish(trigger: string): Promise<PublishResult>;
  /** Resolves when no run is in flight (for shutdown). */
  idle(): Promise<void>;
}

export interface PublisherDeps extends PublishDeps {
  /**
   * Tells WebSub about the feeds whose bytes changed (their URLs): pings an external hub, or
   * queues our own hub's deliveries. Its failure is logged; the feeds are published anyway.
   */
  announce?: (changedUrls: string[]) => Promise<unknown>;
  /** Runs publishFeeds elsewhere (Node: a worker thread); else inline on these deps. */
  run?: (trigger: string) => Promise<PublishResult>;
}

export function createPublisher(deps: PublisherDeps): Publisher {
  let current: Promise<PublishResult> | undefined;
  let queued: Promise<PublishResult> | undefined;

  const runOnce = async (trigger: string) => {
    const result = await (deps.run ? deps.run(trigger) : publishFeeds(deps, trigger));
    if (deps.announce && result.changedUrls.length > 0) {
      await deps.announce(result.changedUrls).catch((error) => deps.log.error('websub: announce failed', { error }));
    }
    return result;
  };

  const start = (trigger: string): Promise<PublishResult> => {
    const run = runOnce(trigger).finally(() => {
      if (current === run) current = undefined;
    });
    current = run;
    return run;
  };

  return {
    publish(trigger) {
      if (!current) return start(trigger);
      if (!queued) {
        queued = current
          .catch(() => undefined)
          .then(() => {
            queued = undefined;
            return start(trigger);
          });
      }
      return queued;
    },
    async idle() {
      while (current || queued) await (queued ?? current)?.catch(() => undefined);
    },
  };
}
