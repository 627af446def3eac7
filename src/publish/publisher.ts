import { notifyHub } from './notify-hub.ts';
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

export function createPublisher(deps: PublishDeps & { fetch?: typeof fetch }): Publisher {
  let current: Promise<PublishResult> | undefined;
  let queued: Promise<PublishResult> | undefined;

  const runOnce = async (trigger: string) => {
    const result = await publishFeeds(deps, trigger);
    const hub = deps.settings.websubHub;
    if (hub && result.changedUrls.length > 0) await notifyHub(hub, result.changedUrls, deps.fetch ?? fetch, deps.log);
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
