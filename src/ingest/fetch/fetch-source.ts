import { FetchError, parseRetryAfter } from './fetch-error.ts';
import { type NetworkTimer, startNetworkTimer } from './network-timer.ts';
import { readBody } from './read-body.ts';
import { BlockedAddressError, checkUrlAllowed, type SsrfPolicy } from './ssrf-guard.ts';

export interface FetchSourceOptions {
  /** WHATWG fetch: globalThis.fetch on Node and on Workers, or a test double of the same shape. */
  fetch: typeof fetch;
  ssrf: SsrfPolicy;
  userAgent: string;
  maxBytes: number;
  timeoutMs: number;
  idleTimeoutMs: number;
  maxRedirects?: number;
  signal?: AbortSignal;
  now?: () => number;
}

export interface FetchRequest {
  url: string;
  etag?: string;
  lastModified?: string;
}

export interface FetchResult {
  isModified: boolean;
  status: number;
  /** The URL the body came from, after redirects: relative links resolve against it. */
  finalUrl: string;
  /** Set when every redirect on the way was permanent (301/308): the source should move here. */
  permanentUrl?: string;
  body: Uint8Array;
  contentType?: string;
  etag?: string;
  lastModified?: string;
  /** Freshness the publisher declared: Cache-Control max-age (s) and Expires (ISO). */
  maxAgeSeconds?: number;
  expiresAt?: string;
}

const ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/json;q=0.8, application/xml;q=0.8, text/xml;q=0.8, text/html;q=0.5, */*;q=0.1';

/**
 * HTTP only, no parsing: a conditional GET with total and idle timeouts, a size cap while
 * streaming, redirects followed by hand (at most 5, loops refused, each hop through the SSRF
 * guard). Throws FetchError with the reason in words.
 */
export async function fetchSource(request: FetchRequest, options: FetchSourceOptions): Promise<FetchResult> {
  const now = options.now ?? Date.now;
  const controller = new AbortController();
  const abort = (reason: string) => controller.abort(new FetchError(reason));
  // Both count network time only (network-timer.ts): a stall of this thread is not the server's.
  const total = startNetworkTimer(options.timeoutMs, () => abort(`no complete answer within ${options.timeoutMs} ms`));
  let idle: NetworkTimer | undefined;
  const touch = () => {
    if (idle) idle.reset();
    else idle = startNetworkTimer(options.idleTimeoutMs, () => abort(`no data for ${options.idleTimeoutMs} ms`));
  };
  const onOuterAbort = () => abort('ingest was stopped');
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  if (options.signal?.aborted) onOuterAbort();
  try {
    touch();
    return await follow(request, options, controller.signal, touch, now);
  } catch (error) {
    throw describe(error, controller.signal);
  } finally {
    total.clear();
    idle?.clear();
    options.signal?.removeEventListener('abort', onOuterAbort);
  }
}

async function follow(
  request: FetchRequest,
  options: FetchSourceOptions,
  signal: AbortSignal,
  touch: () => void,
  now: () => number,
): Promise<FetchResult> {
  const maxRedirects = options.maxRedirects ?? 5;
  const visited = new Set<string>();
  let url = new URL(request.url);
  let isPermanent = true;
  for (let hop = 0; ; hop++) {
    if (visited.has(url.href)) throw new FetchError(`redirect loop back to ${url.href}`);
    visited.add(url.href);
    await untilAborted(checkUrlAllowed(url, options.ssrf), signal); // a slow DNS answer counts against the timeouts too
    const response = await options.fetch(url.href, {
      method: 'GET',
      redirect: 'manual',
      signal,
      headers: requestHeaders(request, options.userAgent, hop === 0),
    });
    touch();
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && response.status !== 304 && location) {
      await response.body?.cancel().catch(() => {});
      if (hop >= maxRedirects) throw new FetchError(`more than ${maxRedirects} redirects`, response.status);
      isPermanent &&= response.status === 301 || response.status === 308;
      url = new URL(location, url);
      continue;
    }
    return readResponse(response, url, hop > 0 && isPermanent, options, touch, now);
  }
}

async function readResponse(
  response: Response,
  url: URL,
  isMovedPermanently: boolean,
  options: FetchSourceOptions,
  touch: () => void,
  now: () => number,
): Promise<FetchResult> {
  const { status, headers } = response;
  const isOk = (status >= 200 && status < 300 && status !== 204) || status === 304;
  if (!isOk) {
    await response.body?.cancel().catch(() => {});
    const retryAfter =
      status === 429 || status === 503 ? parseRetryAfter(headers.get('retry-after'), now()) : undefined;
    const wait = retryAfter === undefined ? '' : `, retry after ${retryAfter} s`;
    throw new FetchError(`${url.href} answered ${status}${wait}`, status, retryAfter);
  }
  const declared = Number(headers.get('content-length'));
  if (declared > options.maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw new FetchError(`response declares ${declared} bytes, over the ${options.maxBytes}-byte limit`, status);
  }
  const body = status === 304 ? new Uint8Array() : await readBody(response, options.maxBytes, touch);
  const result: FetchResult = { isModified: status !== 304, status, finalUrl: url.href, body };
  if (isMovedPermanently) result.permanentUrl = url.href;
  copyHeader(headers, 'content-type', (v) => (result.contentType = v));
  copyHeader(headers, 'etag', (v) => (result.etag = v));
  copyHeader(headers, 'last-modified', (v) => (result.lastModified = v));
  const maxAge = /(?:^|,)\s*(?:s-)?max-age\s*=\s*"?(\d+)/i.exec(headers.get('cache-control') ?? '');
  if (maxAge?.[1]) result.maxAgeSeconds = Number(maxAge[1]);
  const expires = Date.parse(headers.get('expires') ?? '');
  if (!Number.isNaN(expires)) result.expiresAt = new Date(expires).toISOString();
  return result;
}

/** Settles with the promise, or rejects as soon as the signal aborts (a resolver cannot be cancelled). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function requestHeaders(request: FetchRequest, userAgent: string, isFirstHop: boolean): Record<string, string> {
  const headers: Record<string, string> = { 'user-agent': userAgent, accept: ACCEPT };
  // Validators belong to the stored URL; a redirect target gets a plain GET.
  if (isFirstHop && request.etag) headers['if-none-match'] = request.etag;
  if (isFirstHop && request.lastModified) headers['if-modified-since'] = request.lastModified;
  return headers;
}

function copyHeader(headers: Headers, name: string, set: (value: string) => void): void {
  const value = headers.get(name);
  if (value) set(value);
}

/** Turns whatever fetch threw into a FetchError that says what happened. */
function describe(error: unknown, signal: AbortSignal): FetchError {
  if (signal.aborted && signal.reason instanceof FetchError) return signal.reason;
  if (error instanceof FetchError) return error;
  if (error instanceof BlockedAddressError) return new FetchError(`refused: ${error.message}`);
  // fetch() rejects with a bare "fetch failed"; the reason is in its cause (ECONNRESET, ENOTFOUND…).
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  const message = cause?.message ?? (error instanceof Error ? error.message : String(error));
  const detail = cause?.code && !message.includes(cause.code) ? `${message} (${cause.code})` : message;
  return new FetchError(`connection failed: ${detail}`, undefined, undefined, { cause: error });
}
