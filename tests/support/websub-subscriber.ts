import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How one callback path answers: the hub's verification GET, then each delivery POST in turn. */
export interface CallbackBehaviour {
  /** 'echo' answers the challenge; 'wrong' answers 200 with another body; a number answers that status. */
  verify?: 'echo' | 'wrong' | number;
  /** Statuses for successive deliveries; the last one repeats. Default 204. */
  deliveries?: number[];
}

export interface Verification {
  path: string;
  query: URLSearchParams;
}

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  status: number;
  /** performance.now() when the request ended. */
  at: number;
}

export interface Subscriber {
  /** Base URL of the server, e.g. http://127.0.0.1:40123 */
  url: string;
  behave(path: string, behaviour: CallbackBehaviour): void;
  verifications: Verification[];
  received: Received[];
  close(): Promise<void>;
}

/**
 * A real WebSub subscriber on 127.0.0.1, as a test or a benchmark starts it: each callback
 * path answers the hub as told, and every request it gets is kept to look at.
 */
export async function startSubscriber(options: { keep?: boolean } = {}): Promise<Subscriber> {
  const keep = options.keep ?? true;
  const behaviours = new Map<string, CallbackBehaviour>();
  const deliveryCounts = new Map<string, number>();
  const verifications: Verification[] = [];
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const behaviour = behaviours.get(url.pathname) ?? {};
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method === 'GET') {
        verifications.push({ path: url.pathname, query: url.searchParams });
        const verify = behaviour.verify ?? 'echo';
        if (typeof verify === 'number') return void response.writeHead(verify).end('not this one');
        const body = verify === 'echo' ? (url.searchParams.get('hub.challenge') ?? '') : 'something else';
        return void response.writeHead(200, { 'content-type': 'text/plain' }).end(body);
      }
      const count = deliveryCounts.get(url.pathname) ?? 0;
      deliveryCounts.set(url.pathname, count + 1);
      const statuses = behaviour.deliveries ?? [204];
      const status = statuses[Math.min(count, statuses.length - 1)] ?? 204;
      const body = Buffer.concat(chunks);
      const entry = { path: url.pathname, headers: request.headers, body, status, at: performance.now() };
      received.push(keep ? entry : { ...entry, body: Buffer.alloc(0) });
      response.writeHead(status).end();
    });
  });
  server.keepAliveTimeout = 30_000;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    behave: (path, behaviour) => behaviours.set(path, behaviour),
    verifications,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Polls until `check` returns something truthy, or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => T | Promise<T>,
  what: string,
  timeoutMs = 5_000,
): Promise<NonNullable<Exclude<T, false | 0 | ''>>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<Exclude<T, false | 0 | ''>>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
