const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lower case
const RANDOM_CHARS = 16;

/** The last id's time and random part, so ids minted in one millisecond still sort in creation order. */
let last = { ms: -1, random: [] as number[] };

/**
 * A sortable, opaque id: 10 chars of millisecond time then 16 random chars,
 * like a monotonic ULID. Sorting by id sorts by creation time, which keeps
 * cursors simple; within one millisecond (or a clock that stepped back) the
 * random part of the previous id is incremented instead of drawn again.
 */
export function newId(prefix: string, nowMs: number, random: () => number = Math.random): string {
  let digits: number[];
  if (nowMs <= last.ms) {
    digits = increment(last.random);
    nowMs = last.ms;
  } else {
    digits = Array.from({ length: RANDOM_CHARS }, () => Math.floor(random() * 32));
  }
  last = { ms: nowMs, random: digits };
  return `${prefix}_${encodeTime(nowMs)}${digits.map((d) => ALPHABET[d]).join('')}`;
}

function encodeTime(ms: number): string {
  let time = '';
  for (let i = 0, t = ms; i < 10; i++, t = Math.floor(t / 32)) time = ALPHABET[t % 32] + time;
  return time;
}

function increment(digits: number[]): number[] {
  const next = [...digits];
  for (let i = next.length - 1; i >= 0; i--) {
    next[i] = ((next[i] ?? 0) + 1) % 32;
    if (next[i] !== 0) break;
  }
  return next;
}
