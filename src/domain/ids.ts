const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lower case

/**
 * A sortable, opaque id: 10 chars of millisecond time then 16 random chars,
 * like a ULID. Sorting by id sorts by creation time, which keeps cursors simple.
 */
export function newId(prefix: string, nowMs: number, random: () => number = Math.random): string {
  let time = '';
  let t = nowMs;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  let rand = '';
  for (let i = 0; i < 16; i++) rand += ALPHABET[Math.floor(random() * 32)];
  return `${prefix}_${time}${rand}`;
}
