import { type Context, Hono } from 'hono';
import { NotFoundError } from '../domain/errors.ts';
import type { Counter } from '../metrics/instruments.ts';
import { advertisedHubUrl, documentUrl } from '../publish/feed-catalog.ts';
import type { FeedDocument, FeedSink } from '../publish/feed-sink.ts';
import { acceptsGzip, isNotModified } from './conditional-get.ts';
import { createFeedArchive, type FeedArchiveDeps } from './feed-archive.ts';
import { createGzipCache } from './gzip-cache.ts';
import { statusOf } from './handle-error.ts';
import { type PollHeaders, readPollHeaders } from './poll-headers.ts';
import { STATIC_SECURITY_HEADERS } from './security-headers.ts';

/** "world.rss", and the tag and author feeds of issue 11: "tag/climate.atom", "author/ada-quill.json". */
const FEED_NAME = /^(?:(?:tag|author)\/)?[a-z0-9]+(?:-[a-z0-9]+)*\.(?:rss|atom|json)$/;

/**
 * CORS (https://fetch.spec.whatwg.org/#http-cors-protocol): feeds are public, so any origin
 * may read them; a script polling conditionally needs to read the validators and send them back.
 */
const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag, Last-Modified',
};
/** The answer to a preflight: If-None-Match and If-Modified-Since are not CORS-safelisted headers. */
const PREFLIGHT = {
  ...CORS,
  'Access-Control-Allow-Methods': 'GET, HEAD',
  'Access-Control-Allow-Headers': 'If-None-Match, If-Modified-Since',
  'Access-Control-Max-Age': '86400',
};

type HeaderSet = Record<string, string>;

/** Every header set one document can be answered with, built once: the route only picks one. */
interface PreparedDocument {
  etags: readonly [identity: string, gzip: string];
  ok: { identity: HeaderSet; gzip: HeaderSet };
  notModified: { identity: HeaderSet; gzip: HeaderSet };
  /** The gzip 200 headers with the compressed Content-Length, once the body is compressed. */
  gzipWithLength?: HeaderSet;
}

export interface FeedRoutes {
  /** Every request under /feeds/: documents, archive pages, HEAD and CORS preflights. */
  routes: Hono;
  /**
   * A poll's answer without Hono, or undefined for anything else: a GET with no
   * query for a document in memory whose answer needs no work (a 304, or a body
   * already at hand in the coding asked for). Polls are most of our traffic and
   * these are most polls, so they skip routing and the Context a route needs.
   * `underFeeds` is what follows /feeds/ in the request URL, query included.
   */
  answerFromMemory(request: Request, underFeeds: string, env: unknown): Response | undefined;
}

/**
 * Serves published feed documents exactly as the publish job stored them, and
 * older pages (`?before=<cursor>`, rendered once per version by feed-archive.ts)
 * the same way. Hono answers HEAD through this GET route and drops the body, so
 * every 200 states its Content-Length itself (RFC 9110 §9.3.2: HEAD sends the
 * header fields GET would).
 */
