/**
 * Serving while busy: latency of conditional polls of /feeds/all.rss (If-None-Match, 304s)
 * at idle, during an ingest of three 4.7 MB feeds of 3,000 items each (the related refresh it
 * triggers included), and during a full publish at 100,000 articles. The service runs in a
 * child process, once with the jobs inline on the serving thread (WORKER_THREADS=0, how it
 * ran before) and once in worker threads; four pollers each ask every 5 ms.
 * Goal, with threads: p99 while busy <= 2x idle p99, and max < 100 ms.
 * Run: npx tsx bench/serving-while-busy.ts   (BENCH_ARTICLES, BENCH_THREADS to change the sizes;
 *   WORKER_NICE=0 to run the threads at the serving thread's priority)
 */
import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BusyCommand } from './support/busy-service.ts';
import { createFeedCorpus } from './support/feed-corpus.ts';
import { printTable } from './support/measure.ts';
import { pollDuring as pollUrlDuring, summarize } from './support/poll-latency.ts';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 100_000);
const THREADS = process.env.BENCH_THREADS ?? '2';
const POLLERS = 4;
const IDLE_MS = 3_000;

// Three feeds of 3,000 items (RSS 2.0, ~4.7 MB each), served from this process.
const feeds = createFeedCorpus(1, 3_000).concat(createFeedCorpus(1, 3_000, 7), createFeedCorpus(1, 3_000, 99));
const feedServer = createServer((req, res) => {
  const body = feeds[Number(req.url?.slice(1) ?? '')];
  if (body === undefined) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(body);
});
feedServer.listen(0, '127.0.0.1');
await once(feedServer, 'listening');
const feedOrigin = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}`;
const megabytes = feeds.map((f) => (Buffer.byteLength(f) / 1024 / 1024).toFixed(1)).join(', ');

interface Service {
  child: ChildProcess;
  url: string;
  etag: string;
  run(command: BusyCommand): Promise<{ ms: number }>;
}

async function startService(threads: string): Promise<Service> {
  const child = fork(new URL('./support/busy-service.ts', import.meta.url).pathname, {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, WORKER_THREADS: threads },
  });
  const [ready] = (await once(child, 'message')) as [{ ready: string; etag: string }];
  return {
    child,
    url: `${ready.ready}/feeds/all.rss`,
    etag: ready.etag,
    async run(command) {
      const answer = once(child, 'message') as Promise<[{ ms: number }]>;
      child.send(command);
      return (await answer)[0];
    },
  };
}

const pollDuring = (service: Service, until: Promise<unknown>) =>
  pollUrlDuring(service.url, service.etag, until, POLLERS);

const rows: Record<string, string | number>[] = [];
const verdicts: string[] = [];
for (const [label, threads] of [
  ['inline (WORKER_THREADS=0, before)', '0'],
  [`worker threads (WORKER_THREADS=${THREADS})`, THREADS],
] as const) {
  const service = await startService(threads);
  try {
    await pollDuring(service, sleep(500)); // warm the route and the connections
    const idle = summarize(await pollDuring(service, sleep(IDLE_MS)));
    const ingest = service.run({ cmd: 'ingest', urls: [0, 1, 2].map((i) => `${feedOrigin}/${i}`) });
    const ingesting = summarize(await pollDuring(service, ingest));
    const ingestMs = (await ingest).ms;
    await service.run({ cmd: 'seed', articles: ARTICLES }); // set-up, not measured
    const publish = service.run({ cmd: 'publish' });
    const publishing = summarize(await pollDuring(service, publish));
    const publishMs = (await publish).ms;
    const fmt = (n: number) => n.toFixed(1);
    for (const [phase, s, ms] of [
      ['idle', idle, IDLE_MS],
      ['ingest 3 x 3,000 items + related refresh', ingesting, ingestMs],
      [`full publish at ${ARTICLES.toLocaleString('en-US')} articles`, publishing, publishMs],
    ] as const) {
      rows.push({
        mode: label,
        phase,
        'phase s': (ms / 1000).toFixed(1),
        polls: s.polls,
        'p50 ms': fmt(s.p50),
        'p99 ms': fmt(s.p99),
        'max ms': fmt(s.max),
        'p99 vs idle': `${(s.p99 / idle.p99).toFixed(2)}x`,
      });
    }
    for (const [phase, s] of [
      ['ingest', ingesting],
      ['publish', publishing],
    ] as const) {
      const ok = s.p99 <= 2 * idle.p99 && s.max < 100;
      verdicts.push(
        `${label}, ${phase}: p99 ${fmt(s.p99)} ms vs 2x idle ${fmt(2 * idle.p99)} ms, max ${fmt(s.max)} ms -> ${ok ? 'meets' : 'misses'} the goal`,
      );
    }
  } finally {
    service.child.disconnect();
    await once(service.child, 'exit');
  }
}
feedServer.close();
printTable(
  `Conditional polls of /feeds/all.rss (${POLLERS} pollers, one every 5 ms each) while the service works; feeds of ${megabytes} MB`,
  rows,
);
for (const line of verdicts) console.log(line);
console.log('goal (worker threads): p99 while busy <= 2x idle p99, max < 100 ms');
