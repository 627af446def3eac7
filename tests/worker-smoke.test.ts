import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedLocalD1 } from '../scripts/worker-seed.ts';
import { freePort, startWranglerDev, type WranglerDev } from '../scripts/wrangler-dev.ts';
import { loadConfig } from '../src/config.ts';

/**
 * End to end on the Workers runtime: `wrangler dev --local --test-scheduled` on
 * 127.0.0.1 with a fresh local D1 (migrated and seeded by scripts/worker-seed.ts),
 * the publish cron fired through /__scheduled, then polled like an aggregator.
 */
const PUBLISH_CRON = encodeURIComponent('* * * * *');
let dir: string;
let dev: WranglerDev | undefined;
let origin: string;

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** node:http, so no client decompresses behind our back: we see the bytes on the wire. */
function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${origin}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tidings-worker-smoke-'));
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  await seedLocalD1({ persistTo: dir, publicUrl: origin });
  dev = await startWranglerDev({ port, persistTo: dir, vars: { PUBLIC_URL: origin, LOG_LEVEL: 'warn' } });
}, 120_000);

afterAll(async () => {
  await dev?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('Tidings under wrangler dev (workerd, local D1)', () => {
  it('serves a feed only once the publish cron has run, then 200 and 304 by ETag', async () => {
    expect((await get('/feeds/all.rss')).status).toBe(404);
    const cron = await get(`/__scheduled?cron=${PUBLISH_CRON}`);
    expect(cron.status).toBe(200);

    const first = await get('/feeds/all.rss');
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    expect(first.headers['content-encoding']).toBeUndefined();
    const etag = first.headers.etag ?? '';
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const feed = await new Parser().parseString(first.body.toString('utf8'));
    expect(feed.items.length).toBeGreaterThanOrEqual(10);
    expect(feed.items.every((item) => item.link?.startsWith(`${origin}/`))).toBe(true);
    expect(feed.items.flatMap((item) => item.categories ?? [])).toContain('Entertainment And News');

    const again = await get('/feeds/all.rss', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
  });

  it('gzips once for a client that asks, and answers HEAD without a body', async () => {
    const identity = await get('/feeds/all.atom');
    const gzipped = await get('/feeds/all.atom', { 'accept-encoding': 'gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.body).equals(identity.body)).toBe(true);
    const head = await get('/feeds/all.atom', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers.etag).toBe(identity.headers.etag);
  });

  it('keeps the same bytes and ETag when the cron fires again', async () => {
    const before = await get('/feeds/all.json');
    await Promise.all([get(`/__scheduled?cron=${PUBLISH_CRON}`), get(`/__scheduled?cron=${PUBLISH_CRON}`)]);
    const after = await get('/feeds/all.json');
    expect(after.headers.etag).toBe(before.headers.etag);
    expect(JSON.parse(after.body.toString('utf8')).version).toBe('https://jsonfeed.org/version/1.1');
  });

  it('serves the sample images the enclosures point at, with their real length', async () => {
    const name = (await readdir('data/seed/images')).find((file) => file.endsWith('.jpg')) ?? '';
    const image = await get(`/media/${name}`);
    expect(image.status).toBe(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect(image.body.length).toBe((await stat(join('data/seed/images', name))).size);
    const rss = (await get('/feeds/all.rss')).body.toString('utf8');
    expect(rss).toContain(`${origin}/media/`);
  });
});

describe('the worker build and configuration', () => {
  it('triggers exactly the crons the config names for publish and ingest', async () => {
    const toml = await readFile('wrangler.toml', 'utf8');
    const crons = JSON.parse(/^crons\s*=\s*(\[.*\])$/m.exec(toml)?.[1] ?? '[]') as string[];
    const config = loadConfig({});
    expect(crons.sort()).toEqual([config.publishSchedule, config.ingest.schedule].sort());
  });

  it('holds no Node-only module (better-sqlite3, node-cron, node:fs)', async () => {
    const out = join(dir, 'bundle');
    await promisify(execFile)('node_modules/.bin/wrangler', ['deploy', '--dry-run', '--outdir', out], {
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
    });
    const bundle = await readFile(join(out, 'worker.js'), 'utf8');
    expect(bundle.length).toBeGreaterThan(100_000);
    for (const name of ['better-sqlite3', 'node-cron', 'node:fs', 'node:dns', 'fs-feed-sink']) {
      expect(bundle.includes(name), name).toBe(false);
    }
  });
});
