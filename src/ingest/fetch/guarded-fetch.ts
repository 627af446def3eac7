import { checkUrlAllowed, type SsrfPolicy } from './ssrf-guard.ts';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

/**
 * fetch that checks every URL it is about to request, the first and each redirect target,
 * before sending anything: redirects are followed by hand, so a Location naming a private
 * address is refused like the URL itself. `redirect: 'manual'` and `'error'` keep their meaning.
 */
export function followCheckedRedirects(
  fetchOnce: (url: string, init: RequestInit) => Promise<Response>,
  check: (url: URL) => void | Promise<void>,
): typeof fetch {
  return (async (input: Parameters<typeof fetch>[0], init: RequestInit = {}) => {
    let url = new URL(input instanceof Request ? input.url : String(input));
    let request: RequestInit =
      input instanceof Request ? { method: input.method, headers: input.headers, ...init } : init;
    for (let hop = 0; ; hop++) {
      await check(url);
      const response = await fetchOnce(url.href, { ...request, redirect: 'manual' });
      const location = response.headers.get('location');
      if (!REDIRECTS.has(response.status) || location === null || init.redirect === 'manual') return response;
      await response.body?.cancel().catch(() => {});
      if (init.redirect === 'error' || hop >= MAX_REDIRECTS) throw new TypeError(`redirected from ${url.href}`);
      url = new URL(location, url);
      // Fetch §4.4 HTTP-redirect fetch: 303, and 301/302 after a POST, continue as a GET without a body.
      const method = (request.method ?? 'GET').toUpperCase();
      if (response.status === 303 || (method === 'POST' && response.status <= 302)) {
        const { body: _body, ...rest } = request;
        request = { ...rest, method: method === 'HEAD' ? 'HEAD' : 'GET' };
      }
    }
  }) as typeof fetch;
}

/**
 * The fetch for every outbound request that is not an ingest fetch (hub pings, image probes,
 * WebSub callbacks): each hop through the SSRF guard under OUTBOUND_ALLOW_NETWORKS.
 */
export function createGuardedFetch(fetchFn: typeof fetch, policy: SsrfPolicy): typeof fetch {
  return followCheckedRedirects(
    (url, init) => fetchFn(url, init),
    (url) => checkUrlAllowed(url, policy),
  );
}
