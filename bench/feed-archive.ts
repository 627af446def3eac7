/**
 * Archive pages (`?before=<cursor>`, RFC 5005) against the current feed, both
 * served by the real app in one child process (bench/support/serve-for-bench.ts)
 * and loaded by autocannon from this one: 304 latency (median, p99) and req/s
 * for conditional polls, and req/s for 200s. Goal: an archive page's 304 costs
 * about what the current feed's does, because both are answered from memory.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import autocannon from 'autocannon';
import { printTable, ratio } from './support/measure.ts';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 8;

const child = spawn(
  process.execPath,
  ['--import', 'tsx', new URL('./support/serve-for-bench.ts', import.meta.url).pathname],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);

interface Figures {
  rps: number;
  p50: number;
  p99: number;
}

async function measure(url: string, status: 200 | 304, headers: Record<string, string>): Promise<Figures> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers });
  const expected = status === 200 ? result['2xx'] : result['3xx'];
  if (expected !== result.requests.total || result.errors > 0) {
    throw new Error(`${url}: ${result.requests.total - expected} responses were not ${status}`);
  }
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

try {
  const [line] = (await once(child.stdout, 'data')) as [Buffer];
  const { ours, etag, archivePath, archiveEtag } = JSON.parse(line.toString()) as {
    ours: string;
    etag: string;
    archivePath: string;
    archiveEtag: string;
  };
  const current = `${ours}/feeds/all.rss`;
  const archive = `${ours}${archivePath}`;
  for (const [url, tag] of [
    [current, etag],
    [archive, archiveEtag],
  ] as const) {
    await autocannon({ url, connections: 4, amount: 2_000 });
    await autocannon({ url, connections: 4, amount: 2_000, headers: { 'if-none-match': tag } });
  }
  const current304 = await measure(current, 304, { 'if-none-match': etag });
  const archive304 = await measure(archive, 304, { 'if-none-match': archiveEtag });
  const current200 = await measure(current, 200, { 'accept-encoding': 'gzip' });
  const archive200 = await measure(archive, 200, { 'accept-encoding': 'gzip' });
  const row = (name: string, f: Figures, base: Figures) => ({
    case: name,
    'req/s': Math.round(f.rps),
    'p50 ms': f.p50,
    'p99 ms': f.p99,
    'req/s vs current': ratio(f.rps, base.rps),
  });
  printTable(`Archive page vs current feed, ${CONNECTIONS} connections, ${DURATION_S} s each`, [
    row('304, current feed', current304, current304),
    row('304, archive page', archive304, current304),
    row('200 gzip, current feed', current200, current200),
    row('200 gzip, archive page', archive200, current200),
  ]);
  console.log('goal: archive 304 within 2x of the current feed 304 (median and p99)');
} finally {
  child.kill();
}
