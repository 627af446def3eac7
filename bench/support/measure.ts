import { readFileSync, writeFileSync } from 'node:fs';
import autocannon from 'autocannon';

/** Small helpers shared by the benchmarks: timing, memory, load tests and printing a table. */

export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await work();
  return { result, ms: performance.now() - start };
}

/** Peak resident set size of this process so far (since resetPeakRss), in MiB. */
export function peakRssMiB(): number {
  try {
    const peakKiB = /VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (peakKiB) return Number(peakKiB) / 1024;
  } catch {
    // not Linux: the peak of the whole run
  }
  return process.resourceUsage().maxRSS / 1024;
}

/** Starts peakRssMiB over from the current size (Linux: proc(5), clear_refs "5"); elsewhere a no-op. */
export function resetPeakRss(): void {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // not Linux, or not allowed: the peak stays the run's
  }
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

/**
 * User + system CPU time of a process so far, in ms, from /proc (Linux); undefined elsewhere.
 * CPU per request is what a server spends whatever else the machine runs, where req/s is not.
 */
export function processCpuMs(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks, USER_HZ = 100
  } catch {
    return undefined;
  }
}
