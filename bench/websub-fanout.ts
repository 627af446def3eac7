/**
 * WebSub fan-out: 1,000 subscribers on 127.0.0.1 (one server in this process, a callback
 * path and a secret each) subscribed to /feeds/all.rss of the real app, which runs in a
 * child process (bench/support/serve-hub-for-bench.ts) as its own hub. Measures the time
 * from POST /api/publish to the last of the 1,000 signed deliveries (goal < 5 s), and the
 * feed route's req/s while fan-outs run back to back, against the same route idle and a
 * bare Hono route serving the same bytes, measured in the same run.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { eventually, startSubscriber } from '../tests/support/websub-subscriber.ts';
import { printTable, ratio, requestsPerSecond } from './support/measure.ts';

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1000);
const ROUNDS = 3;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 32;

const child = spawn(
  process.execPath,
  ['--import', 'tsx', new URL('./support/serve-hub-for-bench.ts', import.meta.url).pathname],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
const subscriber = await startSubscriber({ keep: false });
try {
  const [line] = (await once(child.stdout, 'data')) as [Buffer];
  const { ours, baseline, token, bytes } = JSON.parse(line.toString()) as {
    ours: string;
    baseline: string;
    token: string;
    bytes: number;
  };
  const admin = (method: string, path: string, body?: unknown) =>
    fetch(`${ours}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  const topic = `${ours}/feeds/all.rss`;

  // Subscribe everyone, 50 requests at a time, and wait for every verification.
  const paths = Array.from({ length: SUBSCRIBERS }, (_, i) => `/cb/${i}`);
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

  const rounds = [];
  const cpuBefore = cpuMsOf(child.pid);
  for (let round = 0; round < ROUNDS; round++) rounds.push(await fanOut());
  // CPU time is what the hub takes from serving, whatever else the machine runs meanwhile.
  const cpuPerDelivery =
    cpuBefore === undefined ? undefined : ((cpuMsOf(child.pid) ?? 0) - cpuBefore) / (ROUNDS * SUBSCRIBERS);
  const failed = subscriber.received.filter((r) => r.status >= 300 || !r.headers['x-hub-signature']).length;
  printTable(
    `Fan-out of all.rss (${bytes} bytes) to ${SUBSCRIBERS} signed subscribers on 127.0.0.1, ${ROUNDS} rounds`,
    rounds.map((r, i) => ({
      round: i + 1,
      'publish answered (ms)': Math.round(r.publishMs),
      'last delivery after publish (ms)': Math.round(r.lastDeliveryMs),
    })),
  );
  console.log(`goal: last delivery < 5000 ms; deliveries without a signature or refused: ${failed}`);
  if (cpuPerDelivery !== undefined) {
    console.log(`hub process CPU per delivery (publish included): ${cpuPerDelivery.toFixed(2)} ms`);
  }

  // Serving while fan-outs run back to back, against the same route idle and a bare route.
  const load = (url: string) => requestsPerSecond(url, 200, { connections: CONNECTIONS, durationSeconds: DURATION_S });
  await autocannon({ url: `${ours}/feeds/all.rss`, connections: 8, amount: 5_000 });
  await autocannon({ url: `${baseline}/bytes`, connections: 8, amount: 5_000 });
  const bare = await load(`${baseline}/bytes`);
  const idle = await load(`${ours}/feeds/all.rss`);
  let busy = true;
  let fanOuts = 0;
  const background = (async () => {
    while (busy) {
      await fanOut();
      fanOuts++;
    }
  })();
  const during = await load(`${ours}/feeds/all.rss`);
  busy = false;
  await background;
  printTable(`Serving /feeds/all.rss, ${CONNECTIONS} connections, ${DURATION_S} s each`, [
    { case: 'bare Hono route, same bytes', 'req/s': Math.round(bare), 'vs bare': '1.00x' },
    { case: 'our feed route, hub idle', 'req/s': Math.round(idle), 'vs bare': ratio(idle, bare) },
    {
      case: `our feed route during fan-outs (${fanOuts} × ${SUBSCRIBERS} deliveries)`,
      'req/s': Math.round(during),
      'vs bare': ratio(during, bare),
      'vs idle': ratio(during, idle),
    },
  ]);
} finally {
  child.kill();
  await subscriber.close();
}

/** User + system CPU time of a process so far, from /proc (Linux); undefined elsewhere. */
function cpuMsOf(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks, USER_HZ = 100
  } catch {
    return undefined;
  }
}
