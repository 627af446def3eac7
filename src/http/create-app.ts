import { type Context, type ExecutionContext, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { NotFoundError } from '../domain/errors.ts';
import type { AppDeps } from './app-deps.ts';
import { createArticleRoutes } from './article-routes.ts';
import { createConsoleRoutes } from './console/console-routes.ts';
import { createFeedRoutes } from './feed-routes.ts';
import { createFollowPages } from './follow-pages.ts';
import { createErrorHandler } from './handle-error.ts';
import { HttpError } from './http-error.ts';
import { logRequests } from './log-requests.ts';
import { createMediaRoutes } from './media-routes.ts';
import { createApiRouter } from './openapi/api-router.ts';
import { createDocsRoutes } from './openapi/docs-page.ts';
import { serveOpenApiDocument } from './openapi/openapi-document.ts';
import { createOpmlRoutes } from './opml-routes.ts';
import { createOpsRoutes } from './ops-routes.ts';
import { createPageRoutes } from './page-routes.ts';
import { errorPage } from './pages/error-page.ts';
import { createSiteParts } from './pages/site-parts.ts';
import { requestTargetOf } from './poll-headers.ts';
import { createRelatedRoutes } from './related-routes.ts';
import { requireAdmin } from './require-admin.ts';
import { securityHeaders, withSecurityHeaders } from './security-headers.ts';
import { createSourceRoutes } from './source-routes.ts';
import { createWebSubAdminRoutes } from './websub-admin-routes.ts';
import { createWebSubRoutes } from './websub-routes.ts';

/** Largest admin request body: a long article with room to spare. */
const MAX_ADMIN_BODY_BYTES = 1024 * 1024;

/** The whole HTTP surface, built from the dependencies it is given. */
export function createApp(deps: AppDeps): Hono {
  const pages = createPageRoutes(deps);
  // Browsers outside /api get the reader site's error page for any error; everyone else JSON.
  const parts = createSiteParts(deps.config);
  const onError = createErrorHandler(deps.log, {
    errorPage: (c, status, message) => errorPage(c, deps.config, parts, status, message),
  });
  const { sink, store, config, now, renderers, metrics } = deps;
  const feedResponses = metrics.feedResponses;

  // Feed polls are most of our traffic: a poll answered from memory skips Hono altogether
  // (answerFromMemory), and the rest of /feeds/… is dispatched by an app of its own with no
  // middleware (no compose, no promise; see the end), its security headers prepared with each
  // document (feed-routes.ts). Every other path has the security headers site-wide.
  const feeds = new Hono();
  feeds.onError(async (error, c) => withSecurityHeaders(await onError(error, c)));
  const feedRoutes = createFeedRoutes({ sink, store, settings: config, now, renderers, feedResponses });
  feeds.route('/feeds', feedRoutes.routes);

  const app = new Hono();
  app.onError(onError);
  app.use(...securityHeaders);
  app.route('/media', createMediaRoutes(deps.readMedia));

  app.route('/', createOpsRoutes(deps));

  app.route(
    '/websub',
    createWebSubRoutes({ ...(deps.websub && { hub: deps.websub }), externalHub: config.websubHub, log: deps.log }),
  );

  // The admin API documents itself: its routes are registered with their zod schemas, and the
  // document and its reference page (registered first, so no token is asked for them) are public.
  const api = createApiRouter();
  api.use(logRequests(deps.log));
  api.route('/', createDocsRoutes(deps.readApiDocsAsset));
  serveOpenApiDocument(api, config.siteTitle);
  api.use(requireAdmin(deps.config.adminToken));
  api.use(
    bodyLimit({
      maxSize: MAX_ADMIN_BODY_BYTES,
      onError: (c) => {
        // The rest of the body is never read, so the connection cannot carry another request.
        c.header('Connection', 'close');
        throw new HttpError(413, `request body is larger than ${MAX_ADMIN_BODY_BYTES} bytes`);
      },
    }),
  );
  api.route('/', createArticleRoutes(deps));
  api.route(
    '/',
    createRelatedRoutes({
      store,
      siteUrl: config.siteUrl,
      relatedLinks: config.relatedLinks,
      refreshRelated: deps.refreshRelated,
    }),
  );
  if (deps.websub) api.route('/', createWebSubAdminRoutes({ hub: deps.websub }));
  if (deps.ingest) {
    const { ingest, importSources } = deps;
    api.route(
      '/',
      createSourceRoutes({
        store,
        now,
        ingest,
        importSources,
        claimMs: config.ingest.claimMs,
        pollBounds: config.ingest,
      }),
    );
  }
  // Last, after every endpoint: what no endpoint matched is a 404 about the API (with the token;
  // without it requireAdmin answers 401 first), not the reader site's "nothing at /api/…".
  api.all('*', (c) => {
    throw new NotFoundError(`no API endpoint ${c.req.method} ${c.req.path}; see /api/openapi.json`);
  });
  app.route('/api', api);

  app.route('/admin', createConsoleRoutes(deps));
  app.route('/', pages.index);
  app.route('/', createFollowPages(deps));
  app.route('/', createOpmlRoutes(deps));

  // Category and article pages live at /<category> and /<category>/<slug>, patterns that overlap
  // /feeds/<name> and /media/<name>. Mounted beside them they would force Hono from its
  // RegExpRouter onto the slower TrieRouter for every feed poll; as the fallback for unmatched
  // paths they cost nothing on the hot path.
  const site = pages.site;
  site.onError(onError);
  app.notFound((c) => site.fetch(c.req.raw, c.env, executionCtxOf(c)));

  const serveOthers = app.fetch;
  feeds.notFound((c) => serveOthers(c.req.raw, c.env, executionCtxOf(c))); // e.g. /feeds/a/b/c: the site's 404
  app.fetch = (request, env, executionCtx) => {
    const underFeeds = pathUnderFeeds(request, env);
    if (underFeeds === undefined) return serveOthers(request, env, executionCtx);
    return feedRoutes.answerFromMemory(request, underFeeds, env) ?? feeds.fetch(request, env, executionCtx);
  };
  return app;
}

const FEEDS_PREFIX = '/feeds/';

/**
 * What follows /feeds/ in the request's path (query included), or undefined when its path does
 * not start with /feeds/; without parsing the URL (this runs on every request).
 *
 * On Node the request line's own target is read first. @hono/node-server builds `request.url`
 * by joining scheme, host and target, and the first scan of such a string copies it whole:
 * about a microsecond per poll (CPU profile), for a URL nothing else on the poll path reads.
 * A target under /feeds/ names a document only if it is exactly one's name, which has no dot
 * segments or escapes, so the URL's normalized path would be the same; anything else falls
 * through to the routes, which read the URL. A target elsewhere may still resolve to /feeds/…
 * (`/a/../feeds/x`): the URL decides then.
 */
function pathUnderFeeds(request: Request, env: unknown): string | undefined {
  const target = requestTargetOf(env);
  if (target?.startsWith(FEEDS_PREFIX)) return target.slice(FEEDS_PREFIX.length);
  const { url } = request;
  const pathAt = url.indexOf('/', url.indexOf('//') + 2);
  return url.startsWith(FEEDS_PREFIX, pathAt) ? url.slice(pathAt + FEEDS_PREFIX.length) : undefined;
}

/** Passed on to the fallback apps so that waitUntil still works there on Workers; Node has none (Hono throws). */
function executionCtxOf(c: Context): ExecutionContext | undefined {
  try {
    return c.executionCtx;
  } catch {
    return undefined;
  }
}
