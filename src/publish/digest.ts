const encoder = new TextEncoder();

interface NodeHash {
  update(data: Uint8Array): NodeHash;
  digest(encoding: 'hex'): string;
}
type CreateHash = (algorithm: 'sha256') => NodeHash;

/**
 * node:crypto's createHash where the runtime has it (Node, found through process.getBuiltinModule
 * so this module imports nothing runtime-specific), else WebCrypto (Workers). Both give the same
 * digest; createHash takes about half the CPU: a full publish hashes ~560 MB of documents in 7,653
 * calls, and each WebCrypto call copies its input and pays for a job and a promise.
 */
const createHash = (
  globalThis as { process?: { getBuiltinModule?: (id: string) => { createHash?: CreateHash } | undefined } }
).process?.getBuiltinModule?.('node:crypto')?.createHash;

/** Hex SHA-256: node:crypto on Node, WebCrypto on Workers (same digest). */
export async function sha256Hex(data: string | Uint8Array<ArrayBuffer>): Promise<string> {
  const bytes = typeof data === 'string' ? encoder.encode(data) : data;
  if (createHash) return createHash('sha256').update(bytes).digest('hex');
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A strong ETag (RFC 9110 §8.8.3): quoted, derived from the bytes alone, so equal bytes give equal tags. */
export async function strongEtag(body: Uint8Array<ArrayBuffer>): Promise<string> {
  return `"${(await sha256Hex(body)).slice(0, 32)}"`;
}
