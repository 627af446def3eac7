import { describe, expect, it } from 'vitest';
import type { RelatedLink } from '../domain/related.ts';
import { mergeRelatedLinks } from './merge-related-links.ts';

function link(id: string, score: number, fields: Partial<RelatedLink> = {}): RelatedLink {
  return {
    position: 0,
    editorial: false,
    kind: 'external',
    targetId: id,
    url: `https://wire.example/${id}`,
    title: `Story ${id}`,
    source: 'Wire',
    score,
    reasons: [],
    ...fields,
  };
}

describe('mergeRelatedLinks', () => {
  it('keeps the editorial links first and fills the rest with the best scores', () => {
    const existing = [link('ed', 1, { editorial: true, kind: 'own' }), link('a', 0.5), link('b', 0.3)];
    const merged = mergeRelatedLinks(existing, [link('c', 0.4)], 3);
    expect(merged.map((l) => [l.targetId, l.position])).toEqual([
      ['ed', 0],
      ['a', 1],
      ['c', 2],
    ]);
  });

  it('replaces the score of a story already linked instead of linking it twice', () => {
    const merged = mergeRelatedLinks([link('a', 0.5), link('b', 0.3)], [link('b', 0.6)], 5);
    expect(merged.map((l) => [l.targetId, l.score])).toEqual([
      ['b', 0.6],
      ['a', 0.5],
    ]);
  });

  it('drops a new story with the same link or a near-identical headline as a kept one', () => {
    const existing = [link('a', 0.5, { title: 'Storm floods the coast road' })];
    const additions = [
      link('b', 0.45, { title: 'Storm Floods The Coast Road!' }),
      link('c', 0.4, { url: 'https://wire.example/a' }),
      link('d', 0.35),
    ];
    expect(mergeRelatedLinks(existing, additions, 5).map((l) => l.targetId)).toEqual(['a', 'd']);
  });

  it('never drops an editorial link, even past k', () => {
    const editorial = [1, 2, 3].map((n) => link(`e${n}`, 1, { editorial: true }));
    expect(mergeRelatedLinks(editorial, [link('x', 0.9)], 2).map((l) => l.targetId)).toEqual(['e1', 'e2', 'e3']);
  });
});
