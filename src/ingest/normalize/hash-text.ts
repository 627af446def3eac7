/**
 * A fast, synchronous, portable content hash: cyrb53's two 32-bit lanes, 64 bits. Not
 * cryptographic, and need not be: it only tells one item's versions apart within its own
 * source (a feed can only collide with itself). Web Crypto's digest is async per call,
 * which cost more than a quarter of the parse time on feeds of small items.
 */
export function hashText(parts: (string | undefined)[]): string {
  // The parts are hashed as if joined with "\u0000" (a zero char code: a bare multiply),
  // without building the joined string.
  let h1 = 0xdeadbeef | 0;
  let h2 = 0x41c6ce57;
  for (let p = 0; p < parts.length; p++) {
    if (p > 0) {
      h1 = Math.imul(h1, M1);
      h2 = Math.imul(h2, M2);
    }
    const text = parts[p] ?? '';
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, M1);
      h2 = Math.imul(h2 ^ ch, M2);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), M3) ^ Math.imul(h2 ^ (h2 >>> 13), M4);
  h2 = Math.imul(h2 ^ (h2 >>> 16), M3) ^ Math.imul(h1 ^ (h1 >>> 13), M4);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

// cyrb53's multipliers as signed 32-bit integers: Math.imul keeps the low 32 bits either way,
// so the hashes are unchanged, but V8 multiplies an int32 constant without converting a
// double on every character (the loop runs twice as fast).
const M1 = 2654435761 | 0;
const M2 = 1597334677;
const M3 = 2246822507 | 0;
const M4 = 3266489909 | 0;
