import { describe, expect, it } from 'vitest';
import { normalizeTitle } from './normalize-title.ts';
import { plainWords } from './plain-words.ts';

/** What plainWords must equal: the normalized text's words that `keep` accepts. */
const normalizedWords = (text: string, keep: (word: string) => boolean) =>
  (normalizeTitle(text) || null)?.split(' ').filter(keep) ?? [];

const PLAIN = [
  'Storm',
  'the',
  'AT&T',
  '&',
  "Putin's",
  'rock`n',
  '‘quoted’',
  'ʼok',
  'x′y',
  '“Yes”',
  '—',
  '–',
  '…',
  'U.S.',
  '2,490',
  '(BA2490)',
  'a',
  'well-known',
  'e´e',
  '\u00a0',
  '"',
  '#1',
  '[]{}',
];
const OTHER = ['café', 'ﬁre', 'İstanbul', 'ΟΔΟΣ', 'e\u0301', '½', '™', '\u2009', '€'];
const SPACES = [' ', '  ', '\n', '\t', '', '-', '/'];

function randomText(seed: number, pieces: string[]): string {
  let x = seed;
  const next = (n: number) => {
    x = (x * 1_103_515_245 + 12_345) % 2 ** 31;
    return x % n;
  };
  let text = '';
  for (let i = 0, n = 1 + (seed % 40); i < n; i++) {
    text += (pieces[next(pieces.length)] ?? '') + (SPACES[next(SPACES.length)] ?? ' ');
  }
  return text;
}

describe('plainWords', () => {
  const keeps = [(w: string) => w.length > 1 && w !== 'and' && w !== 'the', () => true];

  it('gives the words normalizeTitle gives, for any plain text', () => {
    for (let seed = 1; seed <= 2_000; seed++) {
      const text = randomText(seed, PLAIN);
      for (const keep of keeps) expect(plainWords(text, keep)).toEqual(normalizedWords(text, keep));
    }
  });

  it('leaves a text with any other character to normalizeTitle', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const text = `${randomText(seed, PLAIN)}${OTHER[seed % OTHER.length]} ${randomText(seed + 1, PLAIN)}`;
      expect(plainWords(text, () => true)).toBeUndefined();
    }
  });

  it('joins apostrophes into the word and makes & the word "and"', () => {
    expect(plainWords('Putin’s AT&T rock`n’roll', () => true)).toEqual(['putins', 'at', 'and', 't', 'rocknroll']);
  });
});
