import { Hono } from 'hono';
import { csrf } from 'hono/csrf';
import { html } from 'hono/html';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { UnavailableError, ValidationError } from '../../domain/errors.ts';
import type { AppDeps } from '../app-deps.ts';
import { statusOf } from '../handle-error.ts';
import { pagePolicy } from '../page-policy.ts';
import { createArticlePages } from './article-pages.ts';
import { createConsoleAssetRoutes } from './console-assets.ts';
import { renderConsolePage } from './console-layout.ts';
import { createDashboardPage } from './dashboard-page.ts';
import { type ConsoleEnv, createSessionKeys, requireSession } from './session.ts';
import { renderSignIn } from './sign-in-page.ts';
import { createSourcePages } from './source-pages.ts';

/**
 * The newsroom console under /admin: server-rendered HTML forms over the same
 * store and domain rules as the admin API. Signing in exchanges the admin
 * token for a session cookie (session.ts); every POST must come from our own
 * origin (hono/csrf checks Origin) and carry the session's CSRF token.
 */
export function createConsoleRoutes(deps: AppDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  app.onError((error, c) => {
    const status = (statusOf(error) ?? 500) as ContentfulStatusCode;
    if (status === 500) deps.log.error('console: unhandled error', { path: c.req.path, error });
    const message =
      status === 500 ? 'Something went wrong on our side; the error is in the server log.' : error.message;
    const session = c.get('session');
    return c.html(
      renderConsolePage({
        title: status === 404 ? 'Not found' : 'Error',
        body: html`<h1>${status === 404 ? 'Not found' : 'That did not work'}</h1><p class="error">${message}</p><p><a href="/admin">Back to the dashboard</a></p>`,
        ...(session && { csrfToken: session.csrfToken }),
      }),
      status,
    );
  });
  app.use(pagePolicy);
  app.route('/', createConsoleAssetRoutes());

  const token = deps.config.adminToken;
  if (!token) {
    app.all('*', () => {
      throw new UnavailableError('the console is disabled: set ADMIN_TOKEN to enable it');
    });
    return app;
  }
  const keys = createSessionKeys(token, deps.now);
  const publicOrigin = new URL(deps.config.publicUrl).origin;
  // Form posts from any other origin are refused outright (the browser always sends Origin on POST).
  app.use(csrf({ origin: (origin, c) => origin === new URL(c.req.url).origin || origin === publicOrigin }));

  app.get('/sign-in', async (c) => {
    if (await keys.read(c)) return c.redirect('/admin', 303);
    return c.html(renderSignIn());
  });
  app.post('/sign-in', async (c) => {
    const form = await c.req.parseBody();
    const candidate = typeof form.token === 'string' ? form.token.trim() : '';
    if (!candidate || !(await keys.isAdminToken(candidate))) {
      return c.html(renderSignIn('That is not the admin token.'), 401);
    }
    await keys.issue(c);
    return c.redirect('/admin', 303);
  });

  app.use(requireSession(keys));
  // The second CSRF defence: every state-changing form carries the session's token.
  app.use(async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const form = await c.req.parseBody();
      if (form._csrf !== c.get('session').csrfToken) {
        throw new ValidationError('the form has expired or did not come from this console; reload it and try again');
      }
    }
    await next();
  });
  app.post('/sign-out', (c) => {
    keys.clear(c);
    return c.redirect('/admin/sign-in', 303);
  });
  app.route('/', createDashboardPage(deps));
  app.route('/', createArticlePages(deps));
  app.route('/', createSourcePages(deps));
  return app;
}
