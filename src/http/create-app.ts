import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError, NotFoundError } from '../domain/errors.ts';
import type { AppDeps } from './app-deps.ts';
import { createArticleRoutes } from './article-routes.ts';
import { createFeedRoutes } from './feed-routes.ts';
import { createErrorHandler } from './handle-error.ts';
import { createPageRoutes } from './page-routes.ts';
import { requireAdmin } from './require-admin.ts';

/** Largest admin request body: a long article with room to spare. */
const MAX_ADMIN_BODY_BYTES = 1024 * 1024;
const MEDIA_NAME = /^[a-z0-9][a-z0-9._-]*\.(?:jpe?g|png|gif|webp|svg)$/i;

/** The whole HTTP surface, built from the dependencies it is given. */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  app.onError(createErrorHandler(deps.log));
  app.notFound((c) => c.json({ error: `nothing at ${c.req.path}` }, 404));

  app.route('/feeds', createFeedRoutes(deps.sink, deps.config.feedMaxAge));

  app.get('/media/:name', async (c) => {
    const name = c.req.param('name');
    const media = MEDIA_NAME.test(name) ? await deps.readMedia?.(name) : undefined;
    if (!media) throw new NotFoundError(`no media named "${name}"`);
    return c.body(media.body, 200, { 'Content-Type': media.contentType, 'Cache-Control': 'public, max-age=86400' });
  });

  app.get('/healthz', (c) => c.json({ ok: true }));

  const api = new Hono();
  api.use(requireAdmin(deps.config.adminToken));
  api.use(
    bodyLimit({
      maxSize: MAX_ADMIN_BODY_BYTES,
      onError: (c) => {
        // The rest of the body is never read, so the connection cannot carry another request.
        c.header('Connection', 'close');
        throw new AppError(413, `request body is larger than ${MAX_ADMIN_BODY_BYTES} bytes`);
      },
    }),
  );
  api.route('/', createArticleRoutes(deps));
  app.route('/api', api);

  // Last: article pages match any /<category>/<slug>.
  app.route('/', createPageRoutes(deps));
  return app;
}
