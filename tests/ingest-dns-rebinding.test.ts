import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnectGuardedFetch } from '../src/adapters/node/connect-guarded-fetch.ts';
import { fetchSource } from '../src/ingest/fetch/fetch-source.ts';

/**
 * DNS rebinding: the name passes the guard's look-up as a public address,
 * then resolves to loopback when the socket connects. The connect-time guard
 * must refuse it before a single byte reaches the private server.
 */
describe('the SSRF guard at connect time', () => {
  let hits = 0;
  const server = createServer((_request, response) => {
    hits++;
    response.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss version="2.0"><channel/></rss>');
  });
  let port: number;

  beforeAll(async () => {
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => server.close());

  const rebindingDns = (
    _hostname: string,
    _options: unknown,
    callback: (e: null, a: { address: string; family: number }[]) => void,
  ) => callback(null, [{ address: '127.0.0.1', family: 4 }]);
  const fetchVia = (guardedFetch: typeof fetch, allowNetworks: string[] = []) =>
    fetchSource(
      { url: `http://rebind.test:${port}/feed.xml` },
      {
        fetch: guardedFetch,
        // What the guard's own look-up sees: a public address.
        ssrf: { resolveHost: async () => ['93.184.216.34'], allowNetworks },
        userAgent: 'Tidings/test',
        maxBytes: 1_000_000,
        timeoutMs: 5_000,
        idleTimeoutMs: 5_000,
      },
    );

  it('refuses a name that resolves to loopback when the socket connects', async () => {
    const guarded = createConnectGuardedFetch({ lookup: rebindingDns });
    await expect(fetchVia(guarded)).rejects.toThrow(/rebind\.test resolves to 127\.0\.0\.1, a loopback address/);
    expect(hits).toBe(0);
  });

  it('connects when that address is allowed, so the refusal above is the guard and nothing else', async () => {
    const guarded = createConnectGuardedFetch({
      allowNetworks: ['127.0.0.1/32'],
      lookup: rebindingDns,
    });
    const result = await fetchVia(guarded, ['127.0.0.1/32']);
    expect(result.status).toBe(200);
    expect(hits).toBe(1);
  });
});
