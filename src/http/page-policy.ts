import type { MiddlewareHandler } from 'hono';

/**
 * The Content-Security-Policy of our interactive pages (the console, the API
 * reference): scripts, styles and forms from this origin only, no inline
 * script or style, never framed (clickjacking). Images may come from any https
 * site (articles' lead images) or data: URLs (Swagger UI's icons). When a
 * policy is already set by an outer middleware (site-wide security headers),
 * that one stands.
 */
export const PAGE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https: data:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

function policyMiddleware(policy: string): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (!c.res.headers.has('Content-Security-Policy')) c.res.headers.set('Content-Security-Policy', policy);
  };
}

export const pagePolicy: MiddlewareHandler = policyMiddleware(PAGE_POLICY);

/**
 * The policy of a page that shows article bodies: the same, plus `frame-src` for the players of
 * EMBED_HOSTS, whose iframes the sanitizer keeps (https only); without it a browser refuses them
 * under `default-src 'self'`. With no host listed it is PAGE_POLICY itself.
 */
export function articlePolicy(embedHosts: readonly string[]): MiddlewareHandler {
  const frames = embedHosts.map((host) => `https://${host}`).join(' ');
  return policyMiddleware(frames ? `${PAGE_POLICY}; frame-src ${frames}` : PAGE_POLICY);
}
