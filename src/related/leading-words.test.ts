import { describe, expect, it } from 'vitest';
import { leadingWords } from './leading-words.ts';
import { contentWords, storyWords } from './story-terms.ts';

/** Pieces that test every rule of normalizeTitle at a cut: accents, apostrophes, &, odd spaces, digits, case. */
const PIECES = [
  'storm',
  'Flood',
  'the',
  'a',
  'of',
  'Rússia’s',
  "Putin's",
  'café',
  'ﬁre',
  'AT&T',
  '&',
  '2490',
  '300',
  '000',
  'İstanbul',
  'ΟΔΟΣ',
  'naïve',
  'e\u0301',
  '—',
  '...',
  '"quoted"',
  '(BA2490)',
  'x',
  '12',
  'well-known',
  'U.S.',
];
const SPACES = [' ', ' ', '  ', '\n', '\t', '\u00a0', '\u2009', ' \u0301', ''];

function randomText(seed: number, words: number): string {
  let x = seed;
  const next = (n: number) => {
    x = (x * 1_103_515_245 + 12_345) % 2 ** 31;
    return x % n;
  };
  let text = '';
  for (let i = 0; i < words; i++) text += PIECES[next(PIECES.length)] + (SPACES[next(SPACES.length)] ?? ' ');
  return text;
}

describe('leadingWords', () => {
  it('gives the first words of the whole text, whatever the text and the count', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const text = randomText(seed, seed % 7 === 0 ? 2_000 : 5 + (seed % 150));
      for (const count of [1, 7, 50, 60, 120]) {
        expect(leadingWords(text, count, storyWords)).toEqual(storyWords(text).slice(0, count));
        expect(leadingWords(text, count, contentWords)).toEqual(contentWords(text).slice(0, count));
      }
    }
  });

  it('tokenizes only the start of a long text', () => {
    const seen: number[] = [];
    const text = randomText(3, 5_000);
    const words = leadingWords(text, 50, (part) => (seen.push(part.length), storyWords(part)));
    expect(words).toHaveLength(50);
    expect(Math.max(...seen)).toBeLessThan(text.length / 10);
  });
});
