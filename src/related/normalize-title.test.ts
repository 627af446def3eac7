import { describe, expect, it } from 'vitest';
import { normalizeTitle, titleTokens } from './normalize-title.ts';

describe('normalizeTitle', () => {
  it('ignores case, curly quotes and the punctuation around them', () => {
    expect(normalizeTitle('‘Assassins Of The Mind’: How Russia Is Trying To Destroy Ukrainian Culture')).toBe(
      normalizeTitle("'assassins of the mind' how russia is trying to destroy ukrainian culture"),
    );
  });

  it('joins words around straight and curly apostrophes alike', () => {
    expect(normalizeTitle('Russia’s Attack On Ukraine')).toBe('russias attack on ukraine');
    expect(normalizeTitle("Russia's attack on Ukraine")).toBe('russias attack on ukraine');
  });

  it('turns hyphens, dashes and full stops into single spaces', () => {
    expect(normalizeTitle('I Fled Ukraine To Save My 3-Year-Old Daughter. We Want To Go Home.')).toBe(
      'i fled ukraine to save my 3 year old daughter we want to go home',
    );
    expect(normalizeTitle('Talks  resume — again\t(finally)')).toBe('talks resume again finally');
  });

  it('drops diacritics and expands ligatures', () => {
    expect(normalizeTitle('Zürich café ﬁnds São Paulo’s señor')).toBe('zurich cafe finds sao paulos senor');
  });

  it('reads an ampersand as "and"', () => {
    expect(normalizeTitle('Arts & Culture')).toBe('arts and culture');
  });

  it('keeps letters of other scripts', () => {
    expect(normalizeTitle('Война и мир!')).toBe(normalizeTitle('ВОЙНА И МИР'));
    expect(normalizeTitle('Мир, труд, май!')).toBe('мир труд маи'); // NFKD splits the breve off "й" too
  });

  it('gives no tokens for a headline of punctuation only', () => {
    expect(titleTokens(' — !? ')).toEqual([]);
    expect(titleTokens('Go Home.')).toEqual(['go', 'home']);
  });
});
