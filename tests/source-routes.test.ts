import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Source } from '../src/domain/source.ts';
import { createErrorHandler } from '../src/http/handle-error.ts';
import { createSourceRoutes } from '../src/http/source-routes.ts';
import { silentLogger } from '../src/log.ts';
import { serve } from './support/hostile-feed-server.ts';
import { item, rss } from './support/hostile-feeds.ts';
import { type Harness, startHarness } from './support/ingest-harness.ts';

/** The sources API through app.request(): a throwaway Hono app over a real store and a real feed server. */
let h: Harness;
let app: Hono;

beforeAll(async () => {
  h = await startHarness();
  h.server.route('/feed.xml', serve(rss([item('api-1'), item('api-2')].join('')), 'application/rss+xml'));
  app = new Hono();
  app.onError(createErrorHandler(silentLogger));
  app.route(
    '/api',
    createSourceRoutes({
      store: h.store,
      ingest: h.ingest,
      claimMs: 60_000,
      now: () => new Date(h.clock.now),
      pollBounds: { minIntervalMinutes: 5, maxIntervalMinutes: 1440 },
    }),
  );
});
afterAll(() => h.close());

const send = (method: string, path: string, body?: unknown) =>
  app.request(path, {
    method,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    headers: { 'content-type': 'application/json' },
  });

describe('sources API', () => {
  let created: Source;

  it('registers a source and answers 201 with its health', async () => {
    const response = await send('POST', '/api/sources', {
      url: `${h.server.origin}/feed.xml`,
      name: 'Wire',
      categoryHint: 'World',
    });
    expect(response.status).toBe(201);
    created = await response.json();
    expect(response.headers.get('location')).toBe(`/api/sources/${created.id}`);
    expect(created).toMatchObject({ name: 'Wire', categoryHint: 'World', pollIntervalMinutes: 60, enabled: true });
    expect(created.health).toMatchObject({ itemsStored: 0, consecutiveFailures: 0 });
  });

  it('answers 400 naming each bad field, 400 for broken JSON and 409 for a URL already registered', async () => {
    const bad = await send('POST', '/api/sources', { url: 'ftp://x.example/', name: '', pollIntervalMinutes: 0 });
    expect(bad.status).toBe(400);
    const { details } = await bad.json();
    expect(details.map((d: { field: string }) => d.field).sort()).toEqual(['name', 'pollIntervalMinutes', 'url']);
    expect((await send('POST', '/api/sources', '{"url": ')).status).toBe(400);
    const duplicate = await send('POST', '/api/sources', { url: `${h.server.origin}/feed.xml`, name: 'Again' });
    expect(duplicate.status).toBe(409);
    expect((await duplicate.json()).error).toMatch(/already exists/);
  });

  it('ingests a source now and shows the result in its health and in external items', async () => {
    const response = await send('POST', `/api/sources/${created.id}/ingest`);
    expect(response.status).toBe(200);
    const { outcome, source } = await response.json();
    expect(outcome).toMatchObject({ status: 200, inserted: 2 });
    expect(source.health).toMatchObject({ lastStatus: 200, itemsStored: 2, consecutiveFailures: 0 });
    const items = await (await send('GET', `/api/external-items?source=${created.id}&q=api-2`)).json();
    expect(items.items.map((i: { title: string }) => i.title)).toEqual(['Story api-2']);
    const page = await (await send('GET', '/api/external-items?limit=1')).json();
    expect(page.items).toHaveLength(1);
    const next = await (
      await send('GET', `/api/external-items?limit=1&cursor=${encodeURIComponent(page.nextCursor)}`)
    ).json();
    expect(next.items[0].id).not.toBe(page.items[0].id);
  });

  it('lists, patches (null clears the hint) and shows one source', async () => {
    const list = await (await send('GET', '/api/sources')).json();
    expect(list.items.map((s: Source) => s.id)).toContain(created.id);
    const patched = await send('PATCH', `/api/sources/${created.id}`, {
      name: 'Renamed',
      categoryHint: null,
      enabled: false,
    });
    expect(patched.status).toBe(200);
    const body = await patched.json();
    expect(body).toMatchObject({ name: 'Renamed', enabled: false });
    expect(body.categoryHint).toBeUndefined();
    expect((await send('PATCH', `/api/sources/${created.id}`, { bogus: 1 })).status).toBe(400);
    expect((await (await send('GET', `/api/sources/${created.id}`)).json()).name).toBe('Renamed');
  });

  it('answers 404 for unknown sources and deletes a source with its items', async () => {
    expect((await send('GET', '/api/sources/src_nope')).status).toBe(404);
    expect((await send('POST', '/api/sources/src_nope/ingest')).status).toBe(404);
    expect((await send('DELETE', `/api/sources/${created.id}`)).status).toBe(204);
    expect((await send('DELETE', `/api/sources/${created.id}`)).status).toBe(404);
    expect((await (await send('GET', '/api/external-items')).json()).items).toEqual([]);
  });
});
