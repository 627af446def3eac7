import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { SourceImportReport } from '../app/import-sources.ts';
import { ConflictError, NotFoundError } from '../domain/errors.ts';
import {
  externalItemQuerySchema,
  type PollBounds,
  sourceListQuerySchema,
  sourceSchemasWithin,
} from '../domain/source.ts';
import { applySourcePatch, createSourceFromInput } from '../domain/source-factory.ts';
import type { IngestOne } from '../ingest/run-ingest-cycle.ts';
import type { SourceStore } from '../store/store.ts';
import { HttpError } from './http-error.ts';
import { createApiRouter, invalid, requireJsonBody } from './openapi/api-router.ts';
import { errors, externalItemSchema, json, pageOf, sourceSchema } from './openapi/api-schemas.ts';

export interface SourceRouteDeps {
  store: SourceStore;
  /** The bound pipeline (createIngester) for "ingest this source now". */
  ingest: IngestOne;
  /** How long "ingest now" holds its claim on the source; longer than one fetch can take. */
  claimMs: number;
  now: () => Date;
  /** The poll intervals a source may ask for (config.ingest). */
  pollBounds: PollBounds;
  /** OPML import (app/import-sources.ts); without it, POST /sources/import is not offered. */
  importSources?: (opml: string) => Promise<SourceImportReport>;
}

/** What an OPML body may be labelled: OPML has no registered media type; readers send these. */
const OPML_MEDIA_TYPES = ['text/x-opml', 'application/xml', 'text/xml'];
const importReportSchema = z.object({
  created: z.array(
    z.object({ id: z.string(), url: z.string(), name: z.string(), categoryHint: z.string().optional() }),
  ),
  skipped: z.array(z.object({ url: z.string(), reason: z.string() })),
  invalid: z.array(z.object({ url: z.string(), reason: z.string() })),
});

const idParams = z.strictObject({ id: z.string().min(1).max(64) });
const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
const tags = ['Sources'];

const list = createRoute({
  method: 'get',
  path: '/sources',
  tags,
  summary: 'Sources with their health: last fetch and success, status, items, failures, next poll, last error',
  request: { query: sourceListQuerySchema },
  responses: { 200: json(pageOf(sourceSchema), 'A page of sources'), ...errors(400) },
});
const read = createRoute({
  method: 'get',
  path: '/sources/{id}',
  tags,
  summary: 'One source and its health',
  request: { params: idParams },
  responses: { 200: json(sourceSchema, 'The source'), ...errors(404) },
});
const remove = createRoute({
  method: 'delete',
  path: '/sources/{id}',
  tags,
  summary: 'Remove a source; its items go with it',
  request: { params: idParams },
  responses: { 204: { description: 'Removed' }, ...errors(404) },
});
const ingestNow = createRoute({
  method: 'post',
  path: '/sources/{id}/ingest',
  tags,
  summary: 'Fetch that source now, whatever its schedule',
  request: { params: idParams },
  responses: {
    200: json(z.object({ outcome: z.record(z.string(), z.unknown()), source: sourceSchema }), 'What the fetch did'),
    ...errors(404, 409),
  },
});
const importOpml = createRoute({
  method: 'post',
  path: '/sources/import',
  tags,
  summary:
    'Register every feed of an OPML subscription list (text/x-opml or application/xml), all or nothing: ' +
    'folders become category hints, known URLs are skipped; one bad outline (a javascript: URL) refuses the list (400, details)',
  request: {
    body: {
      content: { 'text/x-opml': { schema: z.string() }, 'application/xml': { schema: z.string() } },
      required: true,
    },
  },
  responses: {
    201: json(importReportSchema, 'Sources created (and those skipped)'),
    200: json(importReportSchema, 'Nothing new: every feed was registered already'),
    ...errors(400, 413, 415, 422),
  },
});
const items = createRoute({
  method: 'get',
  path: '/external-items',
  tags,
  summary: 'Browse ingested items, newest first; q searches title and summary',
  request: { query: externalItemQuerySchema },
  responses: { 200: json(pageOf(externalItemSchema), 'A page of items'), ...errors(400) },
});

