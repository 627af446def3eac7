import { Hono } from 'hono';
import { html } from 'hono/html';
import type { MediaFile } from '../app-deps.ts';
import { pagePolicy } from '../page-policy.ts';

/** The Swagger UI files the page loads, read from node_modules/swagger-ui-dist by the runtime's adapter. */
export const SWAGGER_UI_FILES = ['swagger-ui.css', 'swagger-ui-bundle.js'] as const;
export type SwaggerUiFile = (typeof SWAGGER_UI_FILES)[number];

// Our own start-up script, a file like the others: the pages' Content-Security-Policy allows no inline script.
// validatorUrl null: Swagger UI would otherwise send the document to an online validator.
const INIT_JS = `window.addEventListener('DOMContentLoaded', function () {
  window.ui = SwaggerUIBundle({
    url: '/api/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    defaultModelsExpandDepth: 0,
  });
});
`;

/**
 * GET /api/docs: a reference page for the admin API (Swagger UI over
 * /api/openapi.json), public like the document. Every asset comes from this
 * server, nothing from a CDN, so it works offline. Without `readAsset`
 * (a runtime with no node_modules at hand, i.e. Workers) the page says so and
 * links the document.
 */
export function createDocsRoutes(readAsset?: (name: SwaggerUiFile) => Promise<MediaFile | undefined>): Hono {
  const app = new Hono();
  app.use('/docs', pagePolicy);
  app.get('/docs', (c) =>
    c.html(html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Tidings admin API reference</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
${readAsset ? html`<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">` : ''}
</head>
<body>
<main id="swagger-ui">
<h1>Tidings admin API</h1>
<p>The OpenAPI 3.1 document: <a href="/api/openapi.json">/api/openapi.json</a>.
${readAsset ? html`<noscript>The interactive reference needs JavaScript.</noscript>` : 'The interactive reference is served by the Node server only.'}</p>
</main>
${readAsset ? html`<script src="/api/docs/assets/swagger-ui-bundle.js"></script><script src="/api/docs/assets/docs-init.js"></script>` : ''}
</body>
</html>`),
  );
  app.get('/docs/assets/docs-init.js', (c) =>
    c.body(INIT_JS, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }),
  );
  app.get('/docs/assets/:name', async (c) => {
    const name = c.req.param('name');
    const file =
      readAsset && (SWAGGER_UI_FILES as readonly string[]).includes(name)
        ? await readAsset(name as SwaggerUiFile)
        : undefined;
    if (!file) return c.json({ error: `nothing at ${c.req.path}` }, 404);
    return c.body(file.body, 200, { 'Content-Type': file.contentType, 'Cache-Control': 'public, max-age=86400' });
  });
  return app;
}
