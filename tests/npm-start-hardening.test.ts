import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, spawnUntil } from './support/spawn-tidings.ts';

const TOKEN = 'configured-secret-token-0123456789';

const canConnect = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/**
 * Issue 10 items 1, 5, 7 and 24, on `npm start` itself: a configured token never reaches the
 * output (NODE_ENV=Production counts as production), and signalling only the npm process stops the server too.
 */
describe('npm start, hardened', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tidings-npm-'));
  let npm: ChildProcess;
  let output: () => string;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    const env = {
      PORT: String(port),
      DATABASE_PATH: join(dir, 'tidings.db'),
      FEEDS_DIR: join(dir, 'feeds'),
      SEED_SAMPLE_CONTENT: 'false',
      ADMIN_TOKEN: TOKEN,
      NODE_ENV: 'Production',
    };
    const started = await spawnUntil('npm', ['start'], env, 'Tidings is serving', 60_000);
    npm = started.child;
    output = started.output;
  }, 70_000);
  afterAll(() => {
    npm.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('never prints a configured ADMIN_TOKEN', () => {
    expect(output()).toContain('Tidings is serving');
    expect(output()).toContain('Bearer <ADMIN_TOKEN>');
    expect(output()).not.toContain(TOKEN);
  });

  it('stops the server when only the npm process is signalled', async () => {
    expect(await canConnect(port), output()).toBe(true);
    process.kill(npm.pid as number, 'SIGTERM');
    await once(npm, 'exit');
    const deadline = Date.now() + 10_000;
    while ((await canConnect(port)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await canConnect(port)).toBe(false);
  }, 30_000);
});

describe('starting with the retired INGEST_ALLOW_PRIVATE_NETWORKS', () => {
  it('exits 1 naming OUTBOUND_ALLOW_NETWORKS', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/node.ts'], {
      env: { ...process.env, INGEST_ALLOW_PRIVATE_NETWORKS: 'true', PORT: '0', SEED_SAMPLE_CONTENT: 'false' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(stderr).toContain('INGEST_ALLOW_PRIVATE_NETWORKS is gone; set OUTBOUND_ALLOW_NETWORKS');
  }, 60_000);
});
