/**
 * gzip bodies of published documents, compressed on first demand and kept
 * per ETag: equal bytes compress once, however many pollers ask. Publishing
 * stays fast (most documents of a run are never requested before the next
 * change), and the cache is bounded so old versions fall out.
 */
export function createGzipCache(maxEntries = 512) {
  const cache = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();
  return (etag: string, body: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> => {
    let compressed = cache.get(etag);
    if (!compressed) {
      compressed = gzip(body);
      cache.set(etag, compressed);
      compressed.catch(() => cache.delete(etag));
      if (cache.size > maxEntries) cache.delete(cache.keys().next().value as string); // the oldest entry
    }
    return compressed;
  };
}

/** gzip with CompressionStream, which Node and Workers both have. */
async function gzip(body: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([body]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
