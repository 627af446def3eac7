import { describe, expect, it } from 'vitest';
import { copyFeatures, isNearCopy } from './near-copy.ts';

const text =
  'Flood water from the failed river dam swept through three valley villages overnight, forcing hundreds to evacuate.';

describe('isNearCopy', () => {
  it('calls one text under two headlines one story', () => {
    const a = copyFeatures({ title: 'Valley villages flooded as dam fails', summary: text });
    const b = copyFeatures({ title: 'Hundreds evacuate after river dam gives way', summary: `${text} Updated.` });
    expect(isNearCopy(a, b)).toBe(true);
  });

  it('tells a report in other words apart, and never calls short texts copies', () => {
    const a = copyFeatures({ title: 'Valley villages flooded as dam fails', summary: text });
    const rewritten = copyFeatures({
      title: 'Dam failure floods the valley villages',
      summary: 'The old dam on the river failed overnight and flood water swept through three valley villages.',
    });
    expect(isNearCopy(a, rewritten)).toBe(false);
    const short = (title: string) => copyFeatures({ title, summary: 'Police said on Monday.' });
    expect(isNearCopy(short('One headline'), short('Another story entirely'))).toBe(false);
  });

  it('matches the same link and a near-identical headline', () => {
    expect(
      isNearCopy(
        copyFeatures({ title: 'A', url: 'https://www.wire.example/story/' }),
        copyFeatures({ title: 'B', url: 'http://wire.example/story#top' }),
      ),
    ).toBe(true);
    expect(
      isNearCopy(copyFeatures({ title: 'Storm hits the coast' }), copyFeatures({ title: 'STORM HITS THE COAST!' })),
    ).toBe(true);
  });
});
