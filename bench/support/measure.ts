import autocannon from 'autocannon';

/** Small helpers shared by the benchmarks: timing, memory, load tests and printing a table. */

export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await work();
  return { result, ms: performance.now() - start };
}

/** Peak resident set size of this process so far, in MiB. */
export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

export function printTable(title: string, rows: Record<string, string | number>[]): void {
  console.log(`\n${title}`);
  console.table(rows);
}

export function ratio(value: number, baseline: number): string {
  return `${(value / baseline).toFixed(2)}x`;
}

export interface LoadOptions {
  connections: number;
  durationSeconds: number;
  headers?: Record<string, string>;
}

/** Average req/s from autocannon; every response must have the expected status, or the figure means nothing. */
export async function requestsPerSecond(url: string, status: 200 | 304, options: LoadOptions): Promise<number> {
  const { connections, durationSeconds, headers = {} } = options;
  const result = await autocannon({ url, connections, duration: durationSeconds, headers });
  const expected = status === 200 ? result['2xx'] : result['3xx'];
  if (expected !== result.requests.total || result.errors > 0) {
    throw new Error(
      `${url}: ${result.requests.total - expected} responses were not ${status}, ${result.errors} errors`,
    );
  }
  return result.requests.average;
}
