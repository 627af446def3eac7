import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, spawnUntil } from './support/spawn-tidings.ts';
import { startTidings } from './support/start-tidings.ts';

const TOKEN = 'feed-temp-files-token-0123456789';
/** The largest file the server may write, in KiB (`ulimit -f`): a write past it fails with EFBIG, as on a full disk. */
const FILE_LIMIT_KIB = 64;

const tempFilesUnder = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.tmp'));

const article = (title: string, bodyHtml: string) => ({
  title,
  bodyHtml,
  category: 'World',
  author: { name: 'Ada Reporter' },
  status: 'published',
});

/**
 * Issue 10 item 9, on the real entry: a feed write that fails half-way (the disk is full) leaves
 * no temp file, and the last good document stays served. The server runs under `ulimit -f`,
 * with its database in memory so that only feed files can reach the limit.
 */
describe('a feed write that fails half-way', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tidings-efbig-'));
  const feedsDir = join(dir, 'feeds');
  let tidings: ChildProcess;
  let output: () => string;
  let base: string;
  const api = (method: string, path: string, body?: unknown) =>
    fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const env = {
      PORT: String(port),
      PUBLIC_URL: base,
      DATABASE_PATH: ':memory:',
      FEEDS_DIR: feedsDir,
      SEED_SAMPLE_CONTENT: 'false',
      ADMIN_TOKEN: TOKEN,
      LOG_LEVEL: 'warn',
    };
    const command = `ulimit -f ${FILE_LIMIT_KIB} && exec "${process.execPath}" --import tsx src/node.ts`;
    ({ child: tidings, output } = await spawnUntil('bash', ['-c', command], env, 'Tidings is serving', 60_000));
    expect(output()).toContain('Tidings is serving');
  }, 70_000);
  afterAll(() => {
    tidings?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('removes the temp file and keeps serving the last good feed', async () => {
    expect((await api('POST', '/api/articles', article('A short story', '<p>Short.</p>'))).status).toBe(201);
    await api('POST', '/api/publish');
    const good = await fetch(`${base}/feeds/all.rss`);
    expect(good.status).toBe(200);
    const goodBody = await good.text();
    expect(goodBody).toContain('A short story');

    // Its feeds are larger than the server may write: the write stops at the limit.
    const long = `<p>${'All work and no play makes a long story. '.repeat(3_000)}</p>`;
    expect((await api('POST', '/api/articles', article('A long story', long))).status).toBe(201);
    const run = await api('POST', '/api/publish');
    const { errors } = (await run.json()) as { errors: { feed: string; message: string }[] };
    expect(errors).toContainEqual({ feed: 'all', message: expect.stringContaining('EFBIG') }); // the run records it

    expect(tempFilesUnder(feedsDir), output()).toEqual([]);
    const served = await fetch(`${base}/feeds/all.rss`);
    expect(served.status).toBe(200);
    expect(served.headers.get('etag')).toBe(good.headers.get('etag'));
    expect(await served.text()).toBe(goodBody);
  }, 30_000);
});

describe('temp files left by an earlier run', () => {
  it('are swept when the service starts, and feeds are published beside them', async () => {
    const feedsDir = join(mkdtempSync(join(tmpdir(), 'tidings-sweep-')), 'feeds');
    mkdirSync(join(feedsDir, 'tag'), { recursive: true });
    writeFileSync(join(feedsDir, 'all.rss.999999999-0a1b2c3d4e5f.tmp'), '<rss>half');
    writeFileSync(join(feedsDir, 'tag', 'ukraine.rss.0a1b2c3d4e5f.tmp'), '<rss>half'); // named by an older version
    const tidings = await startTidings({ FEEDS_DIR: feedsDir, SEED_SAMPLE_CONTENT: 'false' });
    try {
      expect(tempFilesUnder(feedsDir)).toEqual([]);
      expect((await tidings.publish()).status).toBe(200);
      expect((await tidings.request('/feeds/all.rss')).status).toBe(200);
    } finally {
      await tidings.stop();
      rmSync(join(feedsDir, '..'), { recursive: true, force: true });
    }
  });
});
