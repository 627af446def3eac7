/**
 * Starts `wrangler dev --local --test-scheduled` on 127.0.0.1 and a free port,
 * for the smoke test and the benchmarks. Offline: local D1 and assets only.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface WranglerDev {
  /** http://127.0.0.1:<port> */
  origin: string;
  /** What wrangler printed so far, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('wrangler-dev: no free port');
  return address.port;
}

export async function startWranglerDev(options: {
  port: number;
  persistTo: string;
  vars?: Record<string, string>;
  /** wrangler's own log level; "warn" drops its line per request (benchmarks). */
  logLevel?: 'info' | 'warn';
  timeoutMs?: number;
}): Promise<WranglerDev> {
  const origin = `http://127.0.0.1:${options.port}`;
  const vars = Object.entries(options.vars ?? {}).flatMap(([k, v]) => ['--var', `${k}:${v}`]);
  const args = ['dev', '--local', '--test-scheduled', '--ip', '127.0.0.1', '--port', String(options.port)];
  if (options.logLevel) args.push('--log-level', options.logLevel);
  // detached: its own process group, so stop() ends wrangler and the workerd it starts, nothing else.
  const child = spawn(join(ROOT, 'node_modules/.bin/wrangler'), [...args, '--persist-to', options.persistTo, ...vars], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true' },
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const dev = { origin, output: () => output, stop: () => stop(child) };
  try {
    await waitUntilReady(origin, child, options.timeoutMs ?? 60_000);
  } catch (error) {
    await dev.stop();
    throw new Error(`wrangler-dev: ${(error as Error).message}\n${output}`);
  }
  return dev;
}

async function waitUntilReady(origin: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler exited with ${child.exitCode} before it was ready`);
    try {
      if ((await fetch(`${origin}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`not ready after ${timeoutMs} ms`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid, 'SIGTERM');
  const timer = setTimeout(() => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }, 5000);
  await exited;
  clearTimeout(timer);
}