/** Create and edit, documented with this configuration's poll bounds (the schema's minimum and maximum). */
function writeRoutes(bounds: PollBounds) {
  const schemas = sourceSchemasWithin(bounds);
  const create = createRoute({
    method: 'post',
    path: '/sources',
    tags,
    summary: 'Register an external feed (or a page that links one)',
    middleware: [requireJsonBody],
    request: jsonBody(schemas.input),
    responses: { 201: json(sourceSchema, 'Registered; Location names it'), ...errors(400, 409, 413, 415) },
  });
  const patch = createRoute({
    method: 'patch',
    path: '/sources/{id}',
    tags,
    summary: 'Edit a source: any subset of fields; null clears the category hint',
    middleware: [requireJsonBody],
    request: { params: idParams, ...jsonBody(schemas.patch) },
    responses: { 200: json(sourceSchema, 'The edited source'), ...errors(400, 404, 409, 413, 415) },
  });
  return { create, patch };
}

/** Admin API for external sources and their items, mounted under /api behind the bearer token. */
export function createSourceRoutes(deps: SourceRouteDeps): OpenAPIHono {
  const { store } = deps;
  const now = () => deps.now().toISOString();
  const mustGet = async (id: string) => {
    const source = await store.getSource(id);
    if (!source) throw new NotFoundError(`no source with id "${id}"`);
    return source;
  };

  const { create, patch } = writeRoutes(deps.pollBounds);
  const app = createApiRouter();
  app.openapi(list, async (c) => c.json(await store.listSources(c.req.valid('query')), 200));
  app.openapi(
    create,
    async (c) => {
      const source = createSourceFromInput(c.req.valid('json'), now());
      await store.createSource(source);
      c.header('Location', `/api/sources/${source.id}`);
      return c.json(await mustGet(source.id), 201);
    },
    invalid('source'),
  );
  app.openapi(read, async (c) => c.json(await mustGet(c.req.valid('param').id), 200));
  app.openapi(
    patch,
    async (c) => {
      const source = applySourcePatch(await mustGet(c.req.valid('param').id), c.req.valid('json'), now());
      await store.updateSource(source);
      return c.json(await mustGet(source.id), 200);
    },
    invalid('source patch'),
  );
  app.openapi(remove, async (c) => {
    const { id } = c.req.valid('param');
    if (!(await store.deleteSource(id))) throw new NotFoundError(`no source with id "${id}"`);
    return c.body(null, 204);
  });
  app.openapi(ingestNow, async (c) => {
    const { id } = c.req.valid('param');
    const at = deps.now().getTime();
    const source = await store.claimSource(id, new Date(at).toISOString(), new Date(at + deps.claimMs).toISOString());
    if (!source) {
      await mustGet(id);
      throw new ConflictError(`source ${id} is being ingested right now; try again when that run ends`);
    }
    const outcome = await deps.ingest(source);
    return c.json({ outcome: { ...outcome }, source: await mustGet(id) }, 200);
  });
  app.openapi(importOpml, async (c) => {
    if (!deps.importSources) throw new NotFoundError('OPML import is not available here');
    const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!OPML_MEDIA_TYPES.includes(type)) {
      throw new HttpError(
        415,
        `expected an OPML body (Content-Type: text/x-opml or application/xml), got ${type || 'none'}`,
      );
    }
    const report = await deps.importSources(await c.req.text());
    return report.created.length > 0 ? c.json(report, 201) : c.json(report, 200);
  });
  app.openapi(items, async (c) => {
    const { source, ...query } = c.req.valid('query');
    return c.json(await store.listExternalItems({ ...query, ...(source ? { sourceId: source } : {}) }), 200);
  });
  return app;
}
