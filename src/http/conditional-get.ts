/**
 * Conditional request evaluation for GET/HEAD (RFC 9110 §13.1, §13.2.2).
 * If-None-Match takes precedence: when it is present, If-Modified-Since is ignored.
 */
export function isNotModified(headers: Headers, etags: string[], lastModified: string): boolean {
  const ifNoneMatch = headers.get('if-none-match');
  if (ifNoneMatch !== null) return matchesAnyEtag(ifNoneMatch, etags);
  const ifModifiedSince = headers.get('if-modified-since');
  if (ifModifiedSince === null) return false;
  const since = Date.parse(ifModifiedSince);
  // An invalid date is ignored (§13.1.3); Last-Modified has whole seconds, so compare at that precision.
  return !Number.isNaN(since) && Math.floor(Date.parse(lastModified) / 1000) <= Math.floor(since / 1000);
}

/** If-None-Match uses the weak comparison (§13.1.2): W/ prefixes are ignored. */
function matchesAnyEtag(header: string, etags: string[]): boolean {
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = new Set(etags.map(opaque));
  return header.split(',').some((tag) => wanted.has(opaque(tag)));
}

/** True when the client accepts gzip (RFC 9110 §12.5.3), i.e. it is listed without q=0. */
export function acceptsGzip(acceptEncoding: string | null): boolean {
  if (!acceptEncoding) return false;
  return acceptEncoding.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*' && coding !== 'x-gzip') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}
