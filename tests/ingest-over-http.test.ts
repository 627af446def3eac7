import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningTidings, startTidings } from './support/start-tidings.ts';

const FEED = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Elsewhere News</title><link>https://elsewhere.example/</link>
<item><title>Draftees leave Yakutsk by bus</title><link>https://elsewhere.example/yakutsk</link><guid>e-1</guid>
<pubDate>Tue, 24 Nov 2026 08:00:00 GMT</pubDate><description><![CDATA[<p onclick="x()">Families said goodbye.</p><script>alert(1)</script>]]></description></item>
</channel></rss>`;

describe('ingesting an external feed through the running service', () => {
  let tidings: RunningTidings;
  let feedUrl: string;
  const requests: Record<string, string | undefined>[] = [];
  const server = createServer((request, response) => {
    requests.push({ ifNoneMatch: request.headers['if-none-match'], userAgent: request.headers['user-agent'] });
    if (request.headers['if-none-match'] === '"v1"') return void response.writeHead(304).end();
    response.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(FEED);
  });
  const api = (path: string, init: RequestInit = {}) =>
    tidings.request(path, { ...init, admin: true, headers: { 'content-type': 'application/json', ...init.headers } });

  beforeAll(async () => {
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`;
    tidings = await startTidings({ OUTBOUND_ALLOW_NETWORKS: '127.0.0.1/32' });
  });
  afterAll(async () => {
    await tidings.stop();
    server.close();
  });

  it('registers a source, ingests it now, stores clean items, then polls conditionally', async () => {
    const created = await api('/api/sources', {
      method: 'POST',
      body: JSON.stringify({ url: feedUrl, name: 'Elsewhere' }),
    });
    expect(created.status).toBe(201);
    const source = (await created.json()) as { id: string };

    expect((await api(`/api/sources/${source.id}/ingest`, { method: 'POST' })).status).toBe(200);
    const items = (await (await api(`/api/external-items?source=${source.id}`)).json()) as {
      items: { title: string; contentHtml?: string; summary: string }[];
    };
    expect(items.items.map((i) => i.title)).toEqual(['Draftees leave Yakutsk by bus']);
    expect(JSON.stringify(items.items[0])).not.toMatch(/script|onclick/);

    await api(`/api/sources/${source.id}/ingest`, { method: 'POST' });
    expect(requests.map((r) => r.ifNoneMatch)).toEqual([undefined, '"v1"']);
    expect(requests[0]?.userAgent).toMatch(/^Tidings\/\S+ \(\+http:\/\/127\.0\.0\.1:\d+\)$/);
    const health = (await (await api(`/api/sources/${source.id}`)).json()) as Record<string, unknown>;
    expect(JSON.stringify(health)).toContain('304');
  });

  it('refuses a private-network source when the configuration does not allow it', async () => {
    const strict = await startTidings();
    const requestsBefore = requests.length;
    try {
      const created = await strict.request('/api/sources', {
        method: 'POST',
        admin: true,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ url: feedUrl, name: 'Loopback' }),
      });
      const { id } = (await created.json()) as { id: string };
      await strict.request(`/api/sources/${id}/ingest`, { method: 'POST', admin: true });
      const health = JSON.stringify(await (await strict.request(`/api/sources/${id}`, { admin: true })).json());
      expect(health).toMatch(/private|loopback|not allowed|refus/i);
      expect(requests.length).toBe(requestsBefore); // refused before any connection
    } finally {
      await strict.stop();
    }
  });
});
