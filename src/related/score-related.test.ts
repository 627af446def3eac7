import { describe, expect, it } from 'vitest';
import type { StoryCandidate } from '../domain/related.ts';
import { type RelatedSubject, recencyDecay, scoreRelated } from './score-related.ts';

const subject: RelatedSubject = {
  kind: 'own',
  id: 'art_1',
  title: 'Russia calls up reservists as draft protests spread',
  url: 'https://tidings.example/news/russia-calls-up-reservists',
  category: 'World',
  tags: ['Russia', 'Ukraine war'],
  publishedAt: '2022-09-22T10:00:00.000Z',
  terms: ['russia', 'reservists', 'draft', 'protests', 'mobilization'],
  selfTextScore: 20,
};

function candidate(id: string, fields: Partial<StoryCandidate> = {}): StoryCandidate {
  return {
    kind: 'external',
    id,
    title: `Story ${id}`,
    summary: '',
    url: `https://other.example/${id}`,
    source: 'Other News',
    category: 'World',
    tags: [],
    publishedAt: '2022-09-22T12:00:00.000Z',
    textScore: 8,
    ...fields,
  };
}

describe('scoreRelated', () => {
  it('ranks by text relevance when nothing else differs', () => {
    const ranked = scoreRelated(subject, [candidate('low', { textScore: 4 }), candidate('high', { textScore: 12 })]);
    expect(ranked.map((s) => s.id)).toEqual(['high', 'low']);
    expect(ranked[0]?.score).toBeGreaterThan(ranked[1]?.score ?? 1);
  });

  it('lifts shared tags and the same category, and explains both', () => {
    const plain = candidate('plain', { category: 'Business' });
    const tagged = candidate('tagged', { category: 'world', tags: ['russia', 'Energy'] });
    const [first, second] = scoreRelated(subject, [plain, tagged]);
    expect(first?.id).toBe('tagged');
    expect(first?.reasons).toContainEqual({ type: 'same-category', values: ['world'] });
    expect(first?.reasons).toContainEqual({ type: 'shared-tags', values: ['russia'] });
    expect(second?.reasons.map((r) => r.type)).not.toContain('same-category');
  });

  it('names the shared terms, matching simple inflections', () => {
    const [story] = scoreRelated(subject, [
      candidate('terms', { title: 'Protest over Russian draft', summary: 'Police detain protesting reservist' }),
    ]);
    expect(story?.reasons[0]).toEqual({ type: 'shared-terms', values: ['protest', 'draft', 'reservist'] });
  });

  it('prefers stories published close together', () => {
    const ranked = scoreRelated(subject, [
      candidate('old', { publishedAt: '2022-03-01T00:00:00.000Z' }),
      candidate('same-week', { publishedAt: '2022-09-24T00:00:00.000Z' }),
    ]);
    expect(ranked.map((s) => s.id)).toEqual(['same-week', 'old']);
  });

  it('never suggests the article itself, by id or by link', () => {
    const ranked = scoreRelated(subject, [
      candidate('art_1', { kind: 'own', textScore: 20 }),
      candidate('syndicated', { url: 'http://www.tidings.example/news/russia-calls-up-reservists/' }),
      candidate('copy', { title: 'Russia Calls Up Reservists As Draft Protests Spread!' }),
      candidate('other'),
    ]);
    expect(ranked.map((s) => s.id)).toEqual(['other']);
  });

  it('keeps one of each story: same link or near-identical headline', () => {
    const ranked = scoreRelated(subject, [
      candidate('a', {
        textScore: 12,
        url: 'https://wire.example/story',
        title: 'Thousands flee Russia to avoid the draft',
      }),
      candidate('b', { textScore: 10, url: 'https://wire.example/story#comments', title: 'Another headline' }),
      candidate('c', { textScore: 9, title: 'Thousands Flee Russia To Avoid The Draft' }),
      candidate('d', { textScore: 8, title: 'Kremlin denies border closure' }),
    ]);
    expect(ranked.map((s) => s.id)).toEqual(['a', 'd']);
  });

  it('skips stories already linked by the editor', () => {
    const ranked = scoreRelated(subject, [candidate('a'), candidate('b', { title: 'Editor picked this' })], {
      exclude: { ids: ['a'], titles: ['Editor Picked This'] },
    });
    expect(ranked).toEqual([]);
  });

  it('returns at most k stories, none under the minimum score', () => {
    const many = Array.from({ length: 12 }, (_, i) => candidate(`c${i}`, { textScore: 1 + i, title: `Headline ${i}` }));
    expect(scoreRelated(subject, many, { k: 3 }).map((s) => s.id)).toEqual(['c11', 'c10', 'c9']);
    const weak = scoreRelated(subject, many, { k: 20, minScore: 0.3 });
    expect(weak.length).toBeGreaterThan(0);
    expect(weak.every((s) => s.score >= 0.3)).toBe(true);
    expect(weak.length).toBeLessThan(12);
  });

  it('scales by the best text score when the subject itself was not returned', () => {
    const { selfTextScore: _, ...withoutSelf } = subject;
    const [best] = scoreRelated(withoutSelf, [candidate('x', { textScore: 3 }), candidate('y', { textScore: 6 })]);
    expect(best?.id).toBe('y');
    expect(best?.score).toBeGreaterThan(0.5);
  });
});

describe('scoreRelated with a weighted query (headline and lead)', () => {
  const weighted = {
    ...subject,
    summary: 'Russia called up reservists on Wednesday and protests against the draft spread to 30 cities.',
    query: [
      { stem: 'russia', weight: 4.5, idf: 2, isIdentifying: true },
      { stem: 'reservist', weight: 5, idf: 4 },
      { stem: 'draft', weight: 5, idf: 3 },
      { stem: 'protest', weight: 5, idf: 3 },
      { stem: 'citi', weight: 2, idf: 1 },
    ],
  };

  it('links a short external item that tells the story, not a long article that mentions it deep in its body', () => {
    const item = candidate('item', {
      title: 'Protests spread as Russia drafts reservists',
      summary: 'Police detained protesters.',
    });
    const long = candidate('long', {
      kind: 'own',
      title: 'What the week meant for European markets',
      summary: 'Stocks fell.',
      lead: `${'Markets moved on many things. '.repeat(200)} Russia drafted reservists and protests followed.`,
    });
    expect(scoreRelated(weighted, [long, item], { minScore: 0 }).map((s) => s.id)).toEqual(['item']);
  });

  it('refuses a story that shares one common word, but not one that shares a name', () => {
    const city = candidate('city', { title: 'New cycle lanes open across the city', summary: 'Commuters cheered.' });
    const named = candidate('named', { title: 'Russia and the price of gas', summary: 'Exports fell again.' });
    expect(scoreRelated(weighted, [city, named], { minScore: 0 }).map((s) => s.id)).toEqual(['named']);
  });
});

describe('recencyDecay', () => {
  it('halves every half-life and is neutral without a date', () => {
    expect(recencyDecay('2022-09-01T00:00:00Z', '2022-09-01T00:00:00Z', 7)).toBe(1);
    expect(recencyDecay('2022-09-01T00:00:00Z', '2022-09-08T00:00:00Z', 7)).toBeCloseTo(0.5);
    expect(recencyDecay('2022-09-15T00:00:00Z', '2022-09-01T00:00:00Z', 7)).toBeCloseTo(0.25);
    expect(recencyDecay(undefined, '2022-09-01T00:00:00Z', 7)).toBe(0.5);
  });
});
