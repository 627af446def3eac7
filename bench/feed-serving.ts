/**
 * Serving published feeds: our /feeds route against a bare Hono route that
 * returns the same bytes, both in one child process, loaded by autocannon
 * from this one. Goals (issue 13 item 6): 200s at the bare route's rate (>= 0.9x), 304s at
 * least as fast as a bare route that sends the same headers (>= 1.0x).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import autocannon from 'autocannon';
import { printTable, processCpuMs, ratio, requestsPerSecond } from './support/measure.ts';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 32;
const ROUNDS = 4;

const child = spawn(
  process.execPath,
  ['--import', 'tsx', new URL('./support/serve-for-bench.ts', import.meta.url).pathname],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
try {
  const [line] = (await once(child.stdout, 'data')) as [Buffer];
  const { ours, baseline, etag, bytes } = JSON.parse(line.toString()) as {
    ours: string;
    baseline: string;
    etag: string;
    bytes: number;
  };

  const load = (url: string, status: 200 | 304, headers: Record<string, string> = {}) =>
    requestsPerSecond(url, status, { connections: CONNECTIONS, durationSeconds: DURATION_S, headers });
  // Warm every path (JIT, the first read of the document) before measuring.
  await autocannon({ url: `${ours}/feeds/all.rss`, connections: 8, amount: 5_000 });
  await autocannon({ url: `${ours}/feeds/all.rss`, connections: 8, amount: 5_000, headers: { 'if-none-match': etag } });
  await autocannon({ url: `${baseline}/bytes`, connections: 8, amount: 5_000 });
  await autocannon({ url: `${baseline}/not-modified`, connections: 8, amount: 5_000 });

  /** A load's req/s, and the server process's CPU µs per request during it (the least of the rounds is kept). */
  const cpuPer304 = { ours: Number.POSITIVE_INFINITY, bare: Number.POSITIVE_INFINITY };
  const load304 = async (side: 'ours' | 'bare', url: string) => {
    const before = processCpuMs(child.pid);
    const rate = await load(url, 304, { 'if-none-match': etag });
    const after = processCpuMs(child.pid);
    if (before !== undefined && after !== undefined) {
      cpuPer304[side] = Math.min(cpuPer304[side], ((after - before) * 1000) / (rate * DURATION_S));
    }
    return rate;
  };

  // Interleaved rounds, best of each: background noise hits both sides alike, and the order
  // flips every round so that a machine slowing down (or speeding up) favours neither side.
  const best = { ours200: 0, bare200: 0, ours304: 0, bare304: 0 };
  const loads = [
    async () => (best.ours200 = Math.max(best.ours200, await load(`${ours}/feeds/all.rss`, 200))),
    async () => (best.bare200 = Math.max(best.bare200, await load(`${baseline}/bytes`, 200))),
    async () => (best.ours304 = Math.max(best.ours304, await load304('ours', `${ours}/feeds/all.rss`))),
    async () => (best.bare304 = Math.max(best.bare304, await load304('bare', `${baseline}/not-modified`))),
  ];
  for (let round = 0; round < ROUNDS; round++) {
    for (const run of round % 2 === 0 ? loads : [...loads].reverse()) await run();
  }
  const { ours200, bare200, ours304, bare304 } = best;

  printTable(
    `Serving all.rss (${bytes} bytes), ${CONNECTIONS} connections, best of ${ROUNDS} rounds of ${DURATION_S} s`,
    [
      { case: '200, our feed route', 'req/s': Math.round(ours200), 'vs bare 200': ratio(ours200, bare200) },
      { case: '200, bare Hono route, same bytes', 'req/s': Math.round(bare200), 'vs bare 200': '1.00x' },
      {
        case: '304, our feed route (If-None-Match)',
        'req/s': Math.round(ours304),
        'vs bare 200': ratio(ours304, bare200),
        'vs bare 304': ratio(ours304, bare304),
      },
      {
        case: '304, bare Hono route',
        'req/s': Math.round(bare304),
        'vs bare 200': ratio(bare304, bare200),
        'vs bare 304': '1.00x',
      },
    ],
  );
  if (Number.isFinite(cpuPer304.ours) && Number.isFinite(cpuPer304.bare)) {
    const { ours: oursCpu, bare: bareCpu } = cpuPer304;
    console.log(
      `server CPU per 304 (least of the rounds): ours ${oursCpu.toFixed(1)} µs, bare ${bareCpu.toFixed(1)} µs, ` +
        `so ours is ${ratio(bareCpu, oursCpu)} as fast`,
    );
  }
  console.log('goals: 200 >= 0.90x bare 200; 304 >= 1.00x bare 304 (the same headers)');
} finally {
  child.kill();
}
