import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadMigrations, openSqliteDatabase, type SqliteDatabase } from '../src/adapters/node/sqlite-database.ts';
import { createErrorHandler } from '../src/http/handle-error.ts';
import { createRelatedRoutes } from '../src/http/related-routes.ts';
import { silentLogger } from '../src/log.ts';
import { refreshRelatedForArticle } from '../src/related/refresh-related.ts';
import { migrate } from '../src/store/migrate.ts';
import { createSqlStore } from '../src/store/sql-store.ts';
import type { Store } from '../src/store/store.ts';
import { makeArticle, NOW } from './make-article.ts';
import { makeFetch, makeItem, makeSource } from './make-source.ts';
import { addFillerArticles } from './related-filler.ts';

const SITE = 'https://news.example';
let dir: string;
let db: SqliteDatabase;
let store: Store;
let app: Hono;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tidings-related-api-'));
  db = openSqliteDatabase(join(dir, 'tidings.db'));
  await migrate(db, loadMigrations());
  store = createSqlStore(db);
  await addFillerArticles(store);
  app = new Hono();
  app.onError(createErrorHandler(silentLogger));
  app.route(
    '/api',
    createRelatedRoutes({
      store,
      siteUrl: SITE,
      refreshRelated: (id) => refreshRelatedForArticle(store, id, { now: NOW, siteUrl: SITE }),
    }),
  );
});

afterEach(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

describe('GET /api/articles/:id/related', () => {
  it('lists editorial then scored suggestions with score, source and reasons', async () => {
    const rates = makeArticle({
      title: 'Central bank raises interest rates to fight inflation',
      bodyHtml: '<p>The central bank raised interest rates by half a point as inflation stayed high.</p>',
    });
    const article = makeArticle({
      title: 'Mortgage costs climb after the interest rate rise',
      bodyHtml: '<p>Homeowners face higher mortgage costs after the central bank raised interest rates.</p>',
      relatedLinks: [{ title: 'Bank raises rates: what it means for savers' }, { title: 'Not written yet' }],
    });
    await store.createArticle(rates);
    await store.createArticle(article);
    const source = makeSource({ name: 'Money Wire' });
    await store.createSource(source);
    await store.recordFetch(
      makeFetch(source.id, [
        makeItem('savers', {
          title: 'Bank Raises Rates — What It Means For Savers',
          link: 'https://money.example/savers',
        }),
      ]),
    );
    await refreshRelatedForArticle(store, article.id, { now: NOW, siteUrl: SITE });

    const response = await app.request(`/api/articles/${article.id}/related`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.articleId).toBe(article.id);
    expect(body.related).toEqual([
      expect.objectContaining({
        title: 'Bank raises rates: what it means for savers',
        url: 'https://money.example/savers',
        source: 'Money Wire',
        kind: 'external',
        editorial: true,
        resolved: true,
        reasons: [{ type: 'editorial' }],
      }),
      expect.objectContaining({ title: 'Not written yet', url: null, editorial: true, resolved: false }),
      expect.objectContaining({
        title: rates.title,
        url: `${SITE}/${rates.categorySlug}/${rates.slug}`,
        source: 'own',
        kind: 'own',
        targetId: rates.id,
        editorial: false,
      }),
    ]);
    const scored = body.related[2];
    expect(scored.score).toBeGreaterThan(0);
    expect(scored.reasons[0]).toEqual({ type: 'shared-terms', values: expect.arrayContaining(['interest', 'rates']) });
  });

  it('shows RELATED_LINKS links unless ?limit= asks for up to 20, from the links stored', async () => {
    const article = makeArticle({
      title: 'Harbour storm floods the quay',
      bodyHtml: '<p>The storm flooded the harbour quay.</p>',
    });
    await store.createArticle(article);
    const reports = [
      ['Fishermen count their losses', 'Trawlers sank at their moorings when the storm flooded the harbour quay.'],
      ['Ferries cancelled for a second day', 'Crossings stopped after storm waves flooded the harbour quay overnight.'],
      ['Shops on the quay bail out', 'Traders swept water from the flooded quay after the harbour storm.'],
      ['Insurers brace for storm claims', 'Claims from the flooded harbour quay could reach millions, brokers said.'],
      [
        'Council promises a higher sea wall',
        'The harbour quay flooded because the old wall was too low for the storm.',
      ],
      [
        'Lifeboat crew rescued two sailors',
        'Volunteers launched into the storm as the harbour quay flooded behind them.',
      ],
      ['School closed as roads flood', 'Pupils stayed home while storm water covered the harbour quay road.'],
      ['Fish market reopens after the storm', 'Stallholders returned to the harbour quay a day after it flooded.'],
    ];
    const others = reports.map(([title, text]) =>
      makeArticle({ title: `Harbour storm: ${title}`, summary: text, bodyHtml: `<p>${text}</p>` }),
    );
    for (const other of others) await store.createArticle(other);
    await refreshRelatedForArticle(store, article.id, { now: NOW, siteUrl: SITE });
    const related = async (query: string) => {
      const response = await app.request(`/api/articles/${article.id}/related${query}`);
      expect(response.status).toBe(200);
      return ((await response.json()) as { related: unknown[] }).related;
    };
    expect(await related('')).toHaveLength(5);
    expect(await related('?limit=2')).toHaveLength(2);
    expect(await related('?limit=20')).toHaveLength(8);
    for (const bad of ['0', '21', 'ten']) {
      const response = await app.request(`/api/articles/${article.id}/related?limit=${bad}`);
      expect(response.status).toBe(400);
      expect((await response.json()).details).toEqual([{ field: 'limit', message: expect.any(String) }]);
    }
  });

  it('answers 404 for an unknown article', async () => {
    const response = await app.request('/api/articles/art_missing/related');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'no article with id "art_missing"' });
  });

  it('answers 400 naming the field for an id that is too long', async () => {
    const response = await app.request(`/api/articles/${'x'.repeat(65)}/related`);
    expect(response.status).toBe(400);
    expect((await response.json()).details).toEqual([{ field: 'id', message: expect.any(String) }]);
  });
});

describe('POST /api/articles/:id/related/refresh', () => {
  it('recomputes the links and says whether they changed', async () => {
    const a = makeArticle({ title: 'Volcano erupts on the island', bodyHtml: '<p>Lava from the volcano.</p>' });
    const b = makeArticle({
      title: 'Island volcano eruption forces evacuation',
      bodyHtml: '<p>The volcano erupted.</p>',
    });
    await store.createArticle(a);
    await store.createArticle(b);
    const first = await (await app.request(`/api/articles/${b.id}/related/refresh`, { method: 'POST' })).json();
    expect(first.changed).toContain(b.id);
    expect(first.related.map((r: { targetId: string }) => r.targetId)).toEqual([a.id]);
    const second = await (await app.request(`/api/articles/${b.id}/related/refresh`, { method: 'POST' })).json();
    expect(second.changed).toEqual([]);
  });
});
