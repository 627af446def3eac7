import { describe, expect, it } from 'vitest';
import { intervalFromFrequency, nextPollAfterFailure, nextPollAfterSuccess } from './poll-schedule.ts';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const bounds = { minIntervalMinutes: 5, maxIntervalMinutes: 1440 };
const minutesLater = (iso: string) => (Date.parse(iso) - NOW) / 60_000;

describe('intervalFromFrequency', () => {
  it('polls a week divided by the items of the last week', () => {
    expect(intervalFromFrequency(70, bounds)).toBe(144);
    expect(intervalFromFrequency(7, bounds)).toBe(1440);
    expect(intervalFromFrequency(168, bounds)).toBe(60);
  });

  it('keeps to the bounds: a torrent at the lower one, a silent source at the upper one', () => {
    expect(intervalFromFrequency(100_000, bounds)).toBe(5);
    expect(intervalFromFrequency(0, bounds)).toBe(1440);
    expect(intervalFromFrequency(1, { minIntervalMinutes: 5, maxIntervalMinutes: 600 })).toBe(600);
  });
});

describe('nextPollAfterSuccess', () => {
  it('waits the interval, or longer when ttl, max-age or Expires ask for it', () => {
    expect(minutesLater(nextPollAfterSuccess(NOW, 30, {}, bounds))).toBe(30);
    expect(minutesLater(nextPollAfterSuccess(NOW, 30, { ttlMinutes: 90 }, bounds))).toBe(90);
    expect(minutesLater(nextPollAfterSuccess(NOW, 30, { maxAgeSeconds: 7200 }, bounds))).toBe(120);
    expect(minutesLater(nextPollAfterSuccess(NOW, 30, { expiresAt: '2026-03-01T15:00:00Z' }, bounds))).toBe(180);
    expect(minutesLater(nextPollAfterSuccess(NOW, 30, { maxAgeSeconds: 60 }, bounds))).toBe(30);
  });

  it('stays within the configured bounds', () => {
    expect(minutesLater(nextPollAfterSuccess(NOW, 1, {}, bounds))).toBe(5);
    expect(minutesLater(nextPollAfterSuccess(NOW, 30, { ttlMinutes: 100_000 }, bounds))).toBe(1440);
  });
});

describe('nextPollAfterFailure', () => {
  it('backs off exponentially with ±25% jitter, up to the upper bound and never beyond', () => {
    const at = (failures: number, random: number) =>
      minutesLater(nextPollAfterFailure(NOW, 30, failures, undefined, bounds, () => random));
    expect([at(1, 0.5), at(2, 0.5), at(3, 0.5), at(4, 0.5)]).toEqual([30, 60, 120, 240]);
    expect(at(2, 0)).toBe(45);
    expect(at(2, 1)).toBe(75);
    expect(at(50, 1)).toBe(1440);
  });

  it('never retries before Retry-After, within the bounds', () => {
    expect(minutesLater(nextPollAfterFailure(NOW, 30, 1, 7200, bounds, () => 0.5))).toBe(120);
    expect(minutesLater(nextPollAfterFailure(NOW, 30, 1, 10 * 86_400, bounds, () => 0.5))).toBe(1440);
  });
});
