import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSourcesFromOpml } from '../src/app/import-sources.ts';
import { runIngestCommand, runSourcesCommand, type SourcesCommandDeps } from '../src/cli/source-commands.ts';
import { createIngestCycle } from '../src/ingest/run-ingest-cycle.ts';
import { silentLogger } from '../src/log.ts';
import { fail, serve } from './support/hostile-feed-server.ts';
import { item, rss } from './support/hostile-feeds.ts';
import { type Harness, startHarness } from './support/ingest-harness.ts';

/** The CLI's source and ingest commands against a real store and a real feed server. */
let h: Harness;
let lines: string[];
let deps: SourcesCommandDeps;

beforeAll(async () => {
  h = await startHarness();
  h.server.route('/cli.xml', serve(rss(item('cli')), 'application/rss+xml'));
  h.server.route('/down.xml', fail(503));
  lines = [];
  const now = () => h.clock.now;
  const ingestCycle = createIngestCycle({
    store: h.store,
    ingest: h.ingest,
    concurrency: 2,
    claimMs: 60_000,
    log: silentLogger,
    now,
  });
  const pollBounds = { minIntervalMinutes: 5, maxIntervalMinutes: 1440 };
  deps = {
    store: h.store,
    pollBounds,
    ingestCycle,
    now: () => new Date(now()),
    importSources: (opml) => importSourcesFromOpml(h.store, opml, new Date(now()).toISOString(), pollBounds),
    print: (line) => lines.push(line),
  };
});
afterAll(() => h.close());

describe('ingest commands', () => {
  it('adds sources with options and rejects a bad interval naming the field', async () => {
    await runSourcesCommand(deps, ['add', `${h.server.origin}/cli.xml`, '--name', 'CLI wire', '--interval', '15']);
    await runSourcesCommand(deps, ['add', `${h.server.origin}/down.xml`]);
    expect(lines[0]).toMatch(/^added src_\w+ "CLI wire" http:\/\/127\.0\.0\.1:\d+\/cli\.xml \(every 15 min\)/);
    expect(lines[1]).toMatch(/"127\.0\.0\.1"/);
    await expect(runSourcesCommand(deps, ['add', `${h.server.origin}/x`, '--interval', 'soon'])).rejects.toThrow(
      /pollIntervalMinutes/,
    );
    // Outside INGEST_MIN/MAX_INTERVAL_MINUTES: refused, naming the bounds, and nothing stored.
    await expect(runSourcesCommand(deps, ['add', `${h.server.origin}/y`, '--interval', '2'])).rejects.toThrow(
      /pollIntervalMinutes.*from 5 to 1440/,
    );
    expect((await h.store.listSources({ limit: 100 })).items.map((s) => s.url)).not.toContain(`${h.server.origin}/y`);
  });

  it('ingests with one progress line per source and a summary', async () => {
    lines.length = 0;
    const summary = await runIngestCommand(deps, []);
    expect(summary).toMatchObject({ sources: 2, succeeded: 1, failed: 1, inserted: 1 });
    expect(lines.filter((l) => l.startsWith('['))).toHaveLength(2);
    expect(lines.find((l) => l.includes('/cli.xml'))).toMatch(/200 1 new, 0 edited, 0 expired, 1 stored/);
    expect(lines.find((l) => l.includes('/down.xml'))).toMatch(/FAILED 503: fetch-source: .* answered 503/);
    expect(lines.at(-1)).toMatch(/^ingested 2 source\(s\) in \d+ ms: 1 updated, 0 unchanged, 1 failed; 1 new item/);
  });

  it('lists sources with their health, and --all fetches sources that are not due yet', async () => {
    lines.length = 0;
    await runSourcesCommand(deps, ['list']);
    expect(lines.join('\n')).toMatch(/CLI wire .*\n {4}ok; status 200; 1 items;/);
    expect(lines.join('\n')).toMatch(/FAILING x1: fetch-source: .*answered 503/);
    expect(lines.at(-1)).toBe('2 source(s)');
    expect((await runIngestCommand(deps, [])).sources).toBe(0);
    expect((await runIngestCommand(deps, ['--all'])).sources).toBe(2);
  });
});
