import { describe, expect, it } from 'vitest';
import { hashText } from './hash-text.ts';

describe('hashText', () => {
  // Stored content hashes depend on these values (and items with neither GUID nor link are
  // keyed by them): an implementation change must never change a hash.
  it('gives the hashes the store already holds', () => {
    expect(hashText([])).toBe('488bdcb81aee8d83');
    expect(hashText([''])).toBe('488bdcb81aee8d83');
    expect(hashText(['a'])).toBe('501c2ba782c97901');
    expect(hashText(['a', 'b'])).toBe('618bc4fdcfa296ed');
    expect(hashText(['ab'])).toBe('4f6c04978a846752');
    expect(hashText([undefined, 'x'])).toBe('9e08cd2e3404dd70');
    expect(hashText(['Київ 😀', 'tail\u0000'])).toBe('0376db2d86033c60');
    expect(hashText(['1', 'https://news.example/', 'Title & more', undefined, '<p>Body</p>'])).toBe('3953e13569115597');
  });

  it('tells apart parts that join to the same text', () => {
    expect(hashText(['a', 'b'])).not.toBe(hashText(['ab']));
    expect(hashText(['a', ''])).not.toBe(hashText(['a']));
  });
});
