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

export const pagePolicy: MiddlewareHandler = async (c, next) => {
  await next();
  if (!c.res.headers.has('Content-Security-Policy')) c.res.headers.set('Content-Security-Policy', PAGE_POLICY);
};
