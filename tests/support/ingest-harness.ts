import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMigrations, openSqliteDatabase, type SqliteDatabase } from '../../src/adapters/node/sqlite-database.ts';
import { newId } from '../../src/domain/ids.ts';
import type { Source } from '../../src/domain/source.ts';
import { createIngester, type IngesterSettings } from '../../src/ingest/create-ingester.ts';
import type { IngestOne } from '../../src/ingest/run-ingest-cycle.ts';
import { silentLogger } from '../../src/log.ts';
import { migrate } from '../../src/store/migrate.ts';
import { createSqlStore } from '../../src/store/sql-store.ts';
import type { Store } from '../../src/store/store.ts';
import { type FeedServer, startFeedServer } from './hostile-feed-server.ts';

/** Short limits so faults resolve fast: the whole hostile suite runs in a few seconds. */
export const TEST_SETTINGS: IngesterSettings = {
  maxBytes: 5 * 1024 * 1024,
  timeoutMs: 1500,
  idleTimeoutMs: 400,
  minIntervalMinutes: 5,
  maxIntervalMinutes: 1440,
  retentionItems: 20_000,
  retentionDays: 36_500,
};

export interface Harness {
  server: FeedServer;
  store: Store;
  /** The SQLite file the store writes, for tests that look past the Store port. */
  db: SqliteDatabase;
  ingest: IngestOne;
  clock: { now: number };
  /** Registers a source for a path on the test server (or a full URL). */
  addSource(pathOrUrl: string, overrides?: Partial<Source>): Promise<Source>;
  /** Ingests the source as stored now; returns the outcome, the source after, and its items. */
  run(source: Source): Promise<Awaited<ReturnType<Harness['runPath']>>>;
  runPath(pathOrUrl: string): Promise<{
    outcome: Awaited<ReturnType<IngestOne>>;
    source: Source;
    items: Awaited<ReturnType<Store['listExternalItems']>>['items'];
  }>;
  close(): Promise<void>;
}

/** A real SQLite file, a real HTTP server on 127.0.0.1, and the real pipeline with 127.0.0.1 allowed. */
export async function startHarness(settings: Partial<IngesterSettings> = {}): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'tidings-ingest-'));
  const db = openSqliteDatabase(join(dir, 'tidings.db'));
  await migrate(db, loadMigrations());
  const store = createSqlStore(db);
  const server = await startFeedServer();
  const clock = { now: Date.parse('2026-03-03T00:00:00Z') };
  const ingest = createIngester({
    store,
    fetch: globalThis.fetch,
    resolveHost: async (host) => (host === 'localhost' ? ['127.0.0.1'] : ['203.0.113.7']),
    settings: { ...TEST_SETTINGS, ...settings },
    publicUrl: 'https://tidings.example',
    log: silentLogger,
    now: () => clock.now,
    allowNetworks: ['127.0.0.1/32'],
  });
  const addSource = async (pathOrUrl: string, overrides: Partial<Source> = {}) => {
    const at = new Date(clock.now).toISOString();
    const source: Source = {
      id: newId('src', clock.now),
      url: pathOrUrl.startsWith('/') ? `${server.origin}${pathOrUrl}` : pathOrUrl,
      name: pathOrUrl,
      pollIntervalMinutes: 30,
      enabled: true,
      createdAt: at,
      updatedAt: at,
      health: { itemsStored: 0, consecutiveFailures: 0, nextPollAt: at },
      ...overrides,
    };
    await store.createSource(source);
    return source;
  };
  const run = async (source: Source) => {
    const current = (await store.getSource(source.id)) ?? source;
    const outcome = await ingest(current);
    const after = (await store.getSource(source.id)) as Source;
    const { items } = await store.listExternalItems({ sourceId: source.id, limit: 200 });
    return { outcome, source: after, items };
  };
  return {
    server,
    store,
    db,
    ingest,
    clock,
    addSource,
    run,
    runPath: async (pathOrUrl) => run(await addSource(pathOrUrl)),
    async close() {
      await server.close();
      db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
