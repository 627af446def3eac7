import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface RecordedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  at: number;
}

export interface FeedServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  requests: RecordedRequest[];
  requestsTo(path: string): RecordedRequest[];
  route(path: string, handler: Handler): void;
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 (ephemeral port) that records every request it receives. */
export async function startFeedServer(routes: Record<string, Handler> = {}): Promise<FeedServer> {
  const table = new Map(Object.entries(routes));
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    requests.push({ path, headers: req.headers, at: Date.now() });
    const handler = table.get(path);
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    handler(req, res);
  });
  // Hanging and dripping handlers keep sockets open: close them when the test ends.
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // The server shares its event loop with the ingest under test: after a long synchronous ingest
  // (10,000 items) the client's idle-socket timer and the server's keep-alive timer fire in the
  // same turn, and a request sent on the reused socket meets a reset. Keep idle sockets longer.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    requestsTo: (path) => requests.filter((r) => r.path === path),
    route: (path, handler) => table.set(path, handler),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Serves a fixed body with a content type (and extra headers). */
export function serve(body: string | Buffer, contentType: string, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': contentType, ...headers });
    res.end(body);
  };
}

/** Serves a body with a strong ETag and answers 304 to a matching If-None-Match. */
export function serveWithEtag(body: string, contentType: string, etag: string): Handler {
  return (req, res) => {
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    res.writeHead(200, { 'content-type': contentType, etag, 'last-modified': 'Sun, 01 Mar 2026 10:00:00 GMT' });
    res.end(body);
  };
}

export function redirect(status: number, location: string): Handler {
  return (_req, res) => {
    res.writeHead(status, { location }).end();
  };
}

export function fail(status: number, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'text/plain', ...headers }).end(`error ${status}`);
  };
}

/** Sends the headers and a first byte, then one more byte every `everyMs`, forever. */
export function drip(everyMs: number): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.write('<');
    const timer = setInterval(() => res.write(' '), everyMs);
    res.on('close', () => clearInterval(timer));
  };
}

/** Accepts the request and never answers. */
export function hang(): Handler {
  return () => {};
}

/** Drops the connection without an answer. */
export function reset(): Handler {
  return (req) => {
    req.socket.destroy();
  };
}
