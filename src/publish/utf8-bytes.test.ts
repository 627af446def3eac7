import { describe, expect, it } from 'vitest';
import { utf8Bytes } from './utf8-bytes.ts';

describe('utf8Bytes', () => {
  it('gives the bytes TextEncoder gives, for one-byte, two-byte and astral text, long and short', () => {
    const texts = ['', 'plain ascii', 'café ©', 'Stories tagged “AI”', '😀 lone \uD83D surrogate', 'é'.repeat(100_000)];
    for (const text of texts) expect(utf8Bytes(text)).toEqual(new TextEncoder().encode(text));
  });

  it('encodes a document in chunks as the joined document, never joining it', () => {
    const chunks = ['<feed>\n', '  <title>Stories tagged “AI” 😀</title>\n', 'plain '.repeat(10_000), '</feed>\n'];
    expect(utf8Bytes(chunks)).toEqual(new TextEncoder().encode(chunks.join('')));
    expect(utf8Bytes([])).toEqual(new Uint8Array());
  });

  it('hands out a buffer of its own each time, not a view of the reused one', () => {
    const first = utf8Bytes('first document');
    const second = utf8Bytes('second');
    expect(new TextDecoder().decode(first)).toBe('first document');
    expect(first.buffer).not.toBe(second.buffer);
    expect(first.byteLength).toBe(first.buffer.byteLength);
  });
});
