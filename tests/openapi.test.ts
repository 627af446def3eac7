import { validate } from '@readme/openapi-parser';
import type { OpenAPIV3_1 } from 'openapi-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningTidings, startTidings } from './support/start-tidings.ts';

/** Routes under /api that are not API operations: the document itself and its reference page. */
const NOT_OPERATIONS = [/^\/api\/openapi\.json$/, /^\/api\/docs(\/|$)/];

describe('OpenAPI document of the admin API', () => {
  let tidings: RunningTidings;
  let doc: OpenAPIV3_1.Document;
  beforeAll(async () => {
    tidings = await startTidings({ SEED_SAMPLE_CONTENT: 'false' });
    const response = await tidings.request('/api/openapi.json'); // no token: the document is public
    expect(response.status).toBe(200);
    doc = (await response.json()) as OpenAPIV3_1.Document;
  });
  afterAll(() => tidings.stop());

  it('is a valid OpenAPI 3.1 document (@readme/openapi-parser)', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
  });

  it('documents every /api route the app registers (a new route fails here until it is documented)', () => {
    const registered = tidings.app.routes
      .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL')
      .filter((r) => !NOT_OPERATIONS.some((pattern) => pattern.test(r.path)))
      .map((r) => `${r.method} ${r.path.slice('/api'.length).replace(/:([^/]+)/g, '{$1}')}`);
    expect(registered.length).toBeGreaterThan(15);
    const documented = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
      Object.keys(item ?? {})
        .filter((key) => ['get', 'post', 'put', 'patch', 'delete'].includes(key))
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(registered.filter((route) => !documented.includes(route))).toEqual([]);
    expect(documented.filter((route) => !registered.includes(route))).toEqual([]);
  });

  it('names the bearer scheme, and every operation answers 401 in the error shape', () => {
    expect(doc.components?.securitySchemes?.adminToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.security).toEqual([{ adminToken: [] }]);
    expect(doc.servers).toEqual([{ url: '/api' }]);
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      for (const [method, operation] of Object.entries(item ?? {})) {
        const responses = (operation as OpenAPIV3_1.OperationObject).responses ?? {};
        expect(responses['401'], `${method} ${path}`).toMatchObject({
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        });
      }
    }
  });

  it('describes request bodies with the schemas that validate them', async () => {
    const create = doc.paths?.['/articles']?.post;
    const body = (create?.requestBody as OpenAPIV3_1.RequestBodyObject).content['application/json']
      ?.schema as OpenAPIV3_1.SchemaObject;
    expect(body.required).toEqual(expect.arrayContaining(['title', 'bodyHtml', 'category', 'author']));
    expect(body.additionalProperties).toBe(false); // strictObject: unknown fields are refused
    const list = doc.paths?.['/articles']?.get?.parameters as OpenAPIV3_1.ParameterObject[];
    expect(list.map((p) => p.name)).toEqual(expect.arrayContaining(['q', 'category', 'status', 'cursor', 'limit']));
    // …and the route refuses what the document says it refuses, in the documented error shape.
    const refused = await tidings.admin('POST', '/api/articles', { title: 'x', unknown: 1 });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      error: expect.stringMatching(/^invalid article: /),
      details: expect.any(Array),
    });
  });
});

describe('API reference page', () => {
  let tidings: RunningTidings;
  beforeAll(async () => {
    tidings = await startTidings({ SEED_SAMPLE_CONTENT: 'false' });
  });
  afterAll(() => tidings.stop());

  it('is public, loads only files from this server, and has no inline script', async () => {
    const response = await tidings.request('/api/docs');
    expect(response.status).toBe(200);
    const page = await response.text();
    const sources = [...page.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(sources).toEqual([
      '/favicon.svg',
      '/api/docs/assets/swagger-ui.css',
      '/api/docs/assets/swagger-ui-bundle.js',
      '/api/docs/assets/docs-init.js',
    ]);
    expect(page).not.toMatch(/<script>|<script(?![^>]*\ssrc=)[^>]*>/);
    expect(page).not.toMatch(/<style/);
    for (const asset of sources.slice(1) as string[]) {
      const file = await tidings.request(asset);
      expect(file.status, asset).toBe(200);
      expect(file.headers.get('content-type'), asset).toMatch(/^text\/(css|javascript)/);
    }
    expect((await tidings.request('/api/docs/assets/package.json')).status).toBe(404);
  });
});
