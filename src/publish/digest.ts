const encoder = new TextEncoder();

/** Hex SHA-256 through WebCrypto, which Node and Workers both have. */
export async function sha256Hex(data: string | Uint8Array<ArrayBuffer>): Promise<string> {
  const bytes = typeof data === 'string' ? encoder.encode(data) : data;
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A strong ETag (RFC 9110 §8.8.3): quoted, derived from the bytes alone, so equal bytes give equal tags. */
export async function strongEtag(body: Uint8Array<ArrayBuffer>): Promise<string> {
  return `"${(await sha256Hex(body)).slice(0, 32)}"`;
}
