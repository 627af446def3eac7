import type { Server, ServerOptions, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { ServerTimeouts } from '../../config.ts';

/**
 * The http.Server options (serve()'s serverOptions) for the header, request and keep-alive
 * bounds. Node compares the header and request deadlines only every connectionsCheckingInterval
 * (30 s by default), so it is set to a quarter of the shorter bound: each holds within 25 %.
 */
export function serverTimeoutOptions(timeouts: ServerTimeouts): ServerOptions {
  const shortest = Math.min(timeouts.headersMs, timeouts.requestMs);
  return {
    headersTimeout: timeouts.headersMs,
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    connectionsCheckingInterval: Math.max(10, Math.min(1_000, Math.floor(shortest / 4))),
  };
}

/**
 * Closes connections whose client is silent for idleMs. Node's headersTimeout starts with the
 * first byte of a request, so a connection that never sends one was held forever (issue 10
 * item 8); the socket idle timeout (server.setTimeout) covers it. The same timer also fires
 * while one of our handlers is still working out a long answer (a publish of 100,000 articles):
 * that silence is ours, not the client's, so such a socket is kept until its answer starts.
 */
export function closeIdleConnections(server: Server, idleMs: number): void {
  const answering = new WeakMap<Socket, ServerResponse>();
  server.on('request', (request, response: ServerResponse) => {
    answering.set(request.socket, response);
    response.once('close', () => {
      if (answering.get(request.socket) === response) answering.delete(request.socket);
    });
  });
  server.setTimeout(idleMs);
  // With a listener here Node no longer destroys a timed-out socket itself: this decides.
  server.on('timeout', (socket: Socket) => {
    const response = answering.get(socket);
    if (response && !response.headersSent) return;
    socket.destroy();
  });
}
