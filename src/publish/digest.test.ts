import { describe, expect, it } from 'vitest';
import { sha256Hex, strongEtag } from './digest.ts';

describe('sha256Hex', () => {
  it('gives the FIPS 180-2 digest of "abc", the same as WebCrypto', async () => {
    const expected = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
    const webCrypto = Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode('abc'))).toString(
      'hex',
    );
    expect(webCrypto).toBe(expected);
    expect(await sha256Hex('abc')).toBe(expected);
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe(expected);
  });

  it('makes a quoted strong ETag of the first 128 bits', async () => {
    expect(await strongEtag(new TextEncoder().encode('abc'))).toBe('"ba7816bf8f01cfea414140de5dae2223"');
  });
});
