/**
 * gzip bodies of published documents, compressed on first demand and kept
 * per ETag: equal bytes compress once, however many pollers ask. Publishing
 * stays fast (most documents of a run are never requested before the next
 * change), and the cache is bounded so old versions fall out.
 */
export interface GzipCache {
  /** The compressed body if it is ready, without waiting. */
  peek(etag: string): Uint8Array<ArrayBuffer> | undefined;
  get(etag: string, body: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>>;
}

export function createGzipCache(maxEntries = 512): GzipCache {
  const ready = new Map<string, Uint8Array<ArrayBuffer>>();
  const compressing = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();
  return {
    peek: (etag) => ready.get(etag),
    get(etag, body) {
      const done = ready.get(etag);
      if (done) return Promise.resolve(done);
      let pending = compressing.get(etag);
      if (!pending) {
        pending = gzip(body)
          .then((compressed) => {
            ready.set(etag, compressed);
            if (ready.size > maxEntries) ready.delete(ready.keys().next().value as string); // the oldest entry
            return compressed;
          })
          .finally(() => compressing.delete(etag));
        compressing.set(etag, pending);
      }
      return pending;
    },
  };
}

/** gzip with CompressionStream, which Node and Workers both have. */
async function gzip(body: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([body]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
