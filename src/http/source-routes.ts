import { Hono } from 'hono';
import { ConflictError, NotFoundError } from '../domain/errors.ts';
import {
  externalItemQuerySchema,
  sourceInputSchema,
  sourceListQuerySchema,
  sourcePatchSchema,
} from '../domain/source.ts';
import { applySourcePatch, createSourceFromInput } from '../domain/source-factory.ts';
import { validate } from '../domain/validate.ts';
import type { IngestOne } from '../ingest/run-ingest-cycle.ts';
import type { SourceStore } from '../store/store.ts';
import { readJson } from './read-body.ts';

export interface SourceRouteDeps {
  store: SourceStore;
  /** The bound pipeline (createIngester) for "ingest this source now". */
  ingest: IngestOne;
  /** How long "ingest now" holds its claim on the source; longer than one fetch can take. */
  claimMs: number;
  now: () => Date;
}

/** Admin API for external sources and their items, mounted under /api behind the bearer token. */
export function createSourceRoutes(deps: SourceRouteDeps): Hono {
  const { store } = deps;
  const now = () => deps.now().toISOString();
  const mustGet = async (id: string) => {
    const source = await store.getSource(id);
    if (!source) throw new NotFoundError(`no source with id "${id}"`);
    return source;
  };

  return new Hono()
    .get('/sources', async (c) =>
      c.json(await store.listSources(validate(sourceListQuerySchema, c.req.query(), 'query'))),
    )
    .post('/sources', async (c) => {
      const input = validate(sourceInputSchema, await readJson(c), 'source');
      const source = createSourceFromInput(input, now());
      await store.createSource(source);
      c.header('Location', `/api/sources/${source.id}`);
      return c.json(await mustGet(source.id), 201);
    })
    .get('/sources/:id', async (c) => c.json(await mustGet(c.req.param('id'))))
    .patch('/sources/:id', async (c) => {
      const patch = validate(sourcePatchSchema, await readJson(c), 'source patch');
      const source = applySourcePatch(await mustGet(c.req.param('id')), patch, now());
      await store.updateSource(source);
      return c.json(await mustGet(source.id));
    })
    .delete('/sources/:id', async (c) => {
      if (!(await store.deleteSource(c.req.param('id'))))
        throw new NotFoundError(`no source with id "${c.req.param('id')}"`);
      return c.body(null, 204);
    })
    .post('/sources/:id/ingest', async (c) => {
      const id = c.req.param('id');
      const at = deps.now().getTime();
      const source = await store.claimSource(id, new Date(at).toISOString(), new Date(at + deps.claimMs).toISOString());
      if (!source) {
        await mustGet(id);
        throw new ConflictError(`source ${id} is being ingested right now; try again when that run ends`);
      }
      const outcome = await deps.ingest(source);
      return c.json({ outcome, source: await mustGet(id) });
    })
    .get('/external-items', async (c) => {
      const { source, ...query } = validate(externalItemQuerySchema, c.req.query(), 'query');
      return c.json(await store.listExternalItems({ ...query, ...(source ? { sourceId: source } : {}) }));
    });
}
