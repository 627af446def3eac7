/**
 * Conditional request evaluation for GET/HEAD (RFC 9110 §13.1, §13.2.2).
 * If-None-Match takes precedence: when it is present, If-Modified-Since is ignored.
 * These run on every feed poll, so they avoid allocating where they can.
 */
export function isNotModified(
  ifNoneMatch: string | undefined,
  ifModifiedSince: string | undefined,
  etags: readonly string[],
  lastModified: string,
): boolean {
  if (ifNoneMatch !== undefined) return matchesAnyEtag(ifNoneMatch, etags);
  if (ifModifiedSince === undefined) return false;
  const since = Date.parse(ifModifiedSince);
  // An invalid date is ignored (§13.1.3); Last-Modified has whole seconds, so compare at that precision.
  return !Number.isNaN(since) && Math.floor(Date.parse(lastModified) / 1000) <= Math.floor(since / 1000);
}

/** If-None-Match uses the weak comparison (§13.1.2): a W/ prefix does not matter. */
function matchesAnyEtag(header: string, etags: readonly string[]): boolean {
  if (etags.includes(header)) return true; // the common case: the client echoes our ETag
  for (const part of header.split(',')) {
    const tag = part.trim();
    if (tag === '*' || etags.includes(tag.startsWith('W/') ? tag.slice(2) : tag)) return true;
  }
  return false;
}

/** Distinct Accept-Encoding values remembered: pollers send the same few values over and over. */
const MAX_REMEMBERED_CODINGS = 64;
const gzipAnswers = new Map<string, boolean>();

/** True when the client accepts gzip (RFC 9110 §12.5.3), i.e. lists it (or *) without q=0. */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  if (!acceptEncoding) return false;
  let answer = gzipAnswers.get(acceptEncoding);
  if (answer === undefined) {
    answer = listsGzip(acceptEncoding);
    if (gzipAnswers.size >= MAX_REMEMBERED_CODINGS) gzipAnswers.clear(); // a flood of odd values stays bounded
    gzipAnswers.set(acceptEncoding, answer);
  }
  return answer;
}

function listsGzip(acceptEncoding: string): boolean {
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [coding = '', ...params] = part.split(';');
    const name = coding.trim();
    if (name !== 'gzip' && name !== 'x-gzip' && name !== '*') continue;
    const q = params.find((p) => p.trim().startsWith('q='));
    if (!q || Number(q.trim().slice(2)) > 0) return true;
  }
  return false;
}
