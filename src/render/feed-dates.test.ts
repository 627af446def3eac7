import { describe, expect, it } from 'vitest';
import { DATE_MEMO_SIZE, toRfc822, toRfc3339 } from './feed-dates.ts';

describe('toRfc822 / toRfc3339', () => {
  it('formats every instant as Date does, also past the memo size and when a value comes back', () => {
    const start = Date.UTC(2026, 10, 25, 12);
    const values = Array.from({ length: DATE_MEMO_SIZE * 2 + 10 }, (_, i) => new Date(start - i * 61_001));
    const isos = [...values, ...values.slice(0, 100)].map((date) => date.toISOString());
    // Offsets and no milliseconds are normalised to UTC with milliseconds.
    isos.push('2022-09-22T16:00:00+02:00', '2022-09-22T14:00:00Z');
    const wrong = isos.filter(
      (iso) =>
        toRfc3339(iso, 'f') !== new Date(iso).toISOString() || toRfc822(iso, 'f') !== new Date(iso).toUTCString(),
    );
    expect(wrong).toEqual([]);
    expect(toRfc3339('2022-09-22T16:00:00+02:00', 'f')).toBe('2022-09-22T14:00:00.000Z');
    expect(toRfc822('2022-09-22T16:00:00+02:00', 'f')).toBe('Thu, 22 Sep 2022 14:00:00 GMT');
  });

  it('names the field of a date that is not one, every time it is asked', () => {
    for (let i = 0; i < 2; i++) {
      expect(() => toRfc3339('yesterday', 'updatedAt of art_1')).toThrow(
        'render: updatedAt of art_1 is not a valid date: "yesterday"',
      );
      expect(() => toRfc822('', 'publishedAt of art_2')).toThrow(RangeError);
    }
  });
});
