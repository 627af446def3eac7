import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SourceOutcome } from '../src/ingest/ingest-source.ts';
import { createIngestCycle, runIngestCycle } from '../src/ingest/run-ingest-cycle.ts';
import { silentLogger } from '../src/log.ts';
import type { Handler } from './support/hostile-feed-server.ts';
import { item, rss } from './support/hostile-feeds.ts';
import { type Harness, startHarness } from './support/ingest-harness.ts';

/** Cycles over many sources on a real server: the pool bound, no overlap, clean shutdown, claims. */
let h: Harness;
let inFlight = 0;
let maxInFlight = 0;

/** Answers after `delayMs`, counting concurrent requests. */
const slowFeed =
  (delayMs: number): Handler =>
  (_req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    setTimeout(() => {
      inFlight--;
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(item('slow')));
    }, delayMs);
  };

beforeEach(async () => {
  h = await startHarness({ timeoutMs: 5000, idleTimeoutMs: 5000 });
  inFlight = 0;
  maxInFlight = 0;
  h.server.route('/slow', slowFeed(40));
  h.server.route('/hang', () => {});
});
afterEach(() => h.close());

const deps = (concurrency: number) => ({
  store: h.store,
  ingest: h.ingest,
  concurrency,
  claimMs: 60_000,
  log: silentLogger,
  now: () => h.clock.now,
});

describe('ingest cycles', () => {
  it('runs every due source through a pool of at most N at once, reporting each', async () => {
    for (let n = 0; n < 20; n++) await h.addSource(`/slow?n=${n}`);
    await h.addSource('/missing'); // 404
    const progress: SourceOutcome[] = [];
    const summary = await runIngestCycle(deps(3), { onProgress: (outcome) => progress.push(outcome) });
    expect(summary).toMatchObject({ sources: 21, succeeded: 20, failed: 1, inserted: 20, isAborted: false });
    expect(progress).toHaveLength(21);
    expect(maxInFlight).toBe(3);
  });

  it('skips a cycle started while the previous one runs, and stop() aborts in-flight fetches', async () => {
    await h.addSource('/hang');
    const cycle = createIngestCycle(deps(2));
    const first = cycle.run();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(cycle.isRunning).toBe(true);
    expect(await cycle.run()).toMatchObject({ isSkipped: true, sources: 0 });
    await cycle.stop();
    const summary = await first;
    expect(summary).toMatchObject({ isAborted: true, sources: 1, failed: 1 });
    expect(cycle.isRunning).toBe(false);
  });

  it("stop('drain') lets the sources in flight finish and starts no others", async () => {
    for (let n = 0; n < 5; n++) await h.addSource(`/slow?n=${n}`);
    h.server.route('/slow', slowFeed(150));
    const cycle = createIngestCycle(deps(2));
    const running = cycle.run();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await cycle.stop('drain');
    const summary = await running;
    expect(summary).toMatchObject({ sources: 2, succeeded: 2, failed: 0, isAborted: false });
    expect(await cycle.run()).toMatchObject({ isSkipped: true });
  });

  it('fetches each source once when two cycles run at the same time (a doubled trigger)', async () => {
    for (let n = 0; n < 6; n++) await h.addSource(`/slow?n=${n}`);
    const [a, b] = await Promise.all([runIngestCycle(deps(2)), runIngestCycle(deps(2))]);
    expect(a.sources + b.sources).toBe(6);
    expect(h.server.requestsTo('/slow')).toHaveLength(6);
  });

  it('leaves nothing due after a cycle, and picks a source up again once its interval has passed', async () => {
    const source = await h.addSource('/slow');
    await runIngestCycle(deps(2));
    expect((await runIngestCycle(deps(2))).sources).toBe(0);
    const next = Date.parse((await h.store.getSource(source.id))?.health.nextPollAt ?? '');
    h.clock.now = next - 60_000;
    expect((await runIngestCycle(deps(2))).sources).toBe(0);
    h.clock.now = next;
    expect((await runIngestCycle(deps(2))).sources).toBe(1);
  });
});
