import { describe, expect, it } from 'vitest';
import { newId } from './ids.ts';

describe('newId', () => {
  it('sorts by creation time across milliseconds', () => {
    const a = newId('art', Date.parse('2026-01-01T00:00:00Z'));
    const b = newId('art', Date.parse('2026-01-01T00:00:00.001Z'));
    expect(a < b).toBe(true);
    expect(a).toMatch(/^art_[0-9a-hjkmnp-tv-z]{26}$/);
  });

  it('stays in creation order within one millisecond and when the clock steps back', () => {
    const ms = Date.parse('2027-05-05T05:05:05Z');
    const ids = [newId('art', ms), newId('art', ms), newId('art', ms), newId('art', ms - 1000)];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(4);
  });
});
