import type { Image } from '../domain/article.ts';

/** What a probe learned of an image file: what the RSS enclosure needs. */
export interface ImageFacts {
  /** MIME type, e.g. image/jpeg. */
  type: string;
  /** Size in bytes. */
  length: number;
}

/** A file under /media/ on this runtime (a stat on Node, the assets binding on Workers). */
export type StatMedia = (name: string) => Promise<ImageFacts | undefined>;

export interface MeasureImageDeps {
  /** Where /media/ is reached from outside: an image URL under it is one of our files. */
  publicUrl: string;
  statMedia?: StatMedia;
  /** Outbound fetch; every URL it is handed has passed `checkUrl` first. */
  fetch: typeof fetch;
  /** The SSRF guard: throws, with the reason in words, for a URL we must not request. */
  checkUrl(url: URL): Promise<void>;
  timeoutMs?: number;
}

const MAX_REDIRECTS = 3;
const MEDIA_PREFIX = '/media/';

/**
 * Measures an article's lead image on save, so every feed can carry an enclosure (RSS 2.0
 * requires its type and byte length). A file under /media/ is stat'ed; a remote image is
 * asked with HEAD, then, when HEAD is refused or says too little, with a one-byte ranged GET
 * (RFC 9110 §14: Content-Range states the full length). Every request passes the SSRF guard,
 * redirects included. A failure never fails the save: the image keeps its URL and says why
 * (`probeError`), and the feeds leave out only the enclosure.
 */
export function createImageMeasurer(deps: MeasureImageDeps): (image: Image) => Promise<Image> {
  const timeoutMs = deps.timeoutMs ?? 5000;
  return async (image) => {
    const { probeError: _previous, type: _type, length: _length, ...rest } = image;
    try {
      const facts = await measure(image.url);
      return { ...rest, type: facts.type, length: facts.length };
    } catch (error) {
      return { ...rest, probeError: error instanceof Error ? error.message : String(error) };
    }
  };

  async function measure(url: string): Promise<ImageFacts> {
    const local = mediaName(url, deps.publicUrl);
    if (local !== undefined) {
      const facts = await deps.statMedia?.(local);
      if (!facts) throw new Error(`no file named "${local}" under /media/`);
      return facts;
    }
    const signal = AbortSignal.timeout(timeoutMs);
    const head = await request(new URL(url), 'HEAD', signal);
    const fromHead = head.ok ? factsOf(head, head.headers.get('content-length')) : undefined;
    if (fromHead) return fromHead;
    const ranged = await request(new URL(url), 'GET', signal, { Range: 'bytes=0-0' });
    await ranged.body?.cancel();
    if (!ranged.ok) throw new Error(`${url} answered ${head.status} to HEAD and ${ranged.status} to GET`);
    const total = ranged.status === 206 ? /\/(\d+)\s*$/.exec(ranged.headers.get('content-range') ?? '')?.[1] : null;
    const facts = factsOf(ranged, ranged.status === 206 ? (total ?? null) : ranged.headers.get('content-length'));
    if (!facts) throw new Error(`${url} did not say how many bytes it has`);
    return facts;
  }

  /** One request, following redirects by hand so that every hop is checked by the guard. */
  async function request(url: URL, method: string, signal: AbortSignal, headers: Record<string, string> = {}) {
    for (let hop = 0; ; hop++) {
      await deps.checkUrl(url).catch((error: Error) => {
        throw new Error(`refused: ${error.message}`);
      });
      const response = await deps.fetch(url, { method, headers, redirect: 'manual', signal }).catch((error) => {
        throw new Error(`${url.href}: ${signal.aborted ? `no answer within ${timeoutMs} ms` : errorText(error)}`);
      });
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return response;
      await response.body?.cancel();
      if (hop >= MAX_REDIRECTS) throw new Error(`${url.href}: more than ${MAX_REDIRECTS} redirects`);
      url = new URL(location, url);
    }
  }
}

/** The type and length a response states, when it states both and the type is an image's. */
function factsOf(response: Response, length: string | null): ImageFacts | undefined {
  const type = response.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type && !type.startsWith('image/')) throw new Error(`${response.url || 'the URL'} is not an image: ${type}`);
  const bytes = Number(length);
  return type && length !== null && Number.isInteger(bytes) && bytes > 0 ? { type, length: bytes } : undefined;
}

/** The file name when the URL is one of ours under /media/ (a site path or our public URL). */
function mediaName(url: string, publicUrl: string): string | undefined {
  const path = url.startsWith('/') ? url : url.startsWith(`${publicUrl}/`) ? url.slice(publicUrl.length) : undefined;
  if (!path?.startsWith(MEDIA_PREFIX)) return undefined;
  return decodeURIComponent(path.slice(MEDIA_PREFIX.length).split(/[?#]/)[0] ?? '');
}

function errorText(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error instanceof Error ? error.message : String(error)}${cause}`;
}
