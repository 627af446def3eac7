import { FetchError } from './fetch-error.ts';

/**
 * Reads a response body up to maxBytes, counting the bytes after decompression (fetch
 * decodes gzip, deflate and br while streaming), so a compression bomb is cut off at the
 * cap rather than inflated into memory. `onChunk` lets the caller reset an idle timer.
 */
export async function readBody(response: Response, maxBytes: number, onChunk: () => void): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      onChunk();
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        throw new FetchError(`response is larger than the ${maxBytes}-byte limit`, response.status);
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
