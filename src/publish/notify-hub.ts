import type { Logger } from '../log.ts';

/**
 * Tells a WebSub hub that feeds changed (WebSub §7: hub.mode=publish is the
 * common convention hubs accept), so subscribers get a push instead of polling.
 * A failing hub is logged, never fatal: the feeds are already published.
 */
export async function notifyHub(hubUrl: string, feedUrls: string[], fetchFn: typeof fetch, log: Logger): Promise<void> {
  for (const url of feedUrls) {
    try {
      const response = await fetchFn(hubUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': url }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok)
        log.warn('websub: hub refused the ping', { hub_url: hubUrl, feed_url: url, status: response.status });
      await response.body?.cancel();
    } catch (error) {
      log.warn('websub: hub unreachable', { hub_url: hubUrl, feed_url: url, error });
    }
  }
}
