import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import parsePrometheusTextFormat, { type ParsedFamily } from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.ts';
import { type RunningTidings, startTidings, TEST_TOKEN } from './support/start-tidings.ts';

const METRICS_TOKEN = 'metrics-token-0123456789';
const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>https://wire.example/</link>
<item><title>Ferry resumes</title><link>https://wire.example/ferry</link><guid>w-1</guid></item></channel></rss>`;

describe('operations: /metrics, /readyz, /healthz and the request log', () => {
  let tidings: RunningTidings;
  let feedUrl: string;
  const lines: Record<string, unknown>[] = [];
  const feedServer = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED);
  });

  beforeAll(async () => {
    feedServer.listen(0, '127.0.0.1');
    await once(feedServer, 'listening');
    feedUrl = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/feed.xml`;
    const log = createLogger('info', (line) => lines.push(JSON.parse(line)));
    tidings = await startTidings(
      { METRICS_TOKEN, READY_MAX_PUBLISH_AGE: '300', OUTBOUND_ALLOW_NETWORKS: '127.0.0.1/32' },
      '2026-11-25T12:00:00.000Z',
      log,
    );
  });
  afterAll(async () => {
    await tidings.stop();
    feedServer.close();
  });

  const scrape = async (): Promise<Map<string, ParsedFamily>> => {
    const response = await tidings.request('/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    return new Map(parsePrometheusTextFormat(await response.text()).map((family) => [family.name, family]));
  };
  const sample = (family: ParsedFamily | undefined, labels: Record<string, string> = {}) =>
    Number(family?.metrics.find((m) => JSON.stringify(m.labels ?? {}) === JSON.stringify(labels))?.value ?? 0);

  it('is not ready before the first successful publish, and says why', async () => {
    const response = await tidings.request('/readyz');
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ ok: false, database: 'ok', error: 'no successful publish yet' });
    expect((await tidings.request('/healthz')).status).toBe(200);
  });

  it('lets /metrics in with the admin token or the metrics token, and nobody else', async () => {
    expect((await tidings.request('/metrics')).status).toBe(401);
    const wrong = await tidings.request('/metrics', { headers: { authorization: 'Bearer not-the-token-at-all' } });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ error: 'the bearer token is not valid' });
    expect((await tidings.request('/metrics', { admin: true })).status).toBe(200);
    expect((await tidings.request('/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).status).toBe(
      200,
    );
    // The metrics token opens /metrics only, never the admin API.
    const api = await tidings.request('/api/articles', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(api.status).toBe(401);
  });

  it('counts publish runs, their durations, documents written and feed answers by status', async () => {
    await tidings.admin('POST', '/api/articles', {
      title: 'Harbour Reopens',
      bodyHtml: '<p>Boats are back.</p>',
      category: 'World',
      author: { name: 'Ada Quill' },
      status: 'published',
      publishedAt: '2026-11-25T10:00:00Z',
    });
    expect((await tidings.publish()).status).toBe(200);
    expect((await tidings.publish()).status).toBe(200); // nothing changed: a run that writes nothing
    const first = await tidings.request('/feeds/all.rss');
    const etag = first.headers.get('etag') ?? '';
    await tidings.request('/feeds/all.rss', { headers: { 'if-none-match': etag } });
    await tidings.request('/feeds/all.rss', { headers: { 'if-none-match': etag } });
    await tidings.request('/feeds/nothing-here.rss');
    await tidings.request('/feeds/all.rss?before=not-a-cursor');

    const metrics = await scrape();
    expect(sample(metrics.get('tidings_publish_runs_total'), { outcome: 'ok' })).toBe(2);
    expect(sample(metrics.get('tidings_feed_documents_written_total'))).toBe(9); // all, world and the author's feed, three formats
    const duration = metrics.get('tidings_publish_duration_seconds');
    expect(duration?.type).toBe('HISTOGRAM');
    expect(Number(duration?.metrics[0]?.count)).toBe(2);
    expect(duration?.metrics[0]?.buckets?.['+Inf']).toBe('2');
    const feeds = metrics.get('tidings_feed_responses_total');
    expect(feeds?.type).toBe('COUNTER');
    expect(sample(feeds, { status: '200' })).toBe(1);
    expect(sample(feeds, { status: '304' })).toBe(2);
    expect(sample(feeds, { status: '404' })).toBe(1);
    expect(sample(feeds, { status: '400' })).toBe(1);
  });

  it('counts ingest outcomes by the state the source was in, and sources by state', async () => {
    const created = await tidings.admin('POST', '/api/sources', { url: feedUrl, name: 'Wire' });
    const { id } = (await created.json()) as { id: string };
    expect((await tidings.admin('POST', `/api/sources/${id}/ingest`)).status).toBe(200);
    await tidings.admin('POST', '/api/sources', { url: `${feedUrl}?other`, name: 'Off', enabled: false });

    const metrics = await scrape();
    expect(sample(metrics.get('tidings_ingest_fetches_total'), { outcome: 'updated', state: 'new' })).toBe(1);
    const sources = metrics.get('tidings_sources');
    expect(sources?.type).toBe('GAUGE');
    expect([sample(sources, { state: 'healthy' }), sample(sources, { state: 'disabled' })]).toEqual([1, 1]);
    expect(sample(sources, { state: 'failing' })).toBe(0);
  });

  it('is ready after a successful publish, and not once the last one is older than READY_MAX_PUBLISH_AGE', async () => {
    const ready = await tidings.request('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ok: true, database: 'ok', lastPublishAt: '2026-11-25T12:00:00.000Z' });
    tidings.setNow('2026-11-25T12:10:00.000Z');
    const stale = await tidings.request('/readyz');
    expect(stale.status).toBe(503);
    expect((await stale.json()).error).toMatch(/600 s old, more than READY_MAX_PUBLISH_AGE \(300 s\)/);
    tidings.setNow('2026-11-25T12:00:00.000Z');
  });

  it('logs one info line per API request, with no token or query in it', async () => {
    lines.length = 0;
    await tidings.request('/api/articles?limit=1', { admin: true });
    await tidings.request('/api/articles');
    await tidings.request('/feeds/all.rss'); // feeds are not API requests: no line
    const requests = lines.filter((line) => line.message === 'http: request');
    expect(requests).toEqual([
      expect.objectContaining({ level: 'info', method: 'GET', path: '/api/articles', status: 200 }),
      expect.objectContaining({ level: 'info', method: 'GET', path: '/api/articles', status: 401 }),
    ]);
    expect(typeof requests[0]?.duration_ms).toBe('number');
    expect(JSON.stringify(lines)).not.toContain(TEST_TOKEN);
  });
});
