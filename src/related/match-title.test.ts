import { describe, expect, it } from 'vitest';
import { isSameTitle, matchTitle, titleSimilarity } from './match-title.ts';

const stories = [
  { id: 'a', title: 'Russia’s Attack On Ukraine Turned Me Into A Wartime Volunteer Overnight' },
  { id: 'b', title: 'Russia’s attack on Ukraine enters its seventh month' },
  { id: 'c', title: "'Assassins of the Mind': How Russia is trying to destroy Ukrainian culture" },
  { id: 'd', title: 'Go Home' },
];
const titleOf = (s: { title: string }) => s.title;

describe('matchTitle', () => {
  it('matches exactly across case, quotes and punctuation', () => {
    const match = matchTitle(
      '‘Assassins Of The Mind’: How Russia Is Trying To Destroy Ukrainian Culture',
      stories,
      titleOf,
    );
    expect(match).toMatchObject({ item: { id: 'c' }, isExact: true, similarity: 1 });
  });

  it('matches a lightly retyped headline above the threshold', () => {
    const match = matchTitle(
      'Russia’s Attack on Ukraine Turned Me Into a War-Time Volunteer Overnight',
      stories,
      titleOf,
    );
    expect(match?.item.id).toBe('a');
    expect(match?.isExact).toBe(false);
    expect(match?.similarity).toBeGreaterThan(0.8);
  });

  it('tolerates a typo', () => {
    expect(
      matchTitle('Assasins of the Mind: How Russia Is Trying to Destroy Ukrainian Culture', stories, titleOf)?.item.id,
    ).toBe('c');
  });

  it('does not confuse two stories on the same subject', () => {
    expect(matchTitle('Russia’s Attack On Ukraine Turned Me Into A Refugee', stories, titleOf)).toBeUndefined();
    expect(matchTitle('How Russia is trying to destroy Ukrainian churches', stories, titleOf)).toBeUndefined();
  });

  it('matches short headlines only exactly', () => {
    expect(matchTitle('go home!', stories, titleOf)?.item.id).toBe('d');
    expect(matchTitle('Go Homes', stories, titleOf)).toBeUndefined();
  });

  it('prefers the earlier candidate among equally good matches', () => {
    const twins = [
      { id: 'own', title: 'Storm Hits The Coast' },
      { id: 'external', title: 'Storm hits the coast' },
    ];
    expect(matchTitle('STORM HITS THE COAST', twins, titleOf)?.item.id).toBe('own');
  });

  it('finds nothing in an empty list or for an empty headline', () => {
    expect(matchTitle('Anything at all here', [], titleOf)).toBeUndefined();
    expect(matchTitle(' … ', stories, titleOf)).toBeUndefined();
  });
});

describe('titleSimilarity', () => {
  it('is 1 for the same headline and falls with fewer shared words', () => {
    expect(titleSimilarity('Storm hits the coast', 'STORM HITS THE COAST!')).toBe(1);
    const close = titleSimilarity('Storm hits the coast', 'Storm hits the east coast');
    const far = titleSimilarity('Storm hits the coast', 'Markets rally after rate cut');
    expect(close).toBeGreaterThan(0.8);
    expect(far).toBeLessThan(0.3);
  });

  it('calls near-identical headlines the same story', () => {
    expect(isSameTitle('Fed raises rates by half a point', 'Fed Raises Rates By Half A Point.')).toBe(true);
    expect(isSameTitle('Fed raises rates by half a point', 'Fed holds rates steady')).toBe(false);
  });
});
