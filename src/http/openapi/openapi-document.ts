import type { OpenAPIHono } from '@hono/zod-openapi';

/** The parts of /api/openapi.json that no route states: who we are, where, and how to authenticate. */
export function serveOpenApiDocument(api: OpenAPIHono, siteTitle: string): void {
  api.openAPIRegistry.registerComponent('securitySchemes', 'adminToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'The ADMIN_TOKEN the service was started with: `Authorization: Bearer <token>`',
  });
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: `${siteTitle} admin API`,
      version: '1',
      description:
        'JSON over HTTP behind a bearer token. Errors are `{ "error": "<what failed>", "details": … }`; ' +
        'a failed request writes nothing. The console at /admin is built on the same rules.',
    },
    // Relative to the document's own URL (OpenAPI 3.1, Server Object): paths below are under /api.
    servers: [{ url: '/api' }],
    security: [{ adminToken: [] }],
  });
}