export function createFeedRoutes(
  deps: FeedArchiveDeps & { sink: FeedSink; feedResponses: Counter<'status'> },
): FeedRoutes {
  const { sink } = deps;
  // Bound once: counting a poll is then one addition, no lookup and no allocation per request.
  const counted = {
    ok: deps.feedResponses.labels({ status: '200' }),
    notModified: deps.feedResponses.labels({ status: '304' }),
  };
  const countFailure = (error: unknown): never => {
    deps.feedResponses.inc({ status: String((error instanceof Error && statusOf(error)) || 500) });
    throw error;
  };
  const maxAgeSeconds = deps.settings.feedMaxAge;
  const hubLink = `<${advertisedHubUrl(deps.settings)}>; rel="hub"`;
  const gzipped = createGzipCache();
  const archive = createFeedArchive(deps);
  const prepared = new WeakMap<FeedDocument, PreparedDocument>();

  /** `isTopic`: the current document, a WebSub topic; an older page (?before=) is not one and names no hub. */
  const prepare = (document: FeedDocument, isTopic: boolean): PreparedDocument => {
    const gzipEtag = `${document.etag.slice(0, -1)}-gzip"`; // each content coding is its own representation
    // RFC 9110 §15.4.5: a 304 carries the validators and caching headers the 200 would have.
    const validators = (etag: string) => ({
      'Cache-Control': `public, max-age=${maxAgeSeconds}`,
      ETag: etag,
      'Last-Modified': new Date(document.lastModified).toUTCString(),
      Vary: 'Accept-Encoding',
      ...CORS,
    });
    // The security headers go with the body only: a 304 updates the stored response's headers
    // and need not repeat them (RFC 9110 §15.4.5), so revalidations stay as small as they were.
    const content: Record<string, string> = { 'Content-Type': document.contentType, ...STATIC_SECURITY_HEADERS };
    // WebSub §4: discovery by HTTP Link headers, the hub and this document as the topic.
    if (isTopic) content.Link = `${hubLink}, <${documentUrl(deps.settings.publicUrl, document.name)}>; rel="self"`;
    return {
      etags: [document.etag, gzipEtag],
      notModified: { identity: validators(document.etag), gzip: validators(gzipEtag) },
      ok: {
        identity: { ...validators(document.etag), ...content, 'Content-Length': String(document.body.byteLength) },
        gzip: { ...validators(gzipEtag), ...content, 'Content-Encoding': 'gzip' },
      },
    };
  };

  const gzipResponse = (ready: PreparedDocument, body: Uint8Array<ArrayBuffer>): Response => {
    ready.gzipWithLength ??= { ...ready.ok.gzip, 'Content-Length': String(body.byteLength) };
    return new Response(body, { status: 200, headers: ready.gzipWithLength });
  };

  const preparedFor = (document: FeedDocument, isTopic: boolean): PreparedDocument => {
    let ready = prepared.get(document);
    if (!ready) prepared.set(document, (ready = prepare(document, isTopic)));
    return ready;
  };

  /** A 304, or a 200 whose body is at hand; undefined when the gzip body is not compressed yet. */
  const answerAtHand = (ready: PreparedDocument, document: FeedDocument, poll: PollHeaders): Response | undefined => {
    const encoding = acceptsGzip(poll.acceptEncoding) ? 'gzip' : 'identity';
    if (isNotModified(poll.ifNoneMatch, poll.ifModifiedSince, ready.etags, document.lastModified)) {
      counted.notModified.inc();
      return new Response(null, { status: 304, headers: ready.notModified[encoding] });
    }
    if (encoding === 'identity') {
      counted.ok.inc();
      return new Response(document.body, { status: 200, headers: ready.ok.identity });
    }
    const compressed = gzipped.peek(document.etag);
    if (!compressed) return undefined;
    counted.ok.inc();
    return gzipResponse(ready, compressed);
  };

  /** The answer for a document at hand; a Promise only when its gzip body is not compressed yet. */
  const respond = (c: Context, document: FeedDocument, isTopic = true): Response | Promise<Response> => {
    const ready = preparedFor(document, isTopic);
    const answer = answerAtHand(ready, document, readPollHeaders(c.req.raw, c.env));
    if (answer) return answer;
    counted.ok.inc();
    return gzipped.get(document.etag, document.body).then((body) => gzipResponse(ready, body));
  };

  const respondFromStore = async (c: Context, name: string): Promise<Response> => {
    const document = FEED_NAME.test(name) ? await sink.get(name) : undefined;
    if (!document) {
      deps.feedResponses.inc({ status: '404' });
      throw new NotFoundError(`no feed named "${name}"; the list of feeds is at /`);
    }
    return respond(c, document);
  };

  const serve = (c: Context, name: string): Response | Promise<Response> => {
    if (c.req.url.includes('?before=') || c.req.url.includes('&before=')) {
      const cursor = c.req.query('before') ?? '';
      if (FEED_NAME.test(name)) {
        // An older page is not a WebSub topic: respond(…, false) names no hub or self in Link headers.
        const page = archive.peek(name, cursor);
        if (page) return respond(c, page, false);
        return archive.get(name, cursor).then((document) => respond(c, document, false), countFailure);
      }
    }
    const cached = sink.peek?.(name);
    return cached ? respond(c, cached) : respondFromStore(c, name);
  };
  const preflight = (name: string) => {
    if (!FEED_NAME.test(name)) throw new NotFoundError(`no feed named "${name}"; the list of feeds is at /`);
    return new Response(null, { status: 204, headers: PREFLIGHT });
  };

  // Not an async handler: most polls are answered from memory, and not waiting on a
  // promise there is worth about a tenth of the route's throughput.
  const routes = new Hono()
    .get('/:name', (c) => serve(c, c.req.param('name')))
    .get('/tag/:name', (c) => serve(c, `tag/${c.req.param('name')}`))
    .get('/author/:name', (c) => serve(c, `author/${c.req.param('name')}`))
    .options('/:name', (c) => preflight(c.req.param('name')))
    .options('/tag/:name', (c) => preflight(`tag/${c.req.param('name')}`))
    .options('/author/:name', (c) => preflight(`author/${c.req.param('name')}`));

  const answerFromMemory = (request: Request, underFeeds: string, env: unknown): Response | undefined => {
    if (request.method !== 'GET') return undefined; // HEAD drops the body: Hono does that
    // Archive pages and stray queries: the routes parse them.
    if (underFeeds.includes('?')) return undefined;
    const document = sink.peek?.(underFeeds);
    return document && answerAtHand(preparedFor(document, true), document, readPollHeaders(request, env));
  };
  return { routes, answerFromMemory };
}
