import { describe, expect, it } from 'vitest';
import { toRfc822, toRfc3339 } from './feed-dates.ts';

/** What Date prints, or 'throws' for what it cannot read. */
function byDate(iso: string): [string, string] {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? ['throws', 'throws'] : [date.toISOString(), date.toUTCString()];
}

function byUs(iso: string): [string, string] {
  const attempt = (format: (iso: string, field: string) => string) => {
    try {
      return format(iso, 'f');
    } catch {
      return 'throws';
    }
  };
  return [attempt(toRfc3339), attempt(toRfc822)];
}

describe('toRfc822 / toRfc3339', () => {
  it('print what Date prints, on the edges of every field and on 20,000 instants from 1000 to 9000', () => {
    const pad = (n: number, width = 2) => String(n).padStart(width, '0');
    const isos: string[] = [];
    for (const year of [999, 1000, 1900, 1970, 2000, 2023, 2024, 2100, 2400, 9999])
      for (let month = 0; month <= 13; month++)
        for (const day of [0, 1, 28, 29, 30, 31, 32])
          for (const time of ['00:00:00.000', '23:59:59.999', '24:00:00.000', '12:60:00.000', '12:00:60.000'])
            isos.push(`${pad(year, 4)}-${pad(month)}-${pad(day)}T${time}Z`);
    const start = Date.UTC(1000, 0, 1);
    for (let i = 0; i < 20_000; i++) isos.push(new Date(start + i * 12_623_456_789).toISOString());
    // Offsets, no milliseconds, no time, lower-case z, six-digit years and spaces are left to Date.
    isos.push('2022-09-22T16:00:00+02:00', '2022-09-22T14:00:00Z', '2022-09-22', '2022-09-22T14:00:00.000z');
    isos.push('+012022-09-22T14:00:00.000Z', ' 2022-09-22T14:00:00.000Z', '2022-09-22T14:00:00.000Z ');
    const wrong = isos.filter((iso) => byUs(iso).join() !== byDate(iso).join());
    expect(wrong).toEqual([]);
    expect(toRfc3339('2022-09-22T16:00:00+02:00', 'f')).toBe('2022-09-22T14:00:00.000Z');
    expect(toRfc822('2022-09-22T16:00:00+02:00', 'f')).toBe('Thu, 22 Sep 2022 14:00:00 GMT');
    expect(toRfc822('2024-02-29T23:59:59.999Z', 'f')).toBe('Thu, 29 Feb 2024 23:59:59 GMT');
  });

  it('names the field of a date that is not one', () => {
    expect(() => toRfc3339('yesterday', 'updatedAt of art_1')).toThrow(
      'render: updatedAt of art_1 is not a valid date: "yesterday"',
    );
    expect(() => toRfc822('', 'publishedAt of art_2')).toThrow(RangeError);
  });
});
