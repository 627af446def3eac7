import { describe, expect, it } from 'vitest';
import { storyProfile } from './story-terms.ts';
import { averageLengths, bm25f, idf, prepareText, type QueryTerm } from './text-match.ts';

const subject = {
  title: 'Flight BA2490 diverted to Shannon after engine fire',
  summary: 'A British Airways flight from London to Boston landed in Shannon after a fire in its left engine.',
};
const query: QueryTerm[] = storyProfile(subject).map((t) => ({ stem: t.stem, weight: t.weight, idf: 2 }));

describe('bm25f on headline and lead', () => {
  it('judges a 2,000-word article on its headline and lead, so length alone wins nothing', () => {
    const item = prepareText({
      title: 'BA2490 lands in Shannon with engine on fire',
      summary: 'The London to Boston flight turned back over the Atlantic.',
    });
    const padding = Array.from({ length: 300 }, (_, i) => `The airline said flight safety came first ${i}.`).join(' ');
    const article = prepareText({
      title: 'BA2490 lands in Shannon with engine on fire',
      summary: 'The London to Boston flight turned back over the Atlantic.',
      lead: `${padding} London Boston flight engine fire Shannon airline British Airways diverted`,
    });
    const averages = averageLengths([item, article]);
    expect(bm25f(query, article, averages)).toBeLessThanOrEqual(bm25f(query, item, averages) * 1.05);
  });

  it('counts a summary repeated as the start of the content once', () => {
    const once = prepareText({ title: 'T', summary: subject.summary });
    const twice = prepareText({ title: 'T', summary: subject.summary, lead: subject.summary });
    expect(twice.leadLength).toBe(once.leadLength);
  });

  it('weighs a rare word above a common one', () => {
    expect(idf(1, 10_000)).toBeGreaterThan(idf(2_000, 10_000));
    expect(idf(10_000, 10_000)).toBeGreaterThan(0);
  });
});

describe('storyProfile', () => {
  it('marks names and numbers as identifying and weighs headline words most', () => {
    const profile = storyProfile({
      title: 'Senate passes bill 2417 on water prices',
      summary: 'The vote in the Senate was close. Senator Okafor said the bill caps prices in Ohio.',
      body: 'Water prices rose last year. Okafor thanked the voters.',
    });
    const byWord = new Map(profile.map((t) => [t.word, t]));
    expect(byWord.get('2417')?.isIdentifying).toBe(true);
    expect(byWord.get('okafor')?.isIdentifying).toBe(true);
    expect(byWord.get('ohio')?.isIdentifying).toBe(true);
    expect(byWord.get('prices')?.isIdentifying).toBe(false);
    expect(byWord.get('water')?.weight).toBeGreaterThan(byWord.get('voters')?.weight ?? 0);
    expect(profile[0]?.word).toBe('senate'); // headline, lead and a name
  });
});
