import { applyD1Migrations, createExecutionContext, createScheduledController, reset } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { createD1Database } from '../../src/adapters/workers/d1-database.ts';
import { WORKER_MAX_CONNECTIONS, WORKER_MAX_SOURCES } from '../../src/adapters/workers/worker-limits.ts';
import { decodeCharset } from '../../src/ingest/fetch/decode-charset.ts';
import { normalizeFeed } from '../../src/ingest/normalize/normalize.ts';
import { parseFeed } from '../../src/ingest/parse/parse-feed.ts';
import { createSqlStore } from '../../src/store/sql-store.ts';
import worker, { type WorkerEnv } from '../../src/worker.ts';
import { makeSource } from '../make-source.ts';
import { FETCHED_AT, type NodeResult, PARITY_DOCUMENTS } from './ingest-parity-documents.ts';

/** The feed server and Node's results come from feed-server.setup.ts (globalSetup, in Node). */
const origin = inject('feedOrigin');
const nodeResults = inject('nodeResults');
const INGEST_CRON = '*/5 * * * *';
// The feed server listens on 127.0.0.1, which the SSRF guard refuses unless told otherwise;
// the fixture items are dated March 2026, so retention must reach back that far.
const TOKEN = 'worker-test-token-0123456789';
const workerEnv: WorkerEnv = {
  DB: env.DB,
  ADMIN_TOKEN: TOKEN,
  PUBLIC_URL: 'https://news.example',
  LOG_LEVEL: 'silent',
  OUTBOUND_ALLOW_NETWORKS: '127.0.0.1/32',
  INGEST_RETENTION_DAYS: '36500',
};
const store = createSqlStore(createD1Database(env.DB));

async function fireCron(cron: string): Promise<void> {
  await worker.scheduled(createScheduledController({ cron, scheduledTime: Date.now() }), workerEnv);
}

async function serverStats(reset = false): Promise<{ counts: Record<string, number>; maxInFlight: number }> {
  return (await fetch(`${origin}/__stats${reset ? '?reset' : ''}`)).json();
}

describe('parsing in workerd', () => {
  it.each(Object.entries(PARITY_DOCUMENTS))('makes the same items of %s as Node does', async (name, contentType) => {
    const bytes = new Uint8Array(await (await fetch(`${origin}/doc/${name}`)).arrayBuffer());
    let result: NodeResult;
    try {
      const feed = await parseFeed(decodeCharset(bytes, contentType).text);
      result = { items: await normalizeFeed(feed, { responseUrl: `${origin}/doc/${name}`, now: FETCHED_AT }) };
    } catch (error) {
      result = { error: `${(error as Error).name}: ${(error as Error).message}` };
    }
    expect(result).toEqual(nodeResults[name]);
  });
});

describe('ingest on the ingest Cron Trigger', () => {
  beforeEach(async () => {
    await reset();
    await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
    await serverStats(true);
  });

  it('fetches a due source once even when the trigger fires twice, and stores its items', async () => {
    const source = makeSource({ url: `${origin}/etag` });
    await store.createSource(source);
    await Promise.all([fireCron(INGEST_CRON), fireCron(INGEST_CRON)]);
    expect((await serverStats()).counts['/etag']).toBe(1);
    const items = (await store.listExternalItems({ sourceId: source.id, limit: 10 })).items;
    expect(items.map((i) => i.title).sort()).toEqual(['Story 0', 'Story 1', 'Story 2']);
    expect((await store.getSource(source.id))?.health).toMatchObject({ lastStatus: 200, etag: '"v1"' });
  });

  it('asks again with If-None-Match when the source is due, and keeps its items on a 304', async () => {
    const source = makeSource({ url: `${origin}/etag` });
    await store.createSource(source);
    await fireCron(INGEST_CRON);
    const fetched = await store.getSource(source.id);
    if (!fetched) throw new Error('source vanished');
    await store.updateSource({ ...fetched, health: { ...fetched.health, nextPollAt: source.health.nextPollAt } });
    await fireCron(INGEST_CRON);
    expect((await serverStats()).counts['/etag']).toBe(2);
    expect((await store.getSource(source.id))?.health).toMatchObject({ lastStatus: 304, itemsStored: 3 });
  });

  it(`fetches at most ${WORKER_MAX_CONNECTIONS} at once and ${WORKER_MAX_SOURCES} per trigger; the next trigger takes the rest`, async () => {
    const count = WORKER_MAX_SOURCES + 3;
    for (let n = 0; n < count; n++) await store.createSource(makeSource({ url: `${origin}/slow?n=${n}` }));
    await fireCron(INGEST_CRON);
    const first = await serverStats();
    expect(first.counts['/slow']).toBe(WORKER_MAX_SOURCES);
    expect(first.maxInFlight).toBe(WORKER_MAX_CONNECTIONS);
    await fireCron(INGEST_CRON);
    expect((await serverStats()).counts['/slow']).toBe(count);
    expect((await store.listExternalItems({ limit: 100 })).items).toHaveLength(count);
  });

  it('registers a source and ingests it on demand through the admin API', async () => {
    const api = async (path: string, body?: unknown) => {
      const init = {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      };
      const incoming = new Request(`https://news.example/api${path}`, init) as Parameters<typeof worker.fetch>[0];
      return worker.fetch(incoming, workerEnv, createExecutionContext());
    };
    const created = await api('/sources', { url: `${origin}/etag`, name: 'Etag feed' });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const ingested = await api(`/sources/${id}/ingest`);
    expect(ingested.status).toBe(200);
    const { outcome } = (await ingested.json()) as { outcome: { inserted: number; status: number } };
    expect(outcome).toMatchObject({ inserted: 3, status: 200 });
  });
});
