import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/http/create-app.ts';
import { createPublisher } from '../src/publish/publisher.ts';
import type { FeedRenderer } from '../src/render/feed-spec.ts';
import { renderers } from '../src/render/index.ts';
import { type RunningTidings, startTidings, TEST_TOKEN } from './support/start-tidings.ts';

const STORY = { bodyHtml: '<p>x</p>', category: 'World', author: { name: 'Ada Quill' } };
const BROWSER = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

async function errorOf(response: Response, status: number): Promise<string> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/json');
  return ((await response.json()) as { error: string }).error;
}

/** Issue 10 item 21: the admin API's edges answer what they mean. */
describe('admin API edges', () => {
  let tidings: RunningTidings;

  beforeAll(async () => {
    // Narrow poll bounds, so that the defaults of the schema (1 to 10,080 minutes) would let a wrong value through.
    tidings = await startTidings({
      SEED_SAMPLE_CONTENT: 'false',
      INGEST_MIN_INTERVAL_MINUTES: '10',
      INGEST_MAX_INTERVAL_MINUTES: '120',
    });
  });
  afterAll(() => tidings.stop());

  it('answers an unknown /api path with a JSON 404 about the API, not the reader site', async () => {
    expect(await errorOf(await tidings.admin('GET', '/api/nope'), 404)).toBe(
      'no API endpoint GET /api/nope; see /api/openapi.json',
    );
    expect(await errorOf(await tidings.admin('DELETE', '/api/publish'), 404)).toBe(
      'no API endpoint DELETE /api/publish; see /api/openapi.json',
    );
    const fromBrowser = await tidings.request('/api/articles/x/y/z', { admin: true, headers: BROWSER });
    expect(await errorOf(fromBrowser, 404)).toMatch(/^no API endpoint GET \/api\/articles\/x\/y\/z;/);
    // Without the token it is the token that is wrong, as on every admin path.
    expect(await errorOf(await tidings.request('/api/nope'), 401)).toMatch(/Bearer/);
  });

  it('refuses a cursor it did not hand out with 400, on every list that takes one', async () => {
    for (const path of ['/api/articles', '/api/sources', '/api/external-items']) {
      const error = await errorOf(await tidings.admin('GET', `${path}?cursor=garbage`), 400);
      expect(error, path).toMatch(/^invalid query: cursor: is not an? [a-z ]+ cursor; pass the nextCursor/);
    }
  });

  it('still pages with the cursors it hands out', async () => {
    for (const title of ['One', 'Two', 'Three']) {
      const created = await tidings.admin('POST', '/api/articles', { ...STORY, title });
      expect(created.status).toBe(201);
    }
    const first = (await (await tidings.admin('GET', '/api/articles?limit=2')).json()) as {
      items: { title: string }[];
      nextCursor: string;
    };
    expect(first.items.map((a) => a.title)).toEqual(['Three', 'Two']);
    const second = await tidings.admin('GET', `/api/articles?limit=2&cursor=${first.nextCursor}`);
    expect(((await second.json()) as { items: { title: string }[] }).items.map((a) => a.title)).toEqual(['One']);
  });

  it('refuses a poll interval outside the configured bounds, naming them, on create and edit', async () => {
    const tooOften = await tidings.admin('POST', '/api/sources', {
      url: 'https://wire.example/feed.xml',
      name: 'Wire',
      pollIntervalMinutes: 5,
    });
    expect(await errorOf(tooOften, 400)).toBe(
      'invalid source: pollIntervalMinutes: must be a whole number of minutes from 10 to 120, the configured poll bounds',
    );
    const tooRarely = { url: 'https://wire.example/feed.xml', name: 'Wire', pollIntervalMinutes: 1440 };
    expect(await errorOf(await tidings.admin('POST', '/api/sources', tooRarely), 400)).toMatch(/from 10 to 120/);

    const created = await tidings.admin('POST', '/api/sources', { url: 'https://wire.example/feed.xml', name: 'Wire' });
    expect(created.status).toBe(201);
    const source = (await created.json()) as { id: string; pollIntervalMinutes: number };
    expect(source.pollIntervalMinutes).toBe(60); // the default lies within these bounds
    const edit = await tidings.admin('PATCH', `/api/sources/${source.id}`, { pollIntervalMinutes: 121 });
    expect(await errorOf(edit, 400)).toMatch(/^invalid source patch: pollIntervalMinutes: .* from 10 to 120/);
    const kept = (await (await tidings.admin('GET', `/api/sources/${source.id}`)).json()) as typeof source;
    expect(kept.pollIntervalMinutes).toBe(60);
    expect((await tidings.admin('PATCH', `/api/sources/${source.id}`, { pollIntervalMinutes: 120 })).status).toBe(200);
  });

  it('gives sources imported from OPML, which names no interval, the default within the bounds', async () => {
    const rare = await startTidings({ SEED_SAMPLE_CONTENT: 'false', INGEST_MIN_INTERVAL_MINUTES: '90' });
    try {
      const imported = await rare.request('/api/sources/import', {
        method: 'POST',
        admin: true,
        headers: { 'content-type': 'text/x-opml' },
        body: '<opml version="2.0"><body><outline text="Wire" xmlUrl="https://wire.example/rss"/></body></opml>',
      });
      expect(imported.status).toBe(201);
      const { items } = (await (await rare.admin('GET', '/api/sources')).json()) as {
        items: { pollIntervalMinutes: number }[];
      };
      expect(items.map((s) => s.pollIntervalMinutes)).toEqual([90]); // not 60, which the scheduler would never obey
    } finally {
      await rare.stop();
    }
  });

  it('documents the bounds in the OpenAPI document', async () => {
    const doc = (await (await tidings.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { requestBody: { content: Record<string, { schema: unknown }> } }>>;
    };
    const body = JSON.stringify(doc.paths['/sources']?.post?.requestBody.content['application/json']?.schema);
    expect(body).toContain('"minimum":10');
    expect(body).toContain('"maximum":120');
  });

  it('answers POST /api/publish with 500 and the run summary when a document failed, 200 when all were written', async () => {
    const created = await tidings.admin('POST', '/api/articles', { ...STORY, title: 'Published', status: 'published' });
    expect(created.status).toBe(201);
    // The real publish job over the real store and feeds folder, with the Atom renderer failing.
    const failing: FeedRenderer = () => {
      throw new Error('renderer exploded');
    };
    const { ctx } = tidings;
    const publisher = createPublisher({
      ...ctx,
      sink: ctx.sink,
      settings: ctx.config,
      renderers: { ...renderers, atom: failing },
    });
    const server = serve({ fetch: createApp({ ...ctx, publisher }).fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/api/publish`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TEST_TOKEN}` },
      });
      expect(response.status).toBe(500);
      const run = (await response.json()) as { errors: { feed: string; message: string }[]; feedsWritten: string[] };
      expect(run.errors).toContainEqual({ feed: 'world', message: 'renderer exploded' });
      expect(run.feedsWritten).not.toContain('world.atom');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    const healed = await tidings.publish();
    expect(healed.status).toBe(200);
    expect(((await healed.json()) as { errors: unknown[] }).errors).toEqual([]);
  });
});
