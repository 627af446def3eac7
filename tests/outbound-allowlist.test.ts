import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnectGuardedFetch } from '../src/adapters/node/connect-guarded-fetch.ts';
import { type RunningTidings, startTidings } from './support/start-tidings.ts';

/**
 * Issue 10 item 5: OUTBOUND_ALLOW_NETWORKS opens exactly the networks listed. Allowing
 * 127.0.0.1/32 to poll a local feed must not open a redirect to the cloud metadata service,
 * which INGEST_ALLOW_PRIVATE_NETWORKS=true did.
 */
describe('OUTBOUND_ALLOW_NETWORKS', () => {
  let tidings: RunningTidings;
  let origin: string;
  const hits: string[] = [];
  const server = createServer((request, response) => {
    hits.push(request.url ?? '');
    if (request.url === '/to-metadata') {
      return void response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    }
    if (request.url === '/to-mapped') {
      return void response.writeHead(301, { location: 'http://[::ffff:169.254.169.254]/' }).end();
    }
    response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  });

  beforeAll(async () => {
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    tidings = await startTidings({ OUTBOUND_ALLOW_NETWORKS: '127.0.0.1/32' });
  });
  afterAll(async () => {
    await tidings.stop();
    server.close();
  });

  it('lets ingest reach a listed network but refuses its redirect to the metadata address', async () => {
    const created = await tidings.admin('POST', '/api/sources', { url: `${origin}/to-metadata`, name: 'Redirector' });
    const { id } = (await created.json()) as { id: string };
    await tidings.admin('POST', `/api/sources/${id}/ingest`);
    const health = JSON.stringify(await (await tidings.admin('GET', `/api/sources/${id}`)).json());
    expect(hits).toContain('/to-metadata'); // 127.0.0.1 is listed, so the first hop went out
    expect(health).toMatch(/169\.254\.169\.254.*link-local/);
  });

  it('guards the outbound fetch the services hand out (hub pings, probes, callbacks) on every hop', async () => {
    const { outboundFetch } = tidings.ctx;
    expect((await outboundFetch(`${origin}/plain`)).status).toBe(200);
    await expect(outboundFetch(`${origin}/to-metadata`)).rejects.toThrow(/169\.254\.169\.254.*link-local/);
    await expect(outboundFetch('http://127.0.0.2:9/')).rejects.toThrow(/loopback.*OUTBOUND_ALLOW_NETWORKS/);
  });

  it('checks literal addresses at the socket guard too, where no look-up happens', async () => {
    const guarded = createConnectGuardedFetch({ allowNetworks: ['127.0.0.1/32'] });
    expect((await guarded(`${origin}/plain`)).status).toBe(200);
    await expect(guarded(`${origin}/to-mapped`)).rejects.toThrow(/link-local/);
    await expect(createConnectGuardedFetch()(`${origin}/plain`)).rejects.toThrow(/loopback/);
  });
});
