import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, spawnUntil } from './support/spawn-tidings.ts';

const TOKEN = 'server-timeouts-token-0123456789';
// Small bounds so the test runs in seconds; the defaults are 10 s, 30 s, 5 s and 30 s.
const HEADERS_MS = 1_000;
const REQUEST_MS = 2_000;
const KEEP_ALIVE_MS = 500;
const IDLE_MS = 1_500;
/** Scheduling on a shared machine, and Node's own 1 s keep-alive buffer. */
const SLACK_MS = 1_500;

interface Closed {
  afterMs: number;
  received: string;
}

/**
 * Opens a raw connection, writes `bytes` (if any) and waits until the server closes it. The
 * socket is read: a client that never reads never sees the server's 408 and FIN either, and
 * looks "still open" (the cause of the earlier 40 s observation).
 */
async function closedAfter(port: number, bytes?: string): Promise<Closed> {
  const socket: Socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  const started = Date.now();
  let received = '';
  socket.on('data', (chunk) => {
    received += chunk;
  });
  socket.on('error', () => {}); // a reset counts as closed too
  if (bytes) socket.write(bytes);
  const giveUp = setTimeout(() => socket.destroy(), 20_000); // so a held socket fails the bound, not the test run
  await once(socket, 'close');
  clearTimeout(giveUp);
  return { afterMs: Date.now() - started, received };
}

/** The real entry (src/node.ts) on a free port, with its files in `dir`. */
async function startEntry(dir: string, env: Record<string, string>) {
  const port = await freePort();
  const started = await spawnUntil(
    process.execPath,
    ['--import', 'tsx', 'src/node.ts'],
    {
      PORT: String(port),
      DATABASE_PATH: join(dir, 'tidings.db'),
      FEEDS_DIR: join(dir, 'feeds'),
      SEED_SAMPLE_CONTENT: 'false',
      WORKER_THREADS: '0',
      ADMIN_TOKEN: TOKEN,
      LOG_LEVEL: 'warn',
      ...env,
    },
    'Tidings is serving',
    60_000,
  );
  return { ...started, port };
}

/**
 * Issue 10 item 8, on the real entry (src/node.ts): HTTP_*_TIMEOUT_MS bound how long a client
 * may hold a connection, including one that never sends a byte.
 */
describe('server timeouts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tidings-timeouts-'));
  let tidings: ChildProcess;
  let output: () => string;
  let port: number;
  let slowFeed: Server;

  beforeAll(async () => {
    ({
      child: tidings,
      output,
      port,
    } = await startEntry(dir, {
      OUTBOUND_ALLOW_NETWORKS: '127.0.0.1/32',
      HTTP_HEADERS_TIMEOUT_MS: String(HEADERS_MS),
      HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_MS),
      HTTP_KEEP_ALIVE_TIMEOUT_MS: String(KEEP_ALIVE_MS),
      HTTP_IDLE_TIMEOUT_MS: String(IDLE_MS),
    }));
    expect(output()).toContain('Tidings is serving');
    // A feed that takes longer to answer than a client may stay silent.
    slowFeed = createServer((_req, res) => {
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end('<rss version="2.0"><channel><title>Slow</title><link>http://127.0.0.1/</link></channel></rss>');
      }, IDLE_MS + 1_500);
    }).listen(0, '127.0.0.1');
    await once(slowFeed, 'listening');
  }, 70_000);
  afterAll(() => {
    tidings?.kill('SIGKILL');
    slowFeed?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 408 and closes a connection that never sends a byte within HTTP_HEADERS_TIMEOUT_MS', async () => {
    const { afterMs, received } = await closedAfter(port);
    expect(received).toMatch(/^HTTP\/1\.1 408/);
    expect(afterMs).toBeLessThan(HEADERS_MS + SLACK_MS);
  }, 30_000);

  it('answers 408 and closes a connection that stops halfway through its headers', async () => {
    const { afterMs, received } = await closedAfter(port, 'GET /healthz HTTP/1.1\r\nHost: 127.0');
    expect(received).toMatch(/^HTTP\/1\.1 408/);
    expect(afterMs).toBeLessThan(HEADERS_MS + SLACK_MS);
  }, 30_000);

  it('answers 408 and closes a connection that stops halfway through its body within HTTP_REQUEST_TIMEOUT_MS', async () => {
    const head = [
      'POST /api/sources HTTP/1.1',
      'Host: 127.0.0.1',
      `Authorization: Bearer ${TOKEN}`,
      'Content-Type: application/json',
      'Content-Length: 100',
    ].join('\r\n');
    const { afterMs, received } = await closedAfter(port, `${head}\r\n\r\n{"url":`);
    expect(received).toMatch(/^HTTP\/1\.1 408/);
    expect(afterMs).toBeLessThan(REQUEST_MS + SLACK_MS);
  }, 30_000);

  it('closes a kept-alive connection HTTP_KEEP_ALIVE_TIMEOUT_MS after its answer', async () => {
    const { afterMs, received } = await closedAfter(port, 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    expect(received).toMatch(/^HTTP\/1\.1 200/);
    expect(received).toContain('Keep-Alive: timeout=');
    expect(afterMs).toBeLessThan(KEEP_ALIVE_MS + SLACK_MS);
  }, 30_000);

  it('keeps the connection of a request whose answer takes longer than the idle timeout', async () => {
    const { port: feedPort } = slowFeed.address() as { port: number };
    const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
    const created = await fetch(`http://127.0.0.1:${port}/api/sources`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ url: `http://127.0.0.1:${feedPort}/feed.rss`, name: 'Slow' }),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const started = Date.now();
    const ingested = await fetch(`http://127.0.0.1:${port}/api/sources/${id}/ingest`, { method: 'POST', headers });
    expect(ingested.status, output()).toBe(200);
    expect(Date.now() - started).toBeGreaterThan(IDLE_MS);
  }, 30_000);
});

describe('server timeouts, with the idle timeout the shortest', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tidings-idle-'));
  let tidings: ChildProcess;
  let port: number;
  beforeAll(async () => {
    ({ child: tidings, port } = await startEntry(dir, { HTTP_IDLE_TIMEOUT_MS: '800' }));
  }, 70_000);
  afterAll(() => {
    tidings?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('closes a connection that never sends a byte after HTTP_IDLE_TIMEOUT_MS, before the headers bound', async () => {
    const { afterMs, received } = await closedAfter(port);
    expect(received).toBe(''); // closed by the idle timer, not answered 408 at the 10 s headers bound
    expect(afterMs).toBeGreaterThanOrEqual(700);
    expect(afterMs).toBeLessThan(800 + SLACK_MS);
  }, 30_000);
});
