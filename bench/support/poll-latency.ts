import { Agent, request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Conditional polls of `url` (If-None-Match, the ETag taken from each 200, as an aggregator
 * keeps it), `pollers` at once, each waiting 5 ms between polls, until `until` settles.
 * Returns every poll's latency in ms.
 */
export async function pollDuring(
  url: string,
  etag: string,
  until: Promise<unknown>,
  pollers: number,
): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: pollers });
  const latencies: number[] = [];
  let isDone = false;
  void until.finally(() => {
    isDone = true;
  });
  const poll = (started = performance.now()) =>
    new Promise<void>((resolve, reject) => {
      const req = request(url, { agent, headers: { 'if-none-match': etag } }, (res) => {
        res.resume();
        res.on('end', () => {
          latencies.push(performance.now() - started);
          if (res.statusCode === 200) etag = String(res.headers.etag ?? etag); // a publish replaced it
          resolve();
        });
      });
      req.on('error', (error: NodeJS.ErrnoException) => {
        // A kept-alive socket the server closed as the request left (its keep-alive timeout
        // fired): asked again on a new one, as Node's documentation advises; the wait counts.
        if (req.reusedSocket && error.code === 'ECONNRESET') poll(started).then(resolve, reject);
        else reject(error);
      });
      req.end();
    });
  const poller = async () => {
    while (!isDone) {
      await poll();
      await sleep(5);
    }
  };
  await Promise.all([...Array.from({ length: pollers }, poller), until]);
  agent.destroy();
  return latencies;
}

/** How many polls, and their p50, p99 and max latency. */
export function summarize(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return { polls: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? 0 };
}
