/**
 * globalSetup of the workers project, run in Node: a real feed server on
 * 127.0.0.1 for the ingest tests in workerd, and what the Node runtime makes
 * of each document (decode -> parse -> normalize), so the workerd tests can
 * check that both runtimes produce the same items from the same bytes.
 */
import type { TestProject } from 'vitest/node';
import { decodeCharset } from '../../src/ingest/fetch/decode-charset.ts';
import { normalizeFeed } from '../../src/ingest/normalize/normalize.ts';
import { parseFeed } from '../../src/ingest/parse/parse-feed.ts';
import { type Handler, serve, serveWithEtag, startFeedServer } from '../support/hostile-feed-server.ts';
import * as feeds from '../support/hostile-feeds.ts';
import { FETCHED_AT, type NodeResult, PARITY_DOCUMENTS } from './ingest-parity-documents.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    feedOrigin: string;
    nodeResults: Record<string, NodeResult>;
  }
}

export default async function setup(project: TestProject) {
  let inFlight = 0;
  let maxInFlight = 0;
  const slow: Handler = (_req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    setTimeout(() => {
      inFlight--;
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feeds.rss(feeds.item('slow')));
    }, 50);
  };
  const server = await startFeedServer({ '/slow': slow });
  server.route('/etag', serveWithEtag(feeds.manyItems(3), 'application/rss+xml', '"v1"'));
  // How often each path was asked for, and the most /slow requests at once: the workerd tests read it.
  server.route('/__stats', (req, res) => {
    const counts: Record<string, number> = {};
    for (const r of server.requests) counts[r.path] = (counts[r.path] ?? 0) + 1;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ counts, maxInFlight }));
    if (req.url?.includes('reset')) {
      server.requests.length = 0;
      maxInFlight = 0;
    }
  });

  // A WebSub subscriber for tests/worker/websub-on-workers.test.ts: it confirms every
  // verification and keeps every delivery, which /__websub hands back (and clears with ?reset).
  const deliveries: { headers: Record<string, unknown>; body: string }[] = [];
  const verifications: string[] = [];
  server.route('/websub/callback', (req, res) => {
    const url = new URL(req.url ?? '/', server.origin);
    if (req.method === 'GET') {
      verifications.push(url.search);
      res.writeHead(200, { 'content-type': 'text/plain' }).end(url.searchParams.get('hub.challenge') ?? '');
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      deliveries.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  server.route('/__websub', (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ verifications, deliveries }));
    if (req.url?.includes('reset')) {
      verifications.length = 0;
      deliveries.length = 0;
    }
  });

  const nodeResults: Record<string, NodeResult> = {};
  for (const [name, contentType] of Object.entries(PARITY_DOCUMENTS)) {
    const body = feeds[name as keyof typeof PARITY_DOCUMENTS];
    server.route(`/doc/${name}`, serve(body, contentType));
    const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : new Uint8Array(body);
    try {
      const feed = await parseFeed(decodeCharset(bytes, contentType).text);
      nodeResults[name] = {
        items: await normalizeFeed(feed, { responseUrl: `${server.origin}/doc/${name}`, now: FETCHED_AT }),
      };
    } catch (error) {
      nodeResults[name] = { error: `${(error as Error).name}: ${(error as Error).message}` };
    }
  }
  project.provide('feedOrigin', server.origin);
  project.provide('nodeResults', nodeResults);
  return () => server.close();
}
