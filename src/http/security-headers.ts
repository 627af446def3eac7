import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { PAGE_POLICY } from './page-policy.ts';

/**
 * The Content-Security-Policy of everything that is not one of our pages (JSON, feeds, text,
 * images, CSS): such a response loads nothing and may not be framed, so even one that a browser
 * was tricked into rendering as a document can run nothing.
 */
export const RESOURCE_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Never framed (clickjacking): X-Frame-Options for browsers that predate frame-ancestors. */
const FRAME_OPTIONS = 'DENY';
/** Other sites learn our origin when a reader follows a link out, never the path (which may name a draft). */
const REFERRER_POLICY = 'strict-origin-when-cross-origin';

/**
 * The security headers of a response built outside the middleware: feed documents, whose header
 * sets are prepared once per document (feed-routes.ts), and errors the feed routes throw.
 */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': FRAME_OPTIONS,
  'Referrer-Policy': REFERRER_POLICY,
  'Content-Security-Policy': RESOURCE_POLICY,
};

/**
 * Hono's secureHeaders with our values, for every route but the feeds. `overwrite: false` keeps
 * what a route set itself: the pages' own CSP (PAGE_POLICY) and /media's Cross-Origin-Resource-Policy.
 * Strict-Transport-Security is left to whoever terminates TLS: sent from here it would also bind
 * the publisher's other subdomains (includeSubDomains) to HTTPS for half a year.
 */
const resourceHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'none'"],
  },
  xFrameOptions: FRAME_OPTIONS,
  referrerPolicy: REFERRER_POLICY,
  strictTransportSecurity: false,
  overwrite: false,
});

/**
 * An HTML response that set no policy of its own (a tag page, the 410 notice, an error page) gets
 * the pages' policy: no inline script or style, same-origin assets (page-policy.ts).
 */
const htmlPolicy: MiddlewareHandler = async (c, next) => {
  await next();
  const headers = c.res.headers;
  if (!headers.has('Content-Security-Policy') && headers.get('Content-Type')?.startsWith('text/html')) {
    headers.set('Content-Security-Policy', PAGE_POLICY);
  }
};

/** Site-wide: the outer one runs last, so the HTML policy is in place before the resource policy is considered. */
export const securityHeaders: MiddlewareHandler[] = [resourceHeaders, htmlPolicy];

/** Adds the static security headers a response lacks (an error answered outside the middleware). */
export function withSecurityHeaders(response: Response): Response {
  const isHtml = response.headers.get('Content-Type')?.startsWith('text/html') ?? false;
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) {
    if (response.headers.has(name)) continue;
    response.headers.set(name, name === 'Content-Security-Policy' && isHtml ? PAGE_POLICY : value);
  }
  return response;
}
