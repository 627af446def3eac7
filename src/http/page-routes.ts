import { type Context, Hono } from 'hono';
import type { AppDeps } from './app-deps.ts';
import { FAVICON_SVG, FEED_ICON_PNG_BASE64 } from './page-layout.ts';
import { articlePolicy, pagePolicy } from './page-policy.ts';
import { articlePage } from './pages/article.ts';
import { categoryPage } from './pages/category.ts';
import { errorPage, wantsHtml } from './pages/error-page.ts';
import { homePage } from './pages/home.ts';
import { createSeoRoutes } from './pages/seo-routes.ts';
import { SITE_CSS } from './pages/site-assets.ts';
import { createSiteParts } from './pages/site-parts.ts';

const ASSET_CACHE = 'public, max-age=86400';
const FEED_ICON_PNG = Uint8Array.from(atob(FEED_ICON_PNG_BASE64), (c) => c.charCodeAt(0));

/**
 * The reader site: `index` holds the fixed paths (home, assets, robots and
 * sitemaps); `site` the patterns (/<category>, and /<category>/<slug> when we
 * are the site), mounted as the fallback for unmatched paths, which also
 * answers a browser's dead link with the HTML 404 page.
 */
export function createPageRoutes(deps: AppDeps): { index: Hono; site: Hono } {
  const parts = createSiteParts(deps.config);
  const index = new Hono()
    .get('/favicon.svg', (c) =>
      c.body(FAVICON_SVG, 200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': ASSET_CACHE }),
    )
    // The feeds' channel image (RSS 2.0 allows GIF, JPEG or PNG there, not SVG), shown by readers
    // on other sites: cross-origin, whatever the site-wide Cross-Origin-Resource-Policy says.
    .get('/favicon.png', (c) =>
      c.body(FEED_ICON_PNG, 200, {
        'Content-Type': 'image/png',
        'Cache-Control': ASSET_CACHE,
        'Cross-Origin-Resource-Policy': 'cross-origin',
      }),
    )
    .get('/site.css', (c) =>
      c.body(SITE_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': ASSET_CACHE }),
    )
    .get('/', pagePolicy, (c) => homePage(c, deps, parts))
    .route('/', createSeoRoutes(deps));

  // The same Content-Security-Policy as the console's: reader pages have no inline script or style.
  // An article page may also frame the players of EMBED_HOSTS (its own policy is set first, so it stands).
  const site = new Hono();
  if (!deps.config.siteIsExternal) {
    site.get('/:category/:slug', articlePolicy(deps.config.embedHosts), (c) => articlePage(c, deps, parts));
  }
  site.use(pagePolicy).get('/:category', (c) => categoryPage(c, deps, parts));
  site.notFound((c: Context) =>
    wantsHtml(c)
      ? errorPage(c, deps.config, parts, 404, `There is nothing at ${c.req.path}.`)
      : c.json({ error: `nothing at ${c.req.path}` }, 404),
  );
  return { index, site };
}
