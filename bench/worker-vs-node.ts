/**
 * The same feed (all.rss of the sample content) served by the Node server and
 * by the worker under `wrangler dev --local` (workerd, local D1), loaded by
 * autocannon in the same run: req/s of each and the ratio, for 200s and 304s.
 * Local workerd is not the edge: this only guards against a pathologically
 * slow path on Workers (a D1 read per request, the request rewrite, ...).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { seedLocalD1 } from '../scripts/worker-seed.ts';
import { freePort, startWranglerDev } from '../scripts/wrangler-dev.ts';
import { printTable, ratio, requestsPerSecond } from './support/measure.ts';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 32;
const ROUNDS = 2;

const load = (url: string, status: 200 | 304, headers: Record<string, string> = {}) =>
  requestsPerSecond(url, status, { connections: CONNECTIONS, durationSeconds: DURATION_S, headers });

const etagOf = async (url: string) => (await fetch(url)).headers.get('etag') ?? '';

const dir = await mkdtemp(join(tmpdir(), 'tidings-bench-worker-'));
const node = spawn(
  process.execPath,
  ['--import', 'tsx', new URL('./support/serve-for-bench.ts', import.meta.url).pathname],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
let worker: Awaited<ReturnType<typeof startWranglerDev>> | undefined;
try {
  const [line] = (await once(node.stdout, 'data')) as [Buffer];
  const nodeUrl = `${(JSON.parse(line.toString()) as { ours: string }).ours}/feeds/all.rss`;

  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  await seedLocalD1({ persistTo: dir, publicUrl: origin });
  worker = await startWranglerDev({
    port,
    persistTo: dir,
    vars: { PUBLIC_URL: origin, LOG_LEVEL: 'warn' },
    logLevel: 'warn',
  });
  await fetch(`${origin}/__scheduled?cron=${encodeURIComponent('* * * * *')}`);
  const workerUrl = `${origin}/feeds/all.rss`;
  const [nodeEtag, workerEtag] = [await etagOf(nodeUrl), await etagOf(workerUrl)];
  const bytes = (await (await fetch(workerUrl, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer())
    .byteLength;

  for (const [url, etag] of [
    [nodeUrl, nodeEtag],
    [workerUrl, workerEtag],
  ] as const) {
    await autocannon({ url, connections: 8, amount: 3_000 });
    await autocannon({ url, connections: 8, amount: 3_000, headers: { 'if-none-match': etag } });
  }
  // Interleaved rounds, best of each: background noise hits both sides alike.
  const best = { node200: 0, worker200: 0, node304: 0, worker304: 0, workerFloor: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    // What wrangler dev's local proxy and workerd manage with no app work at all: the ceiling here.
    best.workerFloor = Math.max(best.workerFloor, await load(`${origin}/healthz`, 200));
    best.node200 = Math.max(best.node200, await load(nodeUrl, 200));
    best.worker200 = Math.max(best.worker200, await load(workerUrl, 200));
    best.node304 = Math.max(best.node304, await load(nodeUrl, 304, { 'if-none-match': nodeEtag }));
    best.worker304 = Math.max(best.worker304, await load(workerUrl, 304, { 'if-none-match': workerEtag }));
  }
  printTable(
    `all.rss (~${bytes} bytes): Node server vs wrangler dev --local, ${CONNECTIONS} connections, best of ${ROUNDS} x ${DURATION_S} s`,
    [
      {
        response: '200',
        node: Math.round(best.node200),
        worker: Math.round(best.worker200),
        'worker/node': ratio(best.worker200, best.node200),
      },
      {
        response: '304',
        node: Math.round(best.node304),
        worker: Math.round(best.worker304),
        'worker/node': ratio(best.worker304, best.node304),
      },
    ],
  );
  printTable('Ceiling of the local Workers runtime (wrangler dev proxy + workerd): GET /healthz', [
    {
      'healthz req/s': Math.round(best.workerFloor),
      'feed 200 / healthz': ratio(best.worker200, best.workerFloor),
      'feed 304 / healthz': ratio(best.worker304, best.workerFloor),
    },
  ]);
} finally {
  await worker?.stop();
  node.kill();
  await rm(dir, { recursive: true, force: true });
}
