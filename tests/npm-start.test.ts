import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, spawnUntil } from './support/spawn-tidings.ts';

describe('the Node entry, as `npm start` runs it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tidings-start-'));
  let child: ChildProcess;
  let output: () => string;
  let base: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const env = {
      PORT: String(port),
      DATABASE_PATH: join(dir, 'db', 'tidings.db'),
      FEEDS_DIR: join(dir, 'feeds'),
      ADMIN_TOKEN: '',
      NODE_ENV: 'development',
    };
    const started = await spawnUntil(process.execPath, ['--import', 'tsx', 'src/node.ts'], env, 'Bearer ', 30_000);
    child = started.child;
    output = started.output;
  });
  afterAll(() => {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the database, loads the sample content, publishes and serves, printing URLs and a token', async () => {
    expect(output()).toContain(`Tidings is serving on ${base}`);
    expect(output()).toMatch(/feeds\/entertainment-and-news\.rss/);
    const token = /Authorization: Bearer (\S+)/.exec(output())?.[1];
    expect(token).toMatch(/^sample-/);
    expect(existsSync(join(dir, 'db', 'tidings.db'))).toBe(true);
    expect(existsSync(join(dir, 'feeds', 'all.rss'))).toBe(true);

    expect((await fetch(`${base}/feeds/all.atom`)).status).toBe(200);
    const categories = await fetch(`${base}/api/categories`, { headers: { authorization: `Bearer ${token}` } });
    expect(categories.status).toBe(200);
  });

  it('says so, and exits, when its port is taken', async () => {
    const port = new URL(base).port;
    const second = spawn(process.execPath, ['--import', 'tsx', 'src/node.ts'], {
      env: {
        ...process.env,
        PORT: port,
        DATABASE_PATH: join(dir, 'second.db'),
        FEEDS_DIR: join(dir, 'feeds2'),
        SEED_SAMPLE_CONTENT: 'false',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    second.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    const [code] = await once(second, 'exit');
    expect(code).toBe(1);
    expect(stderr).toContain(`port ${port} is already in use; set PORT to another`);
  });

  it('stops cleanly on SIGTERM', async () => {
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  });
});
