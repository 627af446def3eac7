/**
 * WebSub fan-out: 1,000 subscribers on 127.0.0.1 (one server in this process, a callback
 * path and a secret each) subscribed to /feeds/all.rss of the real app, which runs in a
 * child process (bench/support/serve-hub-for-bench.ts) as its own hub. Measures the time
 * from POST /api/publish to the last of the 1,000 signed deliveries (goal < 5 s), the hub
 * process's CPU time per delivery, the latency of conditional polls during one fan-out
 * against idle, and the feed route's req/s while fan-outs run back to back, against the
 * same route idle and a bare Hono route serving the same bytes. All of it twice: with the
 * hub's work on the serving thread (WORKER_THREADS=0, how it ran before) and in threads.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { eventually, startSubscriber } from '../tests/support/websub-subscriber.ts';
import { printTable, processCpuMs, ratio, requestsPerSecond } from './support/measure.ts';
import { pollDuring, summarize } from './support/poll-latency.ts';

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1000);
const THREADS = process.env.BENCH_THREADS ?? '2';
const ROUNDS = 3;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 32;
const POLLERS = 4;

const subscriber = await startSubscriber({ keep: false });
const fanOutRows: Record<string, string | number>[] = [];
const latencyRows: Record<string, string | number>[] = [];
const servingRows: Record<string, string | number>[] = [];
const cpuLines: string[] = [];
let failed = 0;
let documentBytes = 0;
try {
  for (const [mode, threads] of [
    ['inline (WORKER_THREADS=0)', '0'],
    [`worker threads (WORKER_THREADS=${THREADS})`, THREADS],
  ] as const) {
    await benchMode(mode, threads);
  }
} finally {
  await subscriber.close();
}
printTable(
  `Fan-out of all.rss (${documentBytes} bytes) to ${SUBSCRIBERS} signed subscribers on 127.0.0.1, ${ROUNDS} rounds`,
  fanOutRows,
);
console.log(`goal: last delivery < 5000 ms; deliveries without a signature or refused: ${failed}`);
for (const line of cpuLines) console.log(line);
printTable(
  `Conditional polls of /feeds/all.rss (${POLLERS} pollers, every 5 ms), idle and during one fan-out`,
  latencyRows,
);
printTable(`Serving /feeds/all.rss, ${CONNECTIONS} connections, ${DURATION_S} s each`, servingRows);

async function benchMode(mode: string, threads: string): Promise<void> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', new URL('./support/serve-hub-for-bench.ts', import.meta.url).pathname],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, WORKER_THREADS: threads } },
  );
  try {
    const [line] = (await once(child.stdout, 'data')) as [Buffer];
    const { ours, baseline, token, bytes } = JSON.parse(line.toString()) as {
      ours: string;
      baseline: string;
      token: string;
      bytes: number;
    };
    documentBytes = bytes;
    const admin = (method: string, path: string, body?: unknown) =>
      fetch(`${ours}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
    const topic = `${ours}/feeds/all.rss`;

    // Subscribe everyone, 50 requests at a time, and wait for every verification.
    const paths = Array.from({ length: SUBSCRIBERS }, (_, i) => `/cb/${threads}/${i}`);
    for (let i = 0; i < paths.length; i += 50) {
      await Promise.all(
        paths.slice(i, i + 50).map(async (path, j) => {
          const answer = await fetch(`${ours}/websub`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({
              'hub.mode': 'subscribe',
              'hub.topic': topic,
              'hub.callback': `${subscriber.url}${path}`,
              'hub.secret': `secret-of-subscriber-${i + j}`,
            }),
          });
          if (answer.status !== 202) throw new Error(`subscribe answered ${answer.status}`);
        }),
      );
    }
    await eventually(
      async () => {
        const listed = (await (await admin('GET', `/api/websub/subscriptions?state=active`)).json()) as {
          topics: { subscriptions: unknown[] }[];
        };
        return listed.topics[0]?.subscriptions.length === SUBSCRIBERS;
      },
      `${SUBSCRIBERS} active subscriptions`,
      60_000,
    );

    let story = 0;
    /** One edit and one publish; resolves with the times to the publish answer and to the last delivery. */
    const fanOut = async () => {
      const before = subscriber.received.length;
      const created = await admin('POST', '/api/articles', {
        title: `Fan-out story ${++story}`,
        bodyHtml: '<p>Pushed to a thousand readers.</p>',
        category: 'World',
        author: { name: 'Ada Quill' },
        status: 'published',
        publishedAt: new Date(Date.now() - 60_000).toISOString(),
      });
      if (created.status !== 201) throw new Error(`create answered ${created.status}`);
      const start = performance.now();
      const published = await admin('POST', '/api/publish');
      const publishMs = performance.now() - start;
      if (published.status !== 200) throw new Error(`publish answered ${published.status}`);
      await eventually(() => subscriber.received.length >= before + SUBSCRIBERS, 'every delivery', 60_000);
      const last = Math.max(...subscriber.received.slice(before).map((r) => r.at));
      return { publishMs, lastDeliveryMs: last - start };
    };

    const cpuBefore = processCpuMs(child.pid);
    for (let round = 1; round <= ROUNDS; round++) {
      const r = await fanOut();
      fanOutRows.push({
        mode,
        round,
        'publish answered (ms)': Math.round(r.publishMs),
        'last delivery after publish (ms)': Math.round(r.lastDeliveryMs),
      });
    }
    // CPU time is what the hub takes from serving, whatever else the machine runs meanwhile.
    const cpuAfter = processCpuMs(child.pid);
    if (cpuBefore !== undefined && cpuAfter !== undefined) {
      const perDelivery = (cpuAfter - cpuBefore) / (ROUNDS * SUBSCRIBERS);
      cpuLines.push(`${mode}: the service's CPU time per delivery, publish included: ${perDelivery.toFixed(2)} ms`);
    }
    failed += subscriber.received.filter((r) => r.status >= 300 || !r.headers['x-hub-signature']).length;

    // Poll latency: what a poller sees while the hub sends one fan-out.
    const idle = summarize(await pollDuring(topic, '', sleep(2_000), POLLERS));
    const during = summarize(await pollDuring(topic, '', fanOut(), POLLERS));
    for (const [phase, s] of [
      ['idle', idle],
      ['during one fan-out', during],
    ] as const) {
      latencyRows.push({
        mode,
        phase,
        polls: s.polls,
        'p50 ms': s.p50.toFixed(1),
        'p99 ms': s.p99.toFixed(1),
        'max ms': s.max.toFixed(1),
        'p99 vs idle': ratio(s.p99, idle.p99),
      });
    }

    // Serving while fan-outs run back to back, against the same route idle and a bare route.
    const load = (url: string) =>
      requestsPerSecond(url, 200, { connections: CONNECTIONS, durationSeconds: DURATION_S });
    await autocannon({ url: topic, connections: 8, amount: 5_000 });
    await autocannon({ url: `${baseline}/bytes`, connections: 8, amount: 5_000 });
    const bare = await load(`${baseline}/bytes`);
    const idleRate = await load(topic);
    let busy = true;
    let fanOuts = 0;
    const background = (async () => {
      while (busy) {
        await fanOut();
        fanOuts++;
      }
    })();
    const duringRate = await load(topic);
    busy = false;
    await background;
    servingRows.push(
      { mode, case: 'bare Hono route, same bytes', 'req/s': Math.round(bare), 'vs bare': '1.00x' },
      { mode, case: 'our feed route, hub idle', 'req/s': Math.round(idleRate), 'vs bare': ratio(idleRate, bare) },
      {
        mode,
        case: `our feed route during fan-outs (${fanOuts} × ${SUBSCRIBERS} deliveries)`,
        'req/s': Math.round(duringRate),
        'vs bare': ratio(duringRate, bare),
        'vs idle': ratio(duringRate, idleRate),
      },
    );
  } finally {
    child.kill();
  }
}
