/** The request header fields a feed poll is answered by. */
export interface PollHeaders {
  acceptEncoding: string | undefined;
  ifNoneMatch: string | undefined;
  ifModifiedSince: string | undefined;
}

/**
 * Reads the three fields of a poll. On Node, @hono/node-server hands the
 * IncomingMessage to the app as `env.incoming`; its raw header list is already
 * parsed, while asking the Request builds a Headers object of every field on
 * the first read, which is most of what a 304 costs. Elsewhere (Workers) the
 * Request's own headers are read.
 */
export function readPollHeaders(request: Request, env: unknown): PollHeaders {
  const raw = rawHeadersOf(env);
  if (!raw) {
    const { headers } = request;
    return {
      acceptEncoding: headers.get('accept-encoding') ?? undefined,
      ifNoneMatch: headers.get('if-none-match') ?? undefined,
      ifModifiedSince: headers.get('if-modified-since') ?? undefined,
    };
  }
  const found: PollHeaders = { acceptEncoding: undefined, ifNoneMatch: undefined, ifModifiedSince: undefined };
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const value = raw[i + 1] as string;
    switch ((raw[i] as string).toLowerCase()) {
      // Both are lists: repeated fields combine into one, comma-separated (RFC 9110 §5.3).
      case 'accept-encoding':
        found.acceptEncoding = found.acceptEncoding === undefined ? value : `${found.acceptEncoding}, ${value}`;
        break;
      case 'if-none-match':
        found.ifNoneMatch = found.ifNoneMatch === undefined ? value : `${found.ifNoneMatch}, ${value}`;
        break;
      // A single date: the first one counts, as Node's own parser keeps it.
      case 'if-modified-since':
        found.ifModifiedSince ??= value;
        break;
    }
  }
  return found;
}

/** On Node, the request target as the request line sent it (`/feeds/all.rss?x`); elsewhere undefined. */
export function requestTargetOf(env: unknown): string | undefined {
  const url = incomingOf(env)?.url;
  return typeof url === 'string' ? url : undefined;
}

function rawHeadersOf(env: unknown): readonly string[] | undefined {
  const raw = incomingOf(env)?.rawHeaders;
  return Array.isArray(raw) ? (raw as string[]) : undefined;
}

/** @hono/node-server's IncomingMessage, handed to the app as `env.incoming`. */
function incomingOf(env: unknown): { rawHeaders?: unknown; url?: unknown } | undefined {
  if (typeof env !== 'object' || env === null || !('incoming' in env)) return undefined;
  return (env as { incoming?: { rawHeaders?: unknown; url?: unknown } }).incoming;
}
