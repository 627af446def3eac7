import { describe, expect, it } from 'vitest';
import { createRequestLimit } from './request-limit.ts';

describe('createRequestLimit', () => {
  it('allows perHour requests of a host at once, then says how long to wait for the next', () => {
    const limit = createRequestLimit(3);
    expect([0, 1, 2].map((ms) => limit.take('a.example', ms))).toEqual([undefined, undefined, undefined]);
    expect(limit.take('a.example', 3)).toBe(1200); // one token every 20 minutes
    expect(limit.take('b.example', 3)).toBeUndefined(); // another host has its own bucket
  });

  it('refills at perHour an hour, never beyond perHour', () => {
    const limit = createRequestLimit(2);
    limit.take('a.example', 0);
    limit.take('a.example', 0);
    expect(limit.take('a.example', 0)).toBe(1800);
    expect(limit.take('a.example', 1_800_000)).toBeUndefined(); // half an hour: one request back
    expect(limit.take('a.example', 1_800_000)).toBe(1800);
    const later = 1_800_000 + 10 * 3_600_000;
    expect([limit.take('a.example', later), limit.take('a.example', later)]).toEqual([undefined, undefined]);
    expect(limit.take('a.example', later)).toBe(1800);
  });

  it('forgets the least recently seen hosts beyond its bound, so a flood of hosts cannot grow it', () => {
    const limit = createRequestLimit(1, 2);
    limit.take('a.example', 0);
    limit.take('b.example', 0);
    limit.take('c.example', 0); // a.example is forgotten: a fresh bucket
    expect(limit.take('a.example', 0)).toBeUndefined();
    expect(limit.take('c.example', 0)).toBe(3600);
  });
});
