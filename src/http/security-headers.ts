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
 * what a route set itself, such as /media's Cross-Origin-Resource-Policy. The CSP is set apart
 * (policyFor), because which one applies depends on what the response is.
 * Strict-Transport-Security is left to whoever terminates TLS: sent from here it would also bind
 * the publisher's other subdomains (includeSubDomains) to HTTPS for half a year.
 */
const resourceHeaders = secureHeaders({
  xFrameOptions: FRAME_OPTIONS,
  referrerPolicy: REFERRER_POLICY,
  strictTransportSecurity: false,
  overwrite: false,
});

/**
 * The policy of a response that set none of its own: an HTML one (a tag page, the 410 notice, an
 * error page) gets the pages' policy, no inline script or style, same-origin assets
 * (page-policy.ts); anything else the resource policy, which loads nothing.
 */
function policyFor(headers: Headers): string {
  return headers.get('Content-Type')?.startsWith('text/html') ? PAGE_POLICY : RESOURCE_POLICY;
}

const missingPolicy: MiddlewareHandler = async (c, next) => {
  await next();
  if (!c.res.headers.has('Content-Security-Policy'))
    c.res.headers.set('Content-Security-Policy', policyFor(c.res.headers));
};

/** Site-wide. */
export const securityHeaders: MiddlewareHandler[] = [resourceHeaders, missingPolicy];

/** Adds the static security headers a response lacks (an error answered outside the middleware). */
export function withSecurityHeaders(response: Response): Response {
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) {
    if (response.headers.has(name)) continue;
    response.headers.set(name, name === 'Content-Security-Policy' ? policyFor(response.headers) : value);
  }
  return response;
}
