/**
 * A fast, synchronous, portable content hash: cyrb53's two 32-bit lanes, 64 bits. Not
 * cryptographic, and need not be: it only tells one item's versions apart within its own
 * source (a feed can only collide with itself). Web Crypto's digest is async per call,
 * which cost more than a quarter of the parse time on feeds of small items.
 */
export function hashText(parts: (string | undefined)[]): string {
  const text = parts.map((p) => p ?? '').join('\u0000');
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}
