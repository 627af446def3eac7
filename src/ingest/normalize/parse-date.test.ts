import { describe, expect, it } from 'vitest';
import { parseDate } from './parse-date.ts';

const iso = (value: string) => {
  const ms = parseDate(value);
  return ms === undefined ? undefined : new Date(ms).toISOString();
};

describe('parseDate', () => {
  it.each([
    ['Mon, 02 Mar 2026 10:00:00 GMT', '2026-03-02T10:00:00.000Z'],
    ['Mon, 2 Mar 2026 10:00:00 EST', '2026-03-02T15:00:00.000Z'],
    ['Mon, 02 Mar 2026 10:00 PDT', '2026-03-02T17:00:00.000Z'],
    ['Mon, 02 Mar 26 10:00:00 +0100', '2026-03-02T09:00:00.000Z'],
    ['02 March 2026 10:00:00 +05:30', '2026-03-02T04:30:00.000Z'],
    ['Monday, 02-Mar-26 10:00:00 GMT', '2026-03-02T10:00:00.000Z'],
    ['Mon, 02 Mar 2026 10:00:00 GMT+0100', '2026-03-02T09:00:00.000Z'],
    ['2026-03-02T10:00:00Z', '2026-03-02T10:00:00.000Z'],
    ['2026-03-02T10:00:00.250-02:00', '2026-03-02T12:00:00.250Z'],
    ['2026-03-02 10:00:00', '2026-03-02T10:00:00.000Z'],
    ['2026-03-02', '2026-03-02T00:00:00.000Z'],
    ['20260302T100000Z', '2026-03-02T10:00:00.000Z'],
    ['1772445600', '2026-03-02T10:00:00.000Z'],
    ['  Mon,   02 Mar 2026\n10:00:00 GMT ', '2026-03-02T10:00:00.000Z'],
  ])('reads %j', (value, expected) => {
    expect(iso(value)).toBe(expected);
  });

  it.each(['', 'soon', 'Mon, 99 Foo 2026', '0000-00-00 00:00:00', '1969-12-31T00:00:00Z'])('rejects %j', (value) => {
    expect(parseDate(value)).toBeUndefined();
  });
});
