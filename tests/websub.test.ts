import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningTidings, startTidings } from './support/start-tidings.ts';

describe('WebSub: publishing pings the hub for the feeds that changed', () => {
  const pings: URLSearchParams[] = [];
  const hub = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      pings.push(new URLSearchParams(body));
      response.writeHead(204).end();
    });
  });
  let tidings: RunningTidings;
  let hubUrl: string;

  beforeAll(async () => {
    hub.listen(0, '127.0.0.1');
    await once(hub, 'listening');
    hubUrl = `http://127.0.0.1:${(hub.address() as AddressInfo).port}/websub`;
    tidings = await startTidings({ WEBSUB_HUB: hubUrl, OUTBOUND_ALLOW_NETWORKS: '127.0.0.1/32' });
  });
  afterAll(async () => {
    await tidings.stop();
    hub.close();
  });

  it('announces the hub in every format and pings it once per changed document', async () => {
    const created = await tidings.admin('POST', '/api/articles', {
      title: 'Hub test',
      bodyHtml: '<p>Pushed, not polled.</p>',
      category: 'World',
      author: { name: 'Ada Quill' },
      status: 'published',
      publishedAt: '2026-11-25T11:00:00Z',
    });
    expect(created.status).toBe(201);
    await tidings.publish();

    const pinged = pings.map((p) => `${p.get('hub.mode')} ${p.get('hub.url')}`).sort();
    expect(pinged).toEqual(
      ['all', 'world', 'author/ada-quill']
        .flatMap((key) => ['atom', 'json', 'rss'].map((f) => `publish ${tidings.baseUrl}/feeds/${key}.${f}`))
        .sort(),
    );
    expect(await (await tidings.request('/feeds/world.rss')).text()).toContain(
      `<atom:link href="${hubUrl}" rel="hub"/>`,
    );
    expect(await (await tidings.request('/feeds/world.atom')).text()).toContain(`<link rel="hub" href="${hubUrl}"/>`);
    expect(((await (await tidings.request('/feeds/world.json')).json()) as { hubs: unknown[] }).hubs).toEqual([
      { type: 'WebSub', url: hubUrl },
    ]);

    pings.length = 0;
    await tidings.publish();
    expect(pings).toEqual([]);
  });
});
